package org.cpor.web;

/**
 * The audiences the API's operations are grouped by (partner first: most readers are partners' developers), and
 * the wording of answers many operations share. Error responses are problem details; {@link OpenApiConfiguration}
 * gives every 4xx answer that schema and every operation its 401.
 */
public final class ApiDocs {

  public static final String PARTNER = "Partner";
  public static final String CALENDAR = "Calendar";
  public static final String AUDITOR = "Auditor";
  public static final String ADMINISTRATOR = "Administrator";

  public static final String INVALID_BODY = "a field is missing or invalid, or the body is not readable JSON; `errors` names each "
      + "field";
  public static final String INVALID_PARAMETER = "a parameter is invalid (an unknown code, `page` below 0, `size` outside 1–200); "
      + "`errors` names it";
  public static final String BODY_TOO_LARGE = "the JSON body is over 256 KB";
  public static final String NOT_JSON = "the body is not `application/json`";
  public static final String NOT_AN_ADMINISTRATOR = "the caller is not an administrator (`camunda-admin`)";

  private ApiDocs() {}
}
