package org.cpor.web;

/** An upload of a type that is not allowed (415); nothing of it is kept. */
public class UnsupportedTypeException extends RuntimeException {
  public UnsupportedTypeException(String message) {
    super(message);
  }
}
