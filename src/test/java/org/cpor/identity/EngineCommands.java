package org.cpor.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.UserQuery;

/**
 * Counts what the identity service runs while it is open: password checks and group, tenant and user queries, the
 * work a sign-in costs. The engine's own executor is put back on close.
 */
final class EngineCommands implements AutoCloseable {

  private final ProcessEngineConfigurationImpl engine;
  private final ServiceImpl identity;
  private final CommandExecutor original;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  private EngineCommands(ProcessEngineConfigurationImpl engine, IdentityService identity) {
    this.engine = engine;
    this.identity = (ServiceImpl) identity;
    this.original = engine.getCommandExecutorTxRequired();
    CommandExecutor counting = new CommandExecutor() {
      @Override
      public <T> T execute(Command<T> command) {
        counts.computeIfAbsent(kind(command), k -> new AtomicInteger()).incrementAndGet();
        return original.execute(command);
      }
    };
    // the service runs password checks; the queries it creates take the configuration's executor
    engine.setCommandExecutorTxRequired(counting);
    this.identity.setCommandExecutor(counting);
  }

  static EngineCommands count(ProcessEngineConfigurationImpl engine, IdentityService identity) {
    return new EngineCommands(engine, identity);
  }

  private static String kind(Command<?> command) {
    if (command instanceof CheckPassword) {
      return "checkPassword";
    }
    if (command instanceof GroupQuery) {
      return "groupQuery";
    }
    if (command instanceof TenantQuery) {
      return "tenantQuery";
    }
    if (command instanceof UserQuery) {
      return "userQuery";
    }
    return "other";
  }

  int passwordChecks() {
    return get("checkPassword");
  }

  /** Group, tenant and user queries: who the user is and where they belong. */
  int membershipQueries() {
    return get("groupQuery") + get("tenantQuery") + get("userQuery");
  }

  void reset() {
    counts.clear();
  }

  private int get(String kind) {
    AtomicInteger count = counts.get(kind);
    return count == null ? 0 : count.get();
  }

  @Override
  public String toString() {
    return counts.toString();
  }

  @Override
  public void close() {
    engine.setCommandExecutorTxRequired(original);
    identity.setCommandExecutor(original);
  }
}
