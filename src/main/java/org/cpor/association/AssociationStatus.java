package org.cpor.association;

public enum AssociationStatus {
  ACTIVE, ENDED
}
