package org.cpor.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Spring Security sign-in does not tell the engine who is acting: this sets the engine's authentication for
 * the request, so history and the user operation log name the user, and clears it afterwards.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    identity.setAuthentication(authentication.getName(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
