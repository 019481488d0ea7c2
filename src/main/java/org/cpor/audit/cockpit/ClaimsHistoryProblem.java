package org.cpor.audit.cockpit;

import java.util.List;
import org.cpor.web.FieldError;

/**
 * An answer of the claims history that is not the history: what the caller did wrong, or that it failed, said
 * without internals. Answered as problem details by {@link ClaimsHistoryProblems}.
 */
class ClaimsHistoryProblem extends RuntimeException {

  private final int status;
  private final String type;
  private final transient List<FieldError> errors;

  ClaimsHistoryProblem(int status, String type, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  List<FieldError> errors() {
    return errors;
  }
}
