package org.cpor.partner;

/** A partner organisation; {@code timeZone} is null when it uses the calendar's zone. */
public record Organisation(String id, String name, String timeZone) {

  public String adminsGroup() {
    return PartnerDirectory.GROUP_PREFIX + id + "-admins";
  }
}
