package org.cpor.partner;

/** A partner organisation; {@code timeZone} is null when it uses the calendar's zone. */
public record Organisation(String id, String name, String timeZone) {

  public String adminsGroup() {
    return adminsGroupOf(id);
  }

  /** The group of an organisation's Incentives admins, who answer its information requests. */
  public static String adminsGroupOf(String organisationId) {
    return PartnerDirectory.GROUP_PREFIX + organisationId + "-admins";
  }
}
