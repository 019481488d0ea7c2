package org.cpor.identity;

import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/** Signs users in against Camunda's identity service: the same users and passwords as the webapps. */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final SignIns signIns;

  CamundaIdentityAuthenticationProvider(SignIns signIns) {
    this.signIns = signIns;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    Object credentials = authentication.getCredentials();
    SignIns.SignIn signIn = signIns.signIn(authentication.getName(), credentials == null ? null : credentials.toString())
        .orElseThrow(() -> new BadCredentialsException("Wrong user name or password"));
    List<SimpleGrantedAuthority> groups = signIn.groups().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(signIn.userId(), null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
