package org.cpor.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.cpor.claim.ClaimStore;
import org.cpor.identity.Groups;
import org.cpor.web.FieldError;
import org.cpor.web.Limits;
import org.cpor.web.ReplayedBodyRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The trust boundary of the claim's tasks on every path that writes to them: the engine's REST API
 * ({@code /engine-rest/task/…} and {@code /engine-rest/engine/{name}/task/…}) and Tasklist's own
 * ({@code /camunda/api/engine/engine/{name}/task/…}). Camunda's authorisation lets a candidate work a task and a
 * lead (TASK_ASSIGN) change anything about it; the process needs more:
 * <ul>
 * <li>a completion carries only the fields of the task's form (its display fields unchanged), checked like the
 * form checks them, by a member of the task's group ({@link TaskRouting}): anything else is 400 or 403 and the task
 * stays open;</li>
 * <li>a task is claimed only by oneself and assigned only to a member of its group;</li>
 * <li>comments come only from validators on the validation task; everything else that changes a task (its variables,
 * identity links, name, dates, attachments, delegation) is for administrators only, and nobody throws BPMN errors or
 * escalations on the claim's tasks or deletes them (the model catches none, the claim would wait for ever);</li>
 * <li>only administrators run a job by hand (the engine would count anyone else's refused try as a failed attempt).</li>
 * </ul>
 * Loading a validation task's form ({@code GET …/task/{id}/form-variables}, what Tasklist asks for when it shows the
 * form) refreshes the competition the form shows, for a member of the task's group: the form shows competing claims as
 * they are when the validator looks, not as they were when the task was created.
 * A completion that loses a race (the task was completed or changed at the same moment) answers 409 with the
 * claim's current status. The task listeners check group membership again, whatever the path.
 */
@Component
class EngineRestGuard extends OncePerRequestFilter {

