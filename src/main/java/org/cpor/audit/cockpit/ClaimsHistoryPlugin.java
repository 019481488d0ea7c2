package org.cpor.audit.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Process history in Community Edition Cockpit, for auditors: a claims history view, a claim's full history
 * and outcome figures on the process definition. Created by the webapp through ServiceLoader, not by Spring.
 */
public class ClaimsHistoryPlugin extends AbstractCockpitPlugin {

  static final String ID = "claims-history";

  @Override
  public String getId() {
    return ID;
  }

  /** Cockpit's REST application registers these classes, providers included: the mapper answers the plugin's problems. */
  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ClaimsHistoryRootResource.class, ClaimsHistoryProblems.class);
  }
}
