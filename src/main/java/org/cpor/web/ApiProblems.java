package org.cpor.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
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
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
    e.properties().forEach(problem::setProperty);
    return problem;
  }

  /**
   * The engine refused a write because another transaction changed the same process at the same moment (or its
   * process was not where the message goes): the request lost a race and was rolled back as a whole. Calls that
   * change a claim retry first ({@link ConcurrentChanges}); whatever still arrives here is a conflict, not a fault.
   */
  @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
  ProblemDetail raceLost(ProcessEngineException e) {
    log.info("A request lost a race in the engine and was rolled back: {}", e.getMessage());
    return problem(HttpStatus.CONFLICT, "conflict",
        "It was changed by someone else at the same moment, so nothing was changed; read it again and retry if it still applies");
  }

  /**
   * Spring Security's firewall refuses what no client should send (e.g. a parameter name with control
   * characters); it may do so only when a handler first reads the parameters.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e) {
    return badRequest(List.of(new FieldError("request", "contains characters or a form that are not allowed")));
  }

  /** A multipart body that cannot be read (truncated, no boundary, broken headers) is the client's, not ours. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableMultipart(MultipartException e) {
    return badRequest(List.of(new FieldError("body", "is not a readable multipart/form-data request (check the boundary and "
        + "that every part is complete)")));
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
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
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

  /**
   * Anything unexpected: logged with its cause, answered without internals. What the controller had begun to
   * set (a CSV's type, an attachment's name) is dropped, or the problem could not be written at all.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response) throws Exception {
    if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e;
    }
    log.error("Request failed", e);
    if (response.isCommitted()) {
      return null;
    }
    if (ErrorPages.isPageRequest(request)) {
      response.reset();
      sendError(response, HttpStatus.INTERNAL_SERVER_ERROR.value());
      return null;
    }
    response.reset();
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be completed; nothing was changed"));
  }

  /** A browser's page (not the API) gets the product's error page of that status, through the container. */
  private static void sendError(HttpServletResponse response, int status) {
    try {
      response.sendError(status);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The value is not repeated: it may be anything, of any length. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return badRequest(List.of(new FieldError(e.getName(), expected(e.getRequiredType()))));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "is not a valid value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "must be a whole number";
    }
    if (type == java.time.LocalDate.class) {
      return "must be a date as YYYY-MM-DD";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    return "is not a valid value";
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError(e.getRequestPartName(),
        "is required: send it as a multipart/form-data part named " + e.getRequestPartName()))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(badRequest(List.of(new FieldError(e.getParameterName(), "is required"))));
  }

  /**
   * Spring's own answers (405, 406, 415, 404 of an unknown path …) get the product's problem type, and a 400
   * its errors array, so that every error of the API reads the same.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (request instanceof ServletWebRequest servlet && ErrorPages.isPageRequest(servlet.getRequest())) {
      sendError(servlet.getResponse(), statusCode.value());
      return null;
    }
    ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(URI.create("urn:cpor:problem:" + switch (statusCode.value()) {
        case 400 -> "invalid-input";
        case 404 -> "not-found";
        case 405 -> "method-not-allowed";
        case 406 -> "not-acceptable";
        case 413 -> "too-large";
        case 415 -> "unsupported-type";
        default -> statusCode.is5xxServerError() ? "internal-error" : "client-error";
      }));
      if (statusCode.value() == 400 && (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
        problem.setProperty("errors", List.of(new FieldError("request", problem.getDetail() == null ? "is not valid" : problem.getDetail())));
      }
    }
    return response;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
        .toList();
    return ResponseEntity.badRequest().body(badRequest(errors));
  }

  /** Names the field and what it must be, never the parser's message (it names our classes and echoes input). */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(badRequest(List.of(unreadable(e.getCause()))));
  }

  private static FieldError unreadable(Throwable cause) {
    if (cause instanceof StreamConstraintsException) {
      return new FieldError("body", "is too deeply nested or holds a too long value");
    }
    if (cause instanceof JsonParseException parse) {
      return new FieldError("body", "is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
          + parse.getLocation().getColumnNr() + ")");
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
        && text.indexOf(TextInput.NUL) >= 0 && !invalid.getPath().isEmpty()) {
      return new FieldError(path(invalid.getPath()), "may not contain the NUL character");
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return new FieldError(path(mismatch.getPath()), shape(mismatch.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new FieldError(path(mapping.getPath()), "is not a valid value");
    }
    if (cause instanceof MismatchedInputException) {
      return new FieldError("body", "must be a JSON object");
    }
    return new FieldError("body", "is required: a JSON document");
  }

  /** The field as the API names it: {@code workloads[0].code}. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String shape(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "must be text";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "must be a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    return "must be an object";
  }
}
