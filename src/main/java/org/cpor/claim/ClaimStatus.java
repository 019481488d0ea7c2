package org.cpor.claim;

import java.util.EnumSet;
import java.util.Set;

public enum ClaimStatus {
  SUBMITTED, UNDER_REVIEW, PARTNER_ACTION_REQUIRED, APPROVED, OFFICIAL, REJECTED, WITHDRAWN, ENDED;

  public static final Set<ClaimStatus> OPEN = EnumSet.of(SUBMITTED, UNDER_REVIEW, PARTNER_ACTION_REQUIRED, APPROVED);

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
