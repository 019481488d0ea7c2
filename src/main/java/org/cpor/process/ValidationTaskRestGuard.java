package org.cpor.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cpor.claim.ClaimValidation;
import org.cpor.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an invalid decision on {@code Task_ValidateClaim} with 400 before the engine sees it: the engine wraps
 * any exception of a task listener into a 500, so the REST calls that complete the task (the engine's REST API
 * and Tasklist's) are checked here; the task stays open. The task listener checks again as the last guard.
 */
@Component
class ValidationTaskRestGuard extends OncePerRequestFilter {

  private static final Pattern COMPLETION = Pattern.compile("/(?:engine-rest|camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form)$");

  private final TaskService tasks;
  private final ClaimValidation validation;
  private final ObjectMapper json;

  ValidationTaskRestGuard(TaskService tasks, ClaimValidation validation, ObjectMapper json) {
    this.tasks = tasks;
    this.validation = validation;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length())).find();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    matcher.find();
    Task task = tasks.createTaskQuery().taskId(matcher.group(1)).singleResult();
    if (task == null || !AssociationClaimProcess.TASK_VALIDATE_CLAIM.equals(task.getTaskDefinitionKey())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode variables = body.length == 0 ? json.nullNode() : json.readTree(body).path("variables");
    try {
      validation.check(TaskValues.validationInput(name -> value(variables, name)));
    } catch (InvalidInputException e) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", "InvalidRequestException");
      error.put("message", "Cannot complete task " + task.getId() + ": " + e.getMessage());
      error.put("code", null);
      error.put("errors", e.errors());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), error);
      return;
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }

  /** A variable's value as the REST API carries it; a list may arrive as a JSON array. */
  private Object value(JsonNode variables, String name) {
    JsonNode value = variables.path(name).path("value");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    return value.isArray() ? json.convertValue(value, java.util.List.class) : value.asText();
  }

  /** The request with its body readable again for the engine's REST API. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the engine REST API reads synchronously");
        }

        @Override
        public int read() {
          return in.read();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
