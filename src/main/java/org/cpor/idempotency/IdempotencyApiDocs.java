package org.cpor.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** The OpenAPI description of every operation marked {@link Idempotent} names the header and its answers. */
@Component
// before the customizer that gives every 4xx answer its problem-details schema, so the answers added here get it too
@Order(0)
class IdempotencyApiDocs implements OperationCustomizer {

  static final String DESCRIPTION = """
      Optional. A key of the client's choosing (1 to 255 visible ASCII characters without " and \\, e.g. a UUID; \
      also accepted as a quoted string) that makes a retry safe: sent again with the same key and the same request \
      (method, path and body; for multipart every part's name, file name, type and bytes), the request creates \
      nothing and answers what the first answered (same status, body and Location, with `Idempotent-Replayed: true`), \
      for at least 24 hours. Keys belong to the signed-in user. Only a successful (2xx) answer is kept: a refused or \
      failed request leaves the key free, to be sent again corrected. The same key with another request: 422. \
      A retry while the first is still running waits for it (up to 10 seconds by default), then 409.""";

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    if (!handlerMethod.hasMethodAnnotation(Idempotent.class)) {
      return operation;
    }
    // two handler methods of one path and method (a JSON and a multipart body) describe one operation: the header
    // once; the answers each time, since the second method's own descriptions replace the first's
    if (operation.getParameters() == null || operation.getParameters().stream()
        .noneMatch(p -> IdempotencyKey.HEADER.equals(p.getName()) && "header".equals(p.getIn()))) {
      operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER).required(false).description(DESCRIPTION)
          .schema(new StringSchema().minLength(1).maxLength(IdempotencyKey.MAX_LENGTH))
          .example("8e03978e-40d5-43e8-bc93-6894a57f9324"));
    }
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    describe(operation.getResponses(), HttpStatus.BAD_REQUEST, "the key is empty, too long, sent twice or holds other characters");
    describe(operation.getResponses(), HttpStatus.CONFLICT, "a request with the same key is still in progress "
        + "(urn:cpor:problem:request-in-progress; send it again in a moment to get its answer)");
    describe(operation.getResponses(), HttpStatus.UNPROCESSABLE_ENTITY, "the key was used for another request "
        + "(urn:cpor:problem:idempotency-key-reused)");
    return operation;
  }

  /** Adds what the header may cause to the operation's answer of that status; it has other causes too. */
  private static void describe(ApiResponses responses, HttpStatus status, String cause) {
    String text = "with an Idempotency-Key also: " + cause;
    String code = String.valueOf(status.value());
    ApiResponse response = responses.get(code);
    if (response == null) {
      responses.addApiResponse(code, new ApiResponse().description(status.getReasonPhrase() + "; " + text));
    } else if (response.getDescription() == null || !response.getDescription().contains(text)) {
      response.setDescription((response.getDescription() == null ? status.getReasonPhrase() : response.getDescription()) + "; " + text);
    }
  }
}
