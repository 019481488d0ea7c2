package org.cpor.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a request in a canonical form: method, path, query, then either the body's bytes or, for a
 * multipart body, every part (name, file name, content type, bytes) ordered by part name. Parts of one name keep
 * their order; the boundary and the order of parts of different names do not count, since a client may change
 * them when it sends the same request again. Every value is written with its length first (a part's bytes as their own
 * SHA-256, of a fixed length), so no two different requests read the same.
 */
final class RequestFingerprint {

  /** One part of a multipart body; {@code content} opens its bytes. */
  record Part(String name, String fileName, String contentType, Content content) {}

  @FunctionalInterface
  interface Content {
    InputStream open() throws IOException;
  }

  private final MessageDigest digest;

  private RequestFingerprint(String method, String path, String query) {
    digest = sha256();
    text("cpor-request-v1");
    text(method);
    text(path);
    text(query);
  }

  static String ofBody(String method, String path, String query, byte[] body) {
    RequestFingerprint fingerprint = new RequestFingerprint(method, path, query);
    fingerprint.text("body");
    fingerprint.length(body.length);
    fingerprint.digest.update(body);
    return fingerprint.hex();
  }

  static String ofParts(String method, String path, String query, List<Part> parts) throws IOException {
    RequestFingerprint fingerprint = new RequestFingerprint(method, path, query);
    fingerprint.text("multipart");
    fingerprint.length(parts.size());
    // a stable sort: parts of one name (several PoE files) keep the order they were sent in
    for (Part part : parts.stream().sorted(Comparator.comparing(Part::name, Comparator.nullsFirst(Comparator.naturalOrder()))).toList()) {
      fingerprint.text(part.name());
      fingerprint.text(part.fileName());
      fingerprint.text(part.contentType());
      // a part's bytes are streamed (a PoE file may have 10 MB): their own SHA-256 stands for them, at a fixed length
      MessageDigest content = sha256();
      try (InputStream in = new DigestInputStream(part.content().open(), content)) {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
          // digested while read
        }
      }
      fingerprint.digest.update(content.digest());
    }
    return fingerprint.hex();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void text(String value) {
    if (value == null) {
      length(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    length(bytes.length);
    digest.update(bytes);
  }

  private void length(long length) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      digest.update((byte) (length >>> shift));
    }
  }

  private String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
