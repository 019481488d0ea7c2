package org.cpor.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.cpor.partner.PartnerDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling: the signed-in user with the groups of Camunda's identity service. */
@Component
public class Callers {

  private final PartnerDirectory partners;

  Callers(PartnerDirectory partners) {
    this.partners = partners;
  }

  public Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("no signed-in user");
    }
    return of(authentication);
  }

  /** The caller behind a sign-in that is not (yet) the request's current one. */
  public Caller of(Authentication authentication) {
    Set<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .collect(Collectors.toUnmodifiableSet());
    return new Caller(authentication.getName(), groups, partners.organisationOfGroups(groups));
  }
}
