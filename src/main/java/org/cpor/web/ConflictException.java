package org.cpor.web;

import java.util.Map;

/** The request does not fit the current state (409); {@code properties} tell that state, e.g. {@code claimStatus}. */
public class ConflictException extends RuntimeException {

  private final transient Map<String, Object> properties;

  public ConflictException(String message) {
    this(message, Map.of());
  }

  public ConflictException(String message, Map<String, Object> properties) {
    super(message);
    this.properties = Map.copyOf(properties);
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