  private static final String ENGINE_REST = "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/([^/]+))";
  private static final Pattern TASK_CALL = Pattern.compile(ENGINE_REST + "/task/([^/]+)(/.*)?$");
  /**
   * Running a job by hand: the engine refuses a caller without the right, but only inside the job's execution, which
   * then counts as a failed attempt (retries down, an incident at zero): such a call is refused before the engine.
   */
  private static final Pattern JOB_EXECUTION = Pattern.compile(ENGINE_REST + "/job/[^/]+/execute$");
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
  /** What Tasklist reads to show a task's Camunda Form. */
  private static final String FORM_LOAD = "/form-variables";
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineRestGuard.class);
  /** Calls on /task/… that are not about one task: a query (POST /task/count) or a new standalone task. */
  private static final Set<String> NOT_A_TASK = Set.of("count", "create", "report");

  /** What a completion may carry, per task: the keys of the task's form that the user fills in. */
  static final Map<String, Set<String>> DECISION_FIELDS = Map.of(
      AssociationClaimProcess.TASK_VALIDATE_CLAIM, Set.of(AssociationClaimProcess.VALIDATION_OUTCOME.name(),
          AssociationClaimProcess.VALIDATION_REASONS.name(), AssociationClaimProcess.VALIDATION_COMMENT.name()),
      AssociationClaimProcess.TASK_PROVIDE_INFORMATION, Set.of(AssociationClaimProcess.ANSWER_COMMENT.name()));
  /** The forms' read-only fields: Tasklist sends them back as they were shown. */
  static final Set<String> DISPLAY_FIELDS = Set.of(TaskDisplay.CLAIM_SUMMARY, TaskDisplay.CLAIM_FINDINGS,
      TaskDisplay.COMPETING_CLAIMS, TaskDisplay.INFORMATION_QUESTION);
  private static final Set<String> VALUE_TYPES = Set.of("string", "json", "null");
  /** How the engine's REST API words a completion that lost a race: a concurrent change, or the task gone. */
  private static final Pattern RACE_LOST = Pattern.compile("OptimisticLockingException|ENGINE-03005|Cannot find task with id");

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final TaskRouting routing;
  private final ClaimStore claims;
  private final ObjectMapper json;
  private final TaskDisplay display;

  EngineRestGuard(TaskService tasks, RuntimeService runtime, HistoryService history, IdentityService identity,
      TaskRouting routing, ClaimStore claims, ObjectMapper json, TaskDisplay display) {
    this.display = display;
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.routing = routing;
    this.claims = claims;
    this.json = json;
  }

  private record Caller(String userId, List<String> groups) {

    boolean isAdmin() {
      return groups.contains(Groups.ADMINS);
    }
  }

  /** A task as the guard needs it, read whatever the caller may see. */
  private record TaskFacts(String id, String name, String key, String processInstanceId, String claimId, String group) {

    /** The caller belongs to the task's group, the only ones who work it. */
    boolean workedBy(Caller caller) {
      return group != null && caller.groups().contains(group);
    }
  }

  /** A refusal: the status and what the client is told. */
  private static final class Refused extends Exception {

    private final int status;
    private final List<FieldError> errors;

    Refused(int status, String message, List<FieldError> errors) {
      super(message, null, false, false);
      this.status = status;
      this.errors = errors;
    }

    static Refused forbidden(String message) {
      return new Refused(HttpServletResponse.SC_FORBIDDEN, message, List.of());
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    Matcher call = TASK_CALL.matcher(path);
    if (READING.contains(request.getMethod())) {
      return !(isFormLoad(request.getMethod(), call));
    }
    return !(call.matches() && !NOT_A_TASK.contains(call.group(2)) || JOB_EXECUTION.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher job = JOB_EXECUTION.matcher(path(request));
    Matcher call = TASK_CALL.matcher(path(request));
    if (isFormLoad(request.getMethod(), call)) {
      refreshCompetition(request, call);
      chain.doFilter(request, response);
      return;
    }
    Optional<Caller> caller = caller(request, job.matches() ? job.group(1) : call.matches() ? call.group(1) : null);
    if (caller.isEmpty()) {
      // the engine's REST API has refused nobody already; Tasklist's would: the guard never lets a call through unchecked
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in first", List.of());
      return;
    }
    if (job.matches()) {
      if (caller.get().isAdmin()) {
        chain.doFilter(request, response);
      } else {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "Only administrators run jobs by hand", List.of());
      }
      return;
    }
    Optional<TaskFacts> task = facts(call.group(2));
    if (task.isEmpty()) {
      // a member of the group of a task completed a moment ago lost a race (or clicked twice): say what became of the claim
      Optional<TaskFacts> completed = completedFacts(call.group(2)).filter(done -> done.workedBy(caller.get()));
      if (completed.isPresent()) {
        lostRace(response, completed.get());
      } else {
        refuse(response, HttpServletResponse.SC_NOT_FOUND, "There is no task " + call.group(2), List.of());
      }
      return;
    }
    String action = call.group(3) == null ? "" : call.group(3);
    byte[] body = request.getInputStream().readAllBytes();
    try {
      check(request.getMethod(), action, caller.get(), task.get(), body);
    } catch (Refused refused) {
      refuse(response, refused.status, refused.getMessage(), refused.errors);
      return;
    } catch (RuntimeException failed) {
      // the engine trips over a task completed while the guard reads it (NullValueException, or on PostgreSQL a
      // NullPointerException in its own authorisation check): that is a lost race; anything else is not
      if (!(failed instanceof NullValueException) && facts(task.get().id()).isPresent()) {
        throw failed;
      }
      lostRace(response, task.get());
      return;
    }
    HttpServletRequest replayed = new ReplayedBodyRequest(request, body);
    if (!isCompletion(request.getMethod(), action)) {
      chain.doFilter(replayed, response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(replayed, answer);
    // what the decision or the answer says is checked once, where every completion ends: the task's listener
    Optional<List<FieldError>> refused = TaskRefusals.of(request);
    if (answer.getStatus() >= 400 && refused.isPresent()) {
      answer.resetBuffer();
      Refused bad = badCompletion(task.get(), refused.get());
      refuse(response, bad.status, bad.getMessage(), bad.errors);
      return;
    }
    if (answer.getStatus() >= 400 && lostRace(answer, caller.get(), task.get())) {
      answer.resetBuffer();
      lostRace(response, task.get());
      return;
    }
    answer.copyBodyToResponse();
  }

  private static boolean isFormLoad(String method, Matcher call) {
    return "GET".equals(method) && call.matches() && FORM_LOAD.equals(call.group(3));
  }

  /** For a member of the validation task's group (nobody else reads it): the competition as it is now. */
  private void refreshCompetition(HttpServletRequest request, Matcher call) {
    Optional<Caller> caller = caller(request, call.group(1));
    Optional<TaskFacts> task = caller.isEmpty() ? Optional.empty() : facts(call.group(2));
    if (task.isEmpty() || task.get().claimId() == null || !task.get().workedBy(caller.get())
        || !AssociationClaimProcess.TASK_VALIDATE_CLAIM.equals(task.get().key())) {
      return;
    }
    try {
      routing.asProduct(() -> {
        display.refreshCompetition(task.get().id(), task.get().claimId());
        return null;
      });
    } catch (RuntimeException raced) {
      // completed or changed at this very moment: the form shows what was stored, the completion decides
      log.debug("Competition of {} not refreshed: {}", task.get().id(), raced.toString());
    }
  }

  private void check(String method, String action, Caller caller, TaskFacts task, byte[] body) throws Refused {
    boolean works = task.workedBy(caller);
    switch (action) {
      case "/complete", "/submit-form" -> {
        Optional<String> refusal = routing.completionRefused(task.name(), task.group(), caller.userId(), caller.groups());
        if (refusal.isPresent()) {
          throw Refused.forbidden(refusal.get());
        }
        checkCompletion(task, body);
      }
      case "/claim" -> {
        String userId = userIdIn(body);
        if (!caller.isAdmin() && !(works && caller.userId().equals(userId))) {
          throw Refused.forbidden(caller.userId() + " may claim " + task.name() + " only for themselves, as a member of "
              + task.group());
        }
        checkAssignee(task, userId);
      }
      case "/assignee" -> checkAssignee(task, userIdIn(body));
      case "/delegate" -> {
        if (!caller.isAdmin()) {
          throw Refused.forbidden("Only administrators may delegate " + task.name());
        }
        checkAssignee(task, userIdIn(body));
      }
      case "/unclaim" -> {
        if (!caller.isAdmin() && !works) {
          throw Refused.forbidden(caller.userId() + " does not work " + task.name());
        }
      }
      case "/comment/create" -> {
        // validators note what they checked; partners answer through the form, whose answer the claim records
        if (!caller.isAdmin() && !(works && AssociationClaimProcess.TASK_VALIDATE_CLAIM.equals(task.key()))) {
          throw Refused.forbidden("Only validators comment on " + AssociationClaimProcess.TASK_VALIDATE_CLAIM
              + "; " + task.name() + " is answered through its form");
        }
        JsonNode instance = parse(body).path("processInstanceId");
        if (instance.isTextual() && !instance.asText().equals(task.processInstanceId())) {
          throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "A comment on " + task.name() + " belongs to its own claim",
              List.of(new FieldError("processInstanceId", "must be the task's own process instance")));
        }
      }
      case "/bpmnError", "/bpmnEscalation" -> {
        if (!caller.isAdmin()) {
          throw Refused.forbidden("Only administrators may throw BPMN events on " + task.name());
        }
        // the model catches none on the claim's tasks: the instance would end and leave the claim waiting for ever
        throw new Refused(HttpServletResponse.SC_BAD_REQUEST, task.name() + " has no boundary event for a BPMN error or"
            + " escalation", List.of(new FieldError(action.substring(1), "is not caught on " + task.name())));
      }
      case "" -> {
        if (!caller.isAdmin()) {
          throw Refused.forbidden(method + " on the task changes " + task.name() + " beyond working it: administrators only");
        }
        if ("DELETE".equals(method) && task.processInstanceId() != null) {
          throw new Refused(HttpServletResponse.SC_BAD_REQUEST, task.name() + " is a step of a running claim: it is"
              + " completed, never deleted", List.of(new FieldError("task", "belongs to a running process")));
        }
      }
      default -> {
        if (!caller.isAdmin()) {
          throw Refused.forbidden(method + " " + action + " changes " + task.name() + " beyond working it: administrators only");
        }
      }
    }
  }

  /** Only the form's fields, with values of the form's types, that the form's own rules accept. */
  private void checkCompletion(TaskFacts task, byte[] body) throws Refused {
    JsonNode variables = parse(body).path("variables");
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "variables must be an object",
          List.of(new FieldError("variables", "must be an object")));
    }
    Set<String> fields = DECISION_FIELDS.getOrDefault(task.key(), Set.of());
    Map<String, Object> shown = routing.asProduct(() -> tasks.getVariablesLocal(task.id()));
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String name = variable.getKey();
      JsonNode value = variable.getValue().path("value");
      String type = variable.getValue().path("type").asText("string").toLowerCase(java.util.Locale.ROOT);
      if (DISPLAY_FIELDS.contains(name) && shown.containsKey(name)) {
        if (!Objects.equals(normalised(text(value)), normalised(Objects.toString(shown.get(name), null)))) {
          errors.add(new FieldError(name, "is shown to read, not to change"));
        }
      } else if (!fields.contains(name)) {
        errors.add(new FieldError(name, "is not a field of " + task.name() + "; it may carry only " + String.join(", ",
            fields.stream().sorted().toList())));
      } else if (!VALUE_TYPES.contains(type) || !(value.isTextual() || value.isArray() || value.isNull() || value.isMissingNode())) {
        errors.add(new FieldError(name, "must be text"));
      } else if (value.isTextual() && value.asText().length() > Limits.CAMUNDA_STRING) {
        errors.add(new FieldError(name, "must be at most " + Limits.CAMUNDA_STRING + " characters long"));
      }
    }
    if (!errors.isEmpty()) {
      throw badCompletion(task, errors);
    }
  }

  /** A completion the task refuses: 400, naming every bad field. */
  private static Refused badCompletion(TaskFacts task, List<FieldError> errors) {
    return new Refused(HttpServletResponse.SC_BAD_REQUEST, "Cannot complete " + task.name() + ": "
        + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
  }

  /** An assignee is nobody (unassigned) or a member of the task's group. */
  private void checkAssignee(TaskFacts task, String userId) throws Refused {
    Optional<String> refusal = routing.assignmentRefused(task.name(), task.group(), userId);
    if (refusal.isPresent()) {
      throw Refused.forbidden(refusal.get());
    }
  }

  private String userIdIn(byte[] body) throws Refused {
    JsonNode userId = parse(body).path("userId");
    return userId.isTextual() && !userId.asText().isBlank() ? userId.asText() : null;
  }

  private JsonNode parse(byte[] body) throws Refused {
    if (body.length == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(body);
      return node == null ? json.createObjectNode() : node;
    } catch (IOException e) {
      throw new Refused(HttpServletResponse.SC_BAD_REQUEST, "The body is not readable JSON",
          List.of(new FieldError("body", "is not readable JSON")));
    }
  }

  /** The signed-in user: the engine's REST API has signed them in already; Tasklist keeps them in its session. */
  private Optional<Caller> caller(HttpServletRequest request, String webappEngine) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return Optional.of(new Caller(current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds()));
    }
    HttpSession session = request.getSession(false);
    if (webappEngine == null || session == null) {
      return Optional.empty();
    }
    Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
    org.camunda.bpm.webapp.impl.security.auth.Authentication user = signedIn.getAuthenticationForProcessEngine(webappEngine);
    if (!(user instanceof UserAuthentication userAuthentication)) {
      return Optional.empty();
    }
    List<String> groups = userAuthentication.getGroupIds();
    return Optional.of(new Caller(user.getName(), groups == null ? List.of() : groups));
  }

  private Optional<TaskFacts> facts(String taskId) {
    return routing.asProduct(() -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return Optional.empty();
      }
      ProcessInstance instance = task.getProcessInstanceId() == null ? null
          : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
      return Optional.of(facts(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
          instance == null ? null : instance.getBusinessKey()));
    });
  }

  /** A claim's task that has ended, read from the history. */
  private Optional<TaskFacts> completedFacts(String taskId) {
    return routing.asProduct(() -> {
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
      if (task == null || task.getProcessInstanceId() == null) {
        return Optional.empty();
      }
      return Optional.of(facts(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
          history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
              .getBusinessKey()));
    });
  }

  private TaskFacts facts(String id, String name, String key, String processInstanceId, String claimId) {
    return new TaskFacts(id, name, key, processInstanceId, claimId, routing.groupFor(key, claimId).orElse(null));
  }

  private static boolean isCompletion(String method, String action) {
    return "POST".equals(method) && ("/complete".equals(action) || "/submit-form".equals(action));
  }

  /**
   * Whether the engine failed the completion because another one got there first: it says so (a concurrent change, the
   * task gone), it refuses a member of the task's group, who may work the task for as long as the task exists, or it
   * failed and the task has been completed meanwhile.
   */
  private boolean lostRace(ContentCachingResponseWrapper answer, Caller caller, TaskFacts task) {
    boolean member = task.workedBy(caller);
    return RACE_LOST.matcher(new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8)).find()
        || member && answer.getStatus() == HttpServletResponse.SC_FORBIDDEN
        // the engine may also trip over the state the winner left behind (PostgreSQL): the task is gone by now
        || member && answer.getStatus() >= 500 && facts(task.id()).isEmpty();
  }

  /** Another completion changed the task first, or completed it between the guard's look and the engine's. */
  private void lostRace(HttpServletResponse response, TaskFacts task) throws IOException {
    String status = task.claimId() == null ? "unknown"
        : claims.find(task.claimId()).map(c -> c.status().name()).orElse("unknown");
    refuse(response, HttpServletResponse.SC_CONFLICT, task.name() + " was completed or changed by someone else at the"
        + " same moment; claim " + task.claimId() + " is now " + status, List.of());
  }

  private void refuse(HttpServletResponse response, int status, String message, List<FieldError> errors) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", switch (status) {
      case HttpServletResponse.SC_UNAUTHORIZED -> "AuthenticationException";
      case HttpServletResponse.SC_FORBIDDEN -> "AuthorizationException";
      case HttpServletResponse.SC_CONFLICT -> "ConflictException";
      default -> "InvalidRequestException";
    });
    error.put("message", message);
    error.put("code", null);
    error.put("errors", errors);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), error);
  }

  /** A variable's value as the REST API carries it; a list may arrive as a JSON array. */
  private Object value(JsonNode variables, String name) {
    JsonNode value = variables.path(name).path("value");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    return value.isArray() ? json.convertValue(value, List.class) : value.asText();
  }

  private static String text(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
  }

  private static String normalised(String text) {
    return text == null ? null : text.replace("\r\n", "\n").strip();
  }

  /**
   * The path as the container routes it: decoded, with {@code //}, {@code ./} and {@code ;parameters} resolved, so a
   * spelling such as {@code /engine-rest//task/…} or {@code …/complete;x=y} is checked like the plain one.
   */
  private static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }
}
