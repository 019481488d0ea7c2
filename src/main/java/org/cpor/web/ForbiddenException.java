package org.cpor.web;

/** The caller may see the thing but not do this (403). */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
