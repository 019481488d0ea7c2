package org.cpor.identity;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's sign-in for {@code /engine-rest} (HTTP Basic, the same answers and challenge) through {@link SignIns}: one
 * password check and one look-up of the user's groups and tenants per user and cache time, not per call. The engine
 * then runs the call as that user, with those groups and tenants, exactly as Camunda's own provider would.
 */
class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

  private final SignIns signIns;
  private final String engineName;

  EngineRestAuthentication(SignIns signIns, String engineName) {
    this.signIns = signIns;
    this.engineName = engineName;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    authenticationProvider = new Basic();
    servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
  }

  /** Camunda's HTTP Basic provider, whose password check is {@link SignIns}' and which knows the groups and tenants. */
  private final class Basic extends HttpBasicAuthenticationProvider {

    private final ThreadLocal<SignIns.SignIn> checked = new ThreadLocal<>();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      try {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        SignIns.SignIn signIn = checked.get();
        if (result.isAuthenticated() && signIn != null && signIn.userId().equals(result.getAuthenticatedUser())) {
          // the engine keeps these lists for the call: each call its own copy
          result.setGroups(new ArrayList<>(signIn.groups()));
          result.setTenants(new ArrayList<>(signIn.tenants()));
        }
        return result;
      } finally {
        checked.remove();
      }
    }

    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
      if (!engineName.equals(engine.getName())) {
        // another engine's users (none is configured): its own identity service, as Camunda does it
        return super.isAuthenticated(engine, userName, password);
      }
      Optional<SignIns.SignIn> signIn = signIns.signIn(userName, password);
      signIn.ifPresent(checked::set);
      return signIn.isPresent();
    }
  }
}
