package org.cpor.identity;

import java.util.Collection;

/** Group IDs of DOMAIN.md. */
public final class Groups {
  public static final String ADMINS = "camunda-admin";
  public static final String VALIDATORS = "validators";
  public static final String VALIDATION_LEADS = "validation-leads";
  public static final String AUDITORS = "auditors";
  public static final String INCENTIVES_ADMINS = "incentives-admins";
  public static final String INCENTIVES_USERS = "incentives-users";

  /**
   * Who may read the claims history (Cockpit's plugin and the export): auditors and administrators, as a rule of
   * Spring Security.
   */
  public static final String MAY_AUDIT = "hasAnyAuthority('" + AUDITORS + "', '" + ADMINS + "')";

  /** {@link #MAY_AUDIT} for the groups of a user the engine has signed in. */
  public static boolean mayAudit(Collection<String> groups) {
    return groups.contains(AUDITORS) || groups.contains(ADMINS);
  }

  private Groups() {}
}
