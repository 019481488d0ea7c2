package org.cpor.audit.cockpit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details for the claims history, as the partner API answers them. Registered with the plugin's
 * resources; it maps only the plugin's own exception, so the rest of Cockpit keeps Camunda's error handling.
 */
@Provider
public class ClaimsHistoryProblems implements ExceptionMapper<ClaimsHistoryProblem> {

  static final String PROBLEM_JSON = "application/problem+json";

  @Override
  public Response toResponse(ClaimsHistoryProblem problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:cpor:problem:" + problem.type());
    Response.StatusType status = Response.Status.fromStatusCode(problem.status());
    body.put("title", status == null ? "Error" : status.getReasonPhrase());
    body.put("status", problem.status());
    body.put("detail", problem.getMessage());
    if (!problem.errors().isEmpty()) {
      body.put("errors", problem.errors());
    }
    return Response.status(problem.status()).type(PROBLEM_JSON).entity(body).build();
  }
}
