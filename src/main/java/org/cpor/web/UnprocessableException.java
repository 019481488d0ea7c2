package org.cpor.web;

/** Well-formed input the rules refuse (422), e.g. a domain that does not belong to the tenant. */
public class UnprocessableException extends RuntimeException {

  private final String field;

  public UnprocessableException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
