package org.cpor.partner;

import java.util.Collection;
import java.util.List;

/** A partner organisation; {@code timeZone} is null when it uses the calendar's zone. */
public record Organisation(String id, String name, String timeZone) {

  private static final String GROUP_PREFIX = "partner-";
  /** What ends an organisation's admins' group ID; no organisation ID ends so. */
  public static final String ADMINS_SUFFIX = "-admins";

  public String adminsGroup() {
    return adminsGroupOf(id);
  }

  /** The group of every user of the organisation. */
  public String membersGroup() {
    return membersGroupOf(id);
  }

  /** The group of every user of an organisation: {@code partner-<organisation>}. */
  public static String membersGroupOf(String organisationId) {
    return GROUP_PREFIX + organisationId;
  }

  /** Whether a group ID is an organisation's group (of its users or of its admins). */
  public static boolean isOrganisationGroup(String groupId) {
    return groupId.startsWith(GROUP_PREFIX);
  }

  /** The group of an organisation's Incentives admins, who answer its information requests. */
  public static String adminsGroupOf(String organisationId) {
    return GROUP_PREFIX + organisationId + ADMINS_SUFFIX;
  }

  /**
   * Whether an ID ends as an admins' group's does: no organisation's may, or its members' group would be another's
   * admins' group.
   */
  public static boolean isAdminsSuffixed(String id) {
    return id.endsWith(ADMINS_SUFFIX);
  }

  /** The organisations whose members' group is among a user's groups (an admins' group is no organisation's). */
  public static List<String> idsAmong(Collection<String> groups) {
    return groups.stream().filter(g -> isOrganisationGroup(g) && !isAdminsSuffixed(g))
        .map(g -> g.substring(GROUP_PREFIX.length()))
        .toList();
  }
}
