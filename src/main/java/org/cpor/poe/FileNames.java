package org.cpor.poe;

import org.cpor.web.DisplayText;
import org.cpor.web.Limits;

/**
 * A PoE file's name as it is kept: what the browser or client sent, made plain. It is shown to validators, auditors and
 * in downloads, so it has no line breaks or other control characters, no invisible characters that reorder or hide
 * text (bidirectional overrides, zero-width characters), no path, and at most {@link Limits#FILE_NAME} characters.
 */
final class FileNames {

  /** An extension longer than this is not one worth keeping when a name is shortened. */
  private static final int EXTENSION = 10;

  private FileNames() {}

  /** The name to keep; empty when nothing is left of it. */
  static String normalise(String fileName) {
    String name = DisplayText.singleLine(fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_"));
    if (name.length() <= Limits.FILE_NAME) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= EXTENSION ? name.substring(dot) : "";
    return (cut(name.substring(0, name.length() - extension.length()), Limits.FILE_NAME - extension.length()).strip()
        + extension);
  }

  /** The first {@code length} characters, without splitting a character that needs two. */
  private static String cut(String text, int length) {
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }
}
