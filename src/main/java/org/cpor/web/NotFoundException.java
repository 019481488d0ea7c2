package org.cpor.web;

/** Absent, or not the caller's to see (404). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
