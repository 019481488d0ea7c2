package org.cpor.idempotency;

import java.util.List;
import java.util.Optional;

/**
 * The value of the {@code Idempotency-Key} request header (IETF draft "The Idempotency-Key HTTP Header Field"):
 * 1 to {@value #MAX_LENGTH} visible ASCII characters, e.g. a UUID. The draft writes it as a structured-field string
 * ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}); most clients send it bare. Both are accepted and name the same
 * key. Quotes and backslashes inside a key, spaces, control and non-ASCII characters are refused, so that the key
 * reads the same in every client, log and database.
 */
record IdempotencyKey(String value) {

  static final String HEADER = "Idempotency-Key";
  static final int MAX_LENGTH = 255;

  /** A header that cannot name a key; its message says why without repeating the value. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message);
    }
  }

  /** The key the request names, none when it sends no header; {@link Invalid} for a header that names none. */
  static Optional<IdempotencyKey> of(List<String> headerValues) {
    if (headerValues.isEmpty()) {
      return Optional.empty();
    }
    if (headerValues.size() > 1) {
      throw new Invalid("must be sent once (the request has " + headerValues.size() + " of them)");
    }
    String value = strip(headerValues.get(0));
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    if (value.isEmpty()) {
      throw new Invalid("must not be empty: send 1 to " + MAX_LENGTH + " characters, e.g. a UUID");
    }
    if (value.length() > MAX_LENGTH) {
      throw new Invalid("may have at most " + MAX_LENGTH + " characters (it has " + value.length() + ")");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
        throw new Invalid("may hold only visible ASCII characters (letters, digits and punctuation other than \" and \\; "
            + "no spaces or control characters), e.g. a UUID");
      }
    }
    return Optional.of(new IdempotencyKey(value));
  }

  /** HTTP's optional white space around a field value. */
  private static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }
}
