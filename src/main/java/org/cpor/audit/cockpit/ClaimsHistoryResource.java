package org.cpor.audit.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cpor.claim.ClaimStatus;
import org.cpor.identity.Groups;
import org.cpor.jdbc.Conditions;
import org.cpor.process.TaskDisplay;
import org.cpor.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only history of claims for auditors and administrators. The claim store is read on the engine's
 * DataSource; custom queries bypass the engine's authorisation, so every call checks the caller's groups.
 */
public class ClaimsHistoryResource extends AbstractCockpitPluginResource {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClaimsHistoryResource.class);

  /**
   * A search counts its claims up to here and no further: beyond it the page says "more than 10 000", and the count
   * stops after that many index entries instead of reading every claim of a long period.
   */
  static final int COUNTED_AT_MOST = 10_000;

  public ClaimsHistoryResource(String engineName) {
    super(engineName);
  }

  /** Page and size arrive as text: a bad number is the caller's mistake (400), not a missing resource. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> search(@QueryParam("claimId") String claimId, @QueryParam("partnerId") String partnerId,
      @QueryParam("tenantId") String tenantId, @QueryParam("outcome") String outcome, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("sort") String sort, @QueryParam("direction") String direction,
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return answer(() -> {
      requireAuditor();
      return search(HistorySearch.parse(claimId, partnerId, tenantId, outcome, from, to, sort, direction, page, size));
    });
  }

  private Map<String, Object> search(HistorySearch search) {
    Conditions conditions = new Conditions()
        .equal("c.id", search.claimId())
        .equal("c.partner_id", search.partnerId())
        .equal("lower(c.customer_tenant_id)", search.tenantId())
        .equal("c.status", search.outcome() == null ? null : search.outcome().name());
    if (search.from() != null) {
      conditions.add("c.submitted_at >= ?", OffsetDateTime.of(search.from().atStartOfDay(), ZoneOffset.UTC));
    }
    if (search.to() != null) {
      conditions.add("c.submitted_at < ?", OffsetDateTime.of(search.to().plusDays(1).atStartOfDay(), ZoneOffset.UTC));
    }
    String where = conditions.where();
    long counted = jdbc().queryForObject("select count(*) from (select 1 from claims c" + where + " limit ?) found",
        Long.class, conditions.params(COUNTED_AT_MOST + 1));
    // the sort key's SQL comes from the whitelist only; paging is bounded by HistorySearch
    List<Map<String, Object>> items = jdbc().queryForList("""
        select c.id, c.name, c.partner_id, c.organisation_id, o.name as organisation_name, c.customer_tenant_id, c.program,
          c.status, c.submitted_at, c.official_at,
          (select max(d.decided_at) from claim_decisions d where d.claim_id = c.id) as decided_at,
          (select count(*) from claim_decisions d where d.claim_id = c.id) as decisions
        from claims c join organisations o on o.id = c.organisation_id""" + where
        + search.sort().orderBy(search.descending()) + " limit ? offset ?", conditions.params(search.size(), search.offset()));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items.stream().map(ClaimsHistoryResource::lowerKeys).toList());
    answer.put("total", Math.min(counted, COUNTED_AT_MOST));
    answer.put("totalCapped", counted > COUNTED_AT_MOST);
    answer.put("page", search.page());
    answer.put("size", search.size());
    answer.put("sort", search.sort().key());
    answer.put("direction", search.descending() ? "desc" : "asc");
    answer.put("outcomes", Arrays.stream(ClaimStatus.values()).map(Enum::name).toList());
    answer.put("sortKeys", Arrays.stream(HistorySort.values()).map(HistorySort::key).toList());
    return answer;
  }

  @GET
  @Path("{claimId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> claim(@PathParam("claimId") String claimId) {
    return answer(() -> {
      requireAuditor();
      return history(HistorySearch.claimId(claimId));
    });
  }

  private Map<String, Object> history(String claimId) {
    List<Map<String, Object>> claim = jdbc().queryForList(
        "select c.*, o.name as organisation_name from claims c join organisations o on o.id = c.organisation_id where c.id = ?", claimId);
    if (claim.isEmpty()) {
      throw new ClaimsHistoryProblem(404, "not-found", "No claim " + claimId, List.of());
    }
    HistoryService history = getProcessEngine().getHistoryService();
    List<Map<String, Object>> instances = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(claimId)
        .orderByProcessInstanceStartTime().asc().list()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", instance.getId());
      view.put("state", instance.getState());
      view.put("startTime", instant(instance.getStartTime()));
      view.put("endTime", instant(instance.getEndTime()));
      view.put("endActivityId", instance.getEndActivityId());
      view.put("activities", history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
          .map(ClaimsHistoryResource::activity).toList());
      view.put("variables", history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
          .orderByTime().asc().list().stream().map(d -> (HistoricVariableUpdate) d)
          .map(ClaimsHistoryResource::variable).toList());
      view.put("incidents", history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list().stream()
          .map(ClaimsHistoryResource::incident).toList());
      view.put("operations", history.createUserOperationLogQuery().processInstanceId(instance.getId())
          .orderByTimestamp().asc().list().stream().map(ClaimsHistoryResource::operation).toList());
      instances.add(view);
    }
    return Map.of(
        "claim", lowerKeys(claim.get(0)),
        "decisions", jdbc().queryForList("select outcome, reasons, comment, decided_at, decided_by from claim_decisions where claim_id = ? order by id", claimId)
            .stream().map(ClaimsHistoryResource::lowerKeys).toList(),
        "timeline", jdbc().queryForList("select occurred_at, actor, type, detail from claim_timeline where claim_id = ? order by id", claimId)
            .stream().map(ClaimsHistoryResource::lowerKeys).toList(),
        "poeFiles", jdbc().queryForList("select id, file_name, content_type, size_bytes, uploaded_at, uploaded_by from poe_files where claim_id = ? order by uploaded_at, id", claimId)
            .stream().map(ClaimsHistoryResource::lowerKeys).toList(),
        "notifications", jdbc().queryForList("select kind, recipient, language, subject, state, attempts, created_at, sent_at, last_error from notifications where claim_id = ? order by id", claimId)
            .stream().map(ClaimsHistoryResource::lowerKeys).toList(),
        "instances", instances);
  }

  /**
   * The definition tab's charts: claims per week by outcome, lead times to the first decision and to official, and
   * review SLA breaches per week, for the claims of the last weeks (see {@link OutcomeFigures}).
   */
  @GET
  @Path("statistics")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> statistics() {
    return answer(() -> {
      requireAuditor();
      // a Cockpit plugin resource is made by the webapp, not by Spring: it reads the engine's clock, which is the
      // system's as the product's is (and follows the product's in tests)
      return new OutcomeFigures(jdbc(), ClockUtil.getCurrentTime().toInstant()).answer();
    });
  }

  private void requireAuditor() {
    Authentication authentication = getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!Groups.mayAudit(groups)) {
      throw new ClaimsHistoryProblem(403, "forbidden", "The claims history is for auditors and administrators", List.of());
    }
  }

  /**
   * Every answer goes through here: bad parameters are named (400); anything unexpected is logged with its
   * cause and answered without it, so no SQL, class name or stack trace reaches the browser.
   */
  private static Map<String, Object> answer(Supplier<Map<String, Object>> body) {
    try {
      return body.get();
    } catch (ClaimsHistoryProblem e) {
      throw e;
    } catch (InvalidInputException e) {
      throw new ClaimsHistoryProblem(400, "invalid-input", e.errors().size() == 1 ? e.getMessage()
          : e.errors().size() + " parameters are invalid", e.errors());
    } catch (RuntimeException e) {
      log.error("The claims history failed", e);
      throw new ClaimsHistoryProblem(500, "internal-error", "The claims history could not be read; the failure is logged",
          List.of());
    }
  }

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(((ProcessEngineConfigurationImpl) getProcessEngine().getProcessEngineConfiguration()).getDataSource());
  }

  /**
   * A variable's value as text, with its type: a date is an ISO instant like every other time here (its
   * {@code toString()} would be the JVM's own format). The PoE links of the validation form are Markdown for the form;
   * the claim's PoE files are answered as files instead, so the value is left out.
   */
  private static Map<String, Object> variable(HistoricVariableUpdate v) {
    Object value = v.getValue();
    String type = value instanceof Date ? "date" : TaskDisplay.POE_LINKS.equals(v.getVariableName()) ? "poe-files" : "text";
    return row("name", v.getVariableName(), "type", type,
        "value", value instanceof Date d ? instant(d) : "poe-files".equals(type) || value == null ? null : String.valueOf(value),
        "time", instant(v.getTime()), "revision", v.getRevision());
  }

  /** Every time the history answers is an ISO-8601 instant in UTC; the page shows it in the reader's zone. */
  private static String instant(Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  private static Map<String, Object> activity(HistoricActivityInstance a) {
    return row("activityId", a.getActivityId(), "name", a.getActivityName(), "type", a.getActivityType(),
        "startTime", instant(a.getStartTime()), "endTime", instant(a.getEndTime()), "durationMillis", a.getDurationInMillis(),
        "assignee", a.getAssignee(), "canceled", a.isCanceled());
  }

  private static Map<String, Object> incident(HistoricIncident i) {
    return row("activityId", i.getActivityId(), "type", i.getIncidentType(), "message", i.getIncidentMessage(),
        "created", instant(i.getCreateTime()), "ended", instant(i.getEndTime()), "resolved", i.isResolved(), "open", i.isOpen());
  }

  private static Map<String, Object> operation(UserOperationLogEntry o) {
    return row("timestamp", instant(o.getTimestamp()), "userId", o.getUserId(), "operation", o.getOperationType(),
        "entity", o.getEntityType(), "property", o.getProperty(), "newValue", o.getNewValue());
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  /** Column names as JSON keys, whichever case the database answers in; times as ISO instants. */
  private static Map<String, Object> lowerKeys(Map<String, Object> row) {
    Map<String, Object> view = new LinkedHashMap<>();
    row.forEach((key, value) -> view.put(key.toLowerCase(Locale.ROOT), value instanceof OffsetDateTime t ? t.toInstant().toString()
        : value instanceof Timestamp t ? t.toInstant().toString() : value));
    return view;
  }
}
