package org.cpor.web;

import java.util.regex.Pattern;

/**
 * Partner and validator text as Camunda Forms show it. Tasklist's form-js renders a {@code text} component's template
 * with marked (GitHub-flavoured, line breaks kept) and inserts variables into that Markdown as they are, so a value
 * could otherwise start a heading, open a link, an image or an HTML element that swallows the next entry, or turn into a
 * link by itself. Each value is therefore one line, and every character that means something inside a Markdown line is
 * backslash-escaped, which marked shows as the character itself. A {@code textarea} shows its value as it is, so the
 * values meant for text areas are only kept on one line ({@link #singleLine}), without escapes.
 */
public final class DisplayText {

  /** Line breaks, tabs and every other control character, and the line and paragraph separators. */
  private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");
  /** Invisible format characters: bidirectional overrides and isolates, zero-width characters, the byte-order mark. */
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");
  private static final Pattern SPACES = Pattern.compile(" {2,}");
  /**
   * Inline Markdown and HTML: escapes, code, emphasis, strike-through, links and images, headings, tables, HTML and
   * entities. Markers that work only at the start of a line ({@code - + = .}) stay: no value starts a line.
   */
  private static final String SPECIAL = "\\`*_~[]()!#|<>&";

  private DisplayText() {}

  /** The value on one line: control characters become spaces, invisible ones go, spaces collapse; never null. */
  public static String singleLine(String value) {
    if (value == null) {
      return "";
    }
    String text = INVISIBLE.matcher(value).replaceAll("");
    text = BREAKS.matcher(text).replaceAll(" ");
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  /**
   * The value on one line, with Markdown and HTML inert: {@code a\n# B <img>} becomes {@code a \# B \<img\>}. Bare
   * addresses do not become links either: the colon of {@code ://} and the dot of {@code www.} are escaped too.
   */
  public static String escape(String value) {
    String line = singleLine(value);
    StringBuilder escaped = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (SPECIAL.indexOf(c) >= 0 || c == ':' && line.startsWith("//", i + 1)
          || c == '.' && i >= 3 && line.regionMatches(true, i - 3, "www", 0, 3)) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /**
   * An escaped value cut to at most {@code max} characters, ending in "…" when cut: never between a backslash and the
   * character it escapes, nor inside a character that needs two.
   */
  public static String shorten(String escaped, int max) {
    if (escaped.length() <= max) {
      return escaped;
    }
    int end = Math.max(0, max - 1);
    if (end > 0 && Character.isHighSurrogate(escaped.charAt(end - 1))) {
      end--;
    }
    int backslashes = 0;
    while (backslashes < end && escaped.charAt(end - 1 - backslashes) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      end--;
    }
    return escaped.substring(0, end) + "…";
  }
}
