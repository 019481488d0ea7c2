package org.cpor.identity;

/** Group IDs of DOMAIN.md. */
public final class Groups {
  public static final String ADMINS = "camunda-admin";
  public static final String VALIDATORS = "validators";
  public static final String VALIDATION_LEADS = "validation-leads";
  public static final String AUDITORS = "auditors";
  public static final String INCENTIVES_ADMINS = "incentives-admins";
  public static final String INCENTIVES_USERS = "incentives-users";

  private Groups() {}
}
