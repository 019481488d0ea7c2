package org.cpor.web;

import java.util.List;

/** Bad input: answered with 400 and every bad field named. */
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
