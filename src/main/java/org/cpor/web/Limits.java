package org.cpor.web;

/**
 * The sizes of everything a partner sends, in one place for the API and the portal. They are checked before any
 * database work: a request over a limit is refused at once, holds no connection and is never looked at further, so one
 * partner's huge request cannot slow down another's. The field rules of each request come after.
 */
public final class Limits {

  /** A JSON request body, and the JSON part of a multipart claim: a claim at every other limit fits well within it. */
  public static final int JSON_BODY_BYTES = 256 * 1024;
  /** Workloads of a claim or of a corrected answer: a program's catalogue has 13, administrators may add a few. */
  public static final int WORKLOADS = 20;
  /** PoE files of one submission, answer or dispute: IDs from {@code POST /api/poe} and files sent along, together. */
  public static final int POE_FILES = 20;
  /** A PoE file's content. */
  public static final long POE_FILE_BYTES = 10L * 1024 * 1024;
  /** A PoE file's name; a longer name is shortened on upload, keeping its extension. */
  public static final int FILE_NAME = 255;
  /** The claim's name (DOMAIN.md: 3 to 120 characters), contact names and titles. */
  public static final int NAME = 120;
  public static final int NAME_MIN = 3;
  /** An e-mail address (RFC 5321). */
  public static final int EMAIL = 254;
  /** Free text: the claim's comment, an answer, a dispute's justification, a withdrawal's reason. */
  public static final int TEXT = 10_000;
  /**
   * Text typed into a Tasklist form, and each view a form shows: Camunda keeps a String variable in a column of 4000
   * characters, and a longer one fails the whole transaction.
   */
  public static final int CAMUNDA_STRING = 4000;
  /** A domain name (RFC 1035). */
  public static final int DOMAIN = 253;
  /** Codes and identifiers: PartnerID, program, tenant ID, workload code, subscription ID, language, PoE file ID. */
  public static final int CODE = 64;

  private Limits() {}

  public static String nameLength(int length) {
    return lengthBetween(NAME_MIN, NAME, length);
  }

  public static String lengthBetween(int min, int max, int length) {
    return "must be " + min + " to " + max + " characters long (it has " + length + ")";
  }

  public static String tooLong(int max, int length) {
    return "must be at most " + max + " characters long (it has " + length + ")";
  }
}
