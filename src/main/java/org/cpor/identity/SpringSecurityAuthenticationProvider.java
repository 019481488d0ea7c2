package org.cpor.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One sign-in for the portal, the API and the Camunda webapps: the webapps take the user Spring Security has
 * signed in, or keep the one their own login form signed in (created by the webapps'
 * ContainerBasedAuthenticationFilter, not by Spring).
 */
public class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
      return AuthenticationResult.successful(authentication.getName());
    }
    // signed in through the webapps' own login form: that sign-in stands
    HttpSession session = request.getSession(false);
    org.camunda.bpm.webapp.impl.security.auth.Authentication webapp = session == null ? null
        : AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
    return webapp != null && webapp.getName() != null ? AuthenticationResult.successful(webapp.getName())
        : AuthenticationResult.unsuccessful();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // the sign-in page is Spring Security's; nothing to add
  }
}
