package org.cpor.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem details for every error of the API. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

  static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cpor:problem:" + type));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  static ProblemDetail badRequest(List<FieldError> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input",
        errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid");
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return badRequest(e.errors());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(UnprocessableException.class)
  ProblemDetail unprocessable(UnprocessableException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "refused", e.getMessage());
    problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
    return problem;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "A proof-of-execution file may have at most 10 MB"));
  }

  @ExceptionHandler(UnsupportedTypeException.class)
  ProblemDetail unsupportedType(UnsupportedTypeException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-type", e.getMessage());
  }

  @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden",
        e instanceof ForbiddenException ? e.getMessage() : "You may not do this");
  }

  /** Anything unexpected: logged with its cause, answered without internals. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) throws Exception {
    if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e;
    }
    log.error("Request failed", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be completed; nothing was changed");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(List.of(new FieldError(e.getName(), "is not a valid value: " + e.getValue())));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
        .toList();
    return ResponseEntity.badRequest().body(badRequest(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = e.getMostSpecificCause().getMessage();
    if (detail != null && detail.length() > 300) {
      detail = detail.substring(0, 300);
    }
    return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError("body", "is not readable JSON: " + detail))));
  }
}
