package org.cpor.identity;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Tells {@link IdentityVersion} of every change the engine makes to users, groups, memberships and tenants, whoever
 * makes it (Camunda Admin, {@code /engine-rest/user/…}, the Java API), and of every refused password (which may have
 * locked the user): remembered sign-ins end at once on this node, not only when they expire.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

  private final IdentityVersion version;

  IdentityChanges(IdentityVersion version) {
    this.version = version;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ObservedIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ObservedIdentityProvider(version);
      }
    });
  }

  /** The engine's own identity provider, which reports what it changes. */
  static final class ObservedIdentityProvider extends DbIdentityServiceProvider {

    private final IdentityVersion version;

    ObservedIdentityProvider(IdentityVersion version) {
      this.version = version;
    }

    /** Now, so no sign-in is remembered from here on, and again once committed, for one checked meanwhile. */
    private <T> T changed(T result) {
      version.changed();
      CommandContext command = Context.getCommandContext();
      if (command != null) {
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> version.changed());
      }
      return result;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      boolean matches = super.checkPassword(userId, password);
      return matches ? true : changed(false);
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      return changed(super.saveUser(user));
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      return changed(super.deleteUser(userId));
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
      return changed(super.unlockUser(userId));
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
      return changed(super.saveGroup(group));
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      return changed(super.deleteGroup(groupId));
    }

    @Override
    public IdentityOperationResult saveTenant(Tenant tenant) {
      return changed(super.saveTenant(tenant));
    }

    @Override
    public IdentityOperationResult deleteTenant(String tenantId) {
      return changed(super.deleteTenant(tenantId));
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      return changed(super.createMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      return changed(super.deleteMembership(userId, groupId));
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
      return changed(super.createTenantUserMembership(tenantId, userId));
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
      return changed(super.createTenantGroupMembership(tenantId, groupId));
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
      return changed(super.deleteTenantUserMembership(tenantId, userId));
    }

    @Override
    public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
      return changed(super.deleteTenantGroupMembership(tenantId, groupId));
    }
  }
}
