package org.cpor.web;

import java.util.Set;

/** The languages customers read their e-mails and pages in: English and Hungarian, by their ISO 639-1 codes. */
public final class Languages {

  public static final String ENGLISH = "en";
  public static final String HUNGARIAN = "hu";
  /** How an error names the choice. */
  public static final String CHOICE = "must be " + ENGLISH + " or " + HUNGARIAN;
  /** The choice as a regular expression (case is ignored where it is used). */
  public static final String FORMAT = ENGLISH + "|" + HUNGARIAN;

  private static final Set<String> SUPPORTED = Set.of(ENGLISH, HUNGARIAN);

  private Languages() {}

  public static boolean isSupported(String code) {
    return code != null && SUPPORTED.contains(code);
  }

  /** The other language, which a customer page offers to switch to. */
  public static String other(String code) {
    return ENGLISH.equals(code) ? HUNGARIAN : ENGLISH;
  }
}
