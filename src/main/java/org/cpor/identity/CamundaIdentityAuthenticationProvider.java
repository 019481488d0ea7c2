package org.cpor.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/** Signs users in against Camunda's identity service: the same users and passwords as the webapps. */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
