package org.cpor.audit.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

@Path("plugin/" + ClaimsHistoryPlugin.ID)
public class ClaimsHistoryRootResource extends AbstractCockpitPluginRootResource {

  public ClaimsHistoryRootResource() {
    super(ClaimsHistoryPlugin.ID);
  }

  @Path("{engineName}/claims")
  public ClaimsHistoryResource claims(@PathParam("engineName") String engineName) {
    return subResource(new ClaimsHistoryResource(engineName), engineName);
  }
}
