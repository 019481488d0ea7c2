package org.cpor.claim;

public enum EndReason {
  SUPERSEDED, CUSTOMER_DECLINED, PARTNER_DISASSOCIATED
}
