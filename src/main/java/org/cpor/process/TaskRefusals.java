package org.cpor.process;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a task listener refused of a completion: the listener is the one place a decision or an answer is checked,
 * whatever way the completion came; the engine answers a REST client with its own words, so the request being answered
 * keeps every bad field for {@link EngineRestGuard} to answer with.
 */
final class TaskRefusals {

  private static final String ATTRIBUTE = TaskRefusals.class.getName();

  private TaskRefusals() {}

  /** The engine's refusal of the completion, its fields kept for the request that asked (if any). */
  static FormFieldValidationException refused(InvalidInputException refusal) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, refusal.errors(), RequestAttributes.SCOPE_REQUEST);
    }
    return new FormFieldValidationException(refusal.errors().get(0).field(), refusal.getMessage());
  }

  /** The fields a task listener refused while this request was answered. */
  @SuppressWarnings("unchecked")
  static Optional<List<FieldError>> of(HttpServletRequest request) {
    return Optional.ofNullable((List<FieldError>) request.getAttribute(ATTRIBUTE));
  }
}
