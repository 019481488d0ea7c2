package org.cpor.claim;

public enum AssociationStatus {
  ACTIVE, ENDED
}
