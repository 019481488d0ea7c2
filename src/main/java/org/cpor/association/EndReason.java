package org.cpor.association;

public enum EndReason {
  SUPERSEDED, CUSTOMER_DECLINED, PARTNER_DISASSOCIATED
}
