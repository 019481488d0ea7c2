package org.cpor.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cpor.identity.Groups;
import org.cpor.identity.TasklistSetup;
import org.cpor.partner.Organisation;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters of the claim process: the validators' "Claims to validate" and "Overdue reviews", and each
 * organisation's admins' information requests, with the cards' variables (those {@link TaskDisplay} sets). Made at
 * start and for each new organisation, by the authorisations' set-up, which grants each group its filters.
 */
@Component
class TasklistFilters implements TasklistSetup {

  /** What a validator's card shows of a claim (the task's name says which claim and whose). */
  private static final List<Map<String, String>> VALIDATION_CARD = List.of(card(TaskDisplay.PARTNER, "Partner"),
      card(TaskDisplay.CUSTOMER_DOMAIN, "Customer domain"), card(TaskDisplay.WORKLOADS, "Workloads"),
      card(TaskDisplay.ROUND, "Review round"), card(TaskDisplay.REVIEW_DEADLINE, "Review due"));
  /** What a partner admin's card shows of an information request. */
  private static final List<Map<String, String>> INFORMATION_CARD = List.of(card(TaskDisplay.CUSTOMER_DOMAIN, "Customer domain"),
      card(TaskDisplay.WORKLOADS, "Workloads"), card(TaskDisplay.ANSWER_DEADLINE, "Answer due"));

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public String processKey() {
    return AssociationClaimProcess.PROCESS_ID;
  }

  @Override
  public List<String> validatorFilters() {
    return List.of(
        filter("Claims to validate", -10, "Claims waiting for a validator's decision", VALIDATION_CARD, validationTasks()),
        filter("Overdue reviews", -5, "Reviews past their five-business-day SLA", VALIDATION_CARD,
            validationTasks().dueBeforeExpression("${now()}")));
  }

  @Override
  public String organisationFilter(Organisation organisation) {
    return filter("My organisation's requests (" + organisation.name() + ")", -10,
        "Information requests of validators to " + organisation.name(), INFORMATION_CARD,
        tasks.createTaskQuery().taskCandidateGroup(organisation.adminsGroup()).includeAssignedTasks());
  }

  private TaskQuery validationTasks() {
    return tasks.createTaskQuery().taskCandidateGroup(Groups.VALIDATORS)
        .taskDefinitionKey(AssociationClaimProcess.TASK_VALIDATE_CLAIM).includeAssignedTasks();
  }

  /**
   * The filter as this version defines it: created when absent, brought up to date when a database holds an older
   * one (its query, description and the variables its cards show): one filter of each name, always this version's.
   */
  private String filter(String name, int priority, String description, List<Map<String, String>> card, TaskQuery query) {
    List<Filter> found = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list();
    // a database from before nodes took turns may hold the same filter twice: keep one
    found.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
        "variables", card, "showUndefinedVariable", false);
    Filter filter = found.isEmpty() ? filters.newTaskFilter(name) : found.get(0);
    return filters.saveFilter(filter.setQuery(query).setProperties(new HashMap<>(properties))).getId();
  }

  /** A Tasklist card variable: the task-local variable's name and its label on the card. */
  private static Map<String, String> card(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
