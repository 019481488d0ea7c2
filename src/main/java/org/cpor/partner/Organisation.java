package org.cpor.partner;

/** A partner organisation; {@code timeZone} is null when it uses the calendar's zone. */
public record Organisation(String id, String name, String timeZone) {

  public String adminsGroup() {
    return adminsGroupOf(id);
  }

  /** The group of every user of the organisation. */
  public String membersGroup() {
    return membersGroupOf(id);
  }

  /** The group of every user of an organisation: {@code partner-<organisation>}. */
  public static String membersGroupOf(String organisationId) {
    return PartnerDirectory.GROUP_PREFIX + organisationId;
  }

  /** Whether a group ID is an organisation's group (of its users or of its admins). */
  public static boolean isOrganisationGroup(String groupId) {
    return groupId.startsWith(PartnerDirectory.GROUP_PREFIX);
  }

  /** The group of an organisation's Incentives admins, who answer its information requests. */
  public static String adminsGroupOf(String organisationId) {
    return PartnerDirectory.GROUP_PREFIX + organisationId + "-admins";
  }
}
