package org.cpor.web;

/** An upload over its limit (413); nothing of it is kept. */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
