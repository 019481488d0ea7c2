package org.cpor.audit.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

@Path("plugin/" + ClaimsHistoryPlugin.ID)
public class ClaimsHistoryRootResource extends AbstractCockpitPluginRootResource {

  /** The charting library, copied into the plugin's assets by the build; Cockpit serves only the assets named here. */
  static final String CHART_LIBRARY = "app/vendor/chart.js/chart.umd.js";

  public ClaimsHistoryRootResource() {
    super(ClaimsHistoryPlugin.ID);
  }

  @Override
  protected List<String> getAllowedAssets() {
    List<String> assets = new ArrayList<>(super.getAllowedAssets());
    assets.add(CHART_LIBRARY);
    return assets;
  }

  @Path("{engineName}/claims")
  public ClaimsHistoryResource claims(@PathParam("engineName") String engineName) {
    return subResource(new ClaimsHistoryResource(engineName), engineName);
  }
}
