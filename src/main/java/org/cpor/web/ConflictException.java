package org.cpor.web;

/** The request does not fit the current state (409). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
