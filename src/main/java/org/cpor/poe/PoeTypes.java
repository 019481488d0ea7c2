package org.cpor.poe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types a proof of execution may have, recognised by their content: a renamed executable is not a PDF.
 * The name's extension must agree with the content.
 */
final class PoeTypes {

  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private static final Map<String, String> EXTENSIONS = Map.of("pdf", PDF, "png", PNG, "jpg", JPEG, "jpeg", JPEG, "docx", DOCX);

  private PoeTypes() {}

  /** The content type, when the content is one of the allowed types and the name's extension says the same. */
  static Optional<String> detect(String fileName, byte[] content) {
    String byName = EXTENSIONS.get(extension(fileName));
    String byContent = byContent(content);
    return byName != null && byName.equals(byContent) ? Optional.of(byContent) : Optional.empty();
  }

  private static String byContent(byte[] content) {
    if (startsWith(content, "%PDF-".getBytes())) {
      return PDF;
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return PNG;
    }
    if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return JPEG;
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4}) && isWordDocument(content)) {
      return DOCX;
    }
    return null;
  }

  /** A DOCX is a ZIP package with a content-types part and a main Word document part. */
  private static boolean isWordDocument(byte[] content) {
    boolean contentTypes = false;
    boolean document = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        contentTypes |= entry.getName().equals("[Content_Types].xml");
        document |= entry.getName().equals("word/document.xml");
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
    return contentTypes && document;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static String extension(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
