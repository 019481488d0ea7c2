package org.cpor.web;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: answered with 400 and every bad field named. */
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    // joined in one pass: pairwise concatenation copies the message again for every error
    super(errors.isEmpty() ? "invalid input"
        : errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
