package org.cpor.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cpor.jdbc.ClusterLocks;
import org.cpor.partner.Organisation;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda authorisations and Tasklist filters of the product's groups, created at start when absent
 * (every profile): administrators may do everything; validators work claims in Tasklist; leads may also
 * reassign; each partner organisation sees its own requests only; auditors read everything in Cockpit and
 * change nothing. Nodes starting together take turns ({@link ClusterLocks#REFERENCE_DATA}): each filter and grant
 * exists once.
 */
@Component
@Order(1)
public class AuthorizationSetup implements ApplicationRunner {

  static final String CLAIM_PROCESS = "AssociationClaimProcess";
  static final String VALIDATION_TASK = "Task_ValidateClaim";

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final org.cpor.partner.PartnerDirectory partners;
  private final ClusterLocks locks;

  AuthorizationSetup(AuthorizationService authorizations, FilterService filters, TaskService tasks,
      org.cpor.partner.PartnerDirectory partners, ClusterLocks locks) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.partners = partners;
    this.locks = locks;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMINS, resource, "*", Permissions.ALL);
    }
    for (String group : List.of(Groups.VALIDATORS, Groups.VALIDATION_LEADS)) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // READ_HISTORY: Tasklist's history of a task and the comments validators write on it are read from the history
      grant(group, Resources.PROCESS_DEFINITION, CLAIM_PROCESS, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    grant(Groups.VALIDATION_LEADS, Resources.TASK, "*", Permissions.TASK_ASSIGN);
    grant(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    grant(Groups.AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Groups.AUDITORS, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);

    filter("Claims to validate", Groups.VALIDATORS, -10, "Claims waiting for a validator's decision", VALIDATION_CARD,
        tasks.createTaskQuery().taskCandidateGroup(Groups.VALIDATORS).taskDefinitionKey(VALIDATION_TASK).includeAssignedTasks());
    filter("Overdue reviews", Groups.VALIDATORS, -5, "Reviews past their five-business-day SLA", VALIDATION_CARD,
        tasks.createTaskQuery().taskCandidateGroup(Groups.VALIDATORS).taskDefinitionKey(VALIDATION_TASK).includeAssignedTasks()
            .dueBeforeExpression("${now()}"));
    partners.organisations().forEach(this::forOrganisation);
  }

  /** A partner organisation's admins work their own information requests in Tasklist, nothing else. */
  public void forOrganisation(Organisation organisation) {
    grant(organisation.adminsGroup(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // the definition and its forms, not its instances: those stay invisible beyond the organisation's own tasks
    grant(organisation.adminsGroup(), Resources.PROCESS_DEFINITION, CLAIM_PROCESS, Permissions.READ);
    grant(organisation.adminsGroup(), Resources.DEPLOYMENT, "*", Permissions.READ);
    filter("My organisation's requests (" + organisation.name() + ")", organisation.adminsGroup(), -10,
        "Information requests of validators to " + organisation.name(), INFORMATION_CARD,
        tasks.createTaskQuery().taskCandidateGroup(organisation.adminsGroup()).includeAssignedTasks());
  }

  /**
   * The filter as this version defines it: created when absent, brought up to date when a database holds an older
   * one (its query, description and the variables its cards show): one filter of each name, always this version's.
   */
  private void filter(String name, String group, int priority, String description, List<Map<String, String>> card,
      TaskQuery query) {
    List<Filter> found = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list();
    // a database from before nodes took turns may hold the same filter twice: keep one
    found.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
        "variables", card, "showUndefinedVariable", false);
    Filter filter = found.isEmpty() ? filters.newTaskFilter(name) : found.get(0);
    filter = filters.saveFilter(filter.setQuery(query).setProperties(new java.util.HashMap<>(properties)));
    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  /** A Tasklist card variable: the task-local variable's name and its label on the card. */
  private static Map<String, String> card(String name, String label) {
    return Map.of("name", name, "label", label);
  }

  /** What a validator's card shows of a claim (the task's name says which claim and whose). */
  static final List<Map<String, String>> VALIDATION_CARD = List.of(card("partner", "Partner"),
      card("customerDomain", "Customer domain"), card("workloads", "Workloads"), card("round", "Review round"),
      card("reviewDeadline", "Review due"));
  /** What a partner admin's card shows of an information request. */
  static final List<Map<String, String>> INFORMATION_CARD = List.of(card("customerDomain", "Customer domain"),
      card("workloads", "Workloads"), card("answerDeadline", "Answer due"));

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
