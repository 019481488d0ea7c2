package org.cpor.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.cpor.jdbc.ClusterLocks;
import org.cpor.partner.Organisation;
import org.cpor.partner.PartnerDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda authorisations of the product's groups and their Tasklist filters ({@link TasklistSetup}), created at
 * start when absent (every profile): administrators may do everything; validators work claims in Tasklist; leads may
 * also reassign; each partner organisation sees its own requests only; auditors read everything in Cockpit and
 * change nothing. Nodes starting together take turns ({@link ClusterLocks#REFERENCE_DATA}): each filter and grant
 * exists once.
 */
@Component
@Order(1)
public class AuthorizationSetup implements ApplicationRunner {

  private final AuthorizationService authorizations;
  private final TasklistSetup tasklist;
  private final PartnerDirectory partners;
  private final ClusterLocks locks;

  AuthorizationSetup(AuthorizationService authorizations, TasklistSetup tasklist, PartnerDirectory partners,
      ClusterLocks locks) {
    this.authorizations = authorizations;
    this.tasklist = tasklist;
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
      grant(group, Resources.PROCESS_DEFINITION, tasklist.processKey(), Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    grant(Groups.VALIDATION_LEADS, Resources.TASK, "*", Permissions.TASK_ASSIGN);
    grant(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    grant(Groups.AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Groups.AUDITORS, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);

    tasklist.validatorFilters().forEach(filter -> grant(Groups.VALIDATORS, Resources.FILTER, filter, Permissions.READ));
    partners.organisations().forEach(this::forOrganisation);
  }

  /** A partner organisation's admins work their own information requests in Tasklist, nothing else. */
  public void forOrganisation(Organisation organisation) {
    grant(organisation.adminsGroup(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // the definition and its forms, not its instances: those stay invisible beyond the organisation's own tasks
    grant(organisation.adminsGroup(), Resources.PROCESS_DEFINITION, tasklist.processKey(), Permissions.READ);
    grant(organisation.adminsGroup(), Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(organisation.adminsGroup(), Resources.FILTER, tasklist.organisationFilter(organisation), Permissions.READ);
  }

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
