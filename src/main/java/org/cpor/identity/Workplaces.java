package org.cpor.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Where a signed-in user works: the partner portal for partners, and each Camunda webapp their Camunda authorisations
 * open to them (the same check the webapps make), so a page that cannot serve them can say where to go instead.
 */
@Component
public class Workplaces {

  /** A place to go, with what the user does there. */
  public record Workplace(String name, String path, String purpose) {}

  /** The Camunda webapps by application ID, with who they are for. */
  public enum Webapp {
    TASKLIST("tasklist", "Tasklist", "/camunda/app/tasklist/", "validate claims",
        "Tasklist is for validators, who validate claims, and for partner organisations' Incentives admins, who answer "
            + "validators' information requests there."),
    COCKPIT("cockpit", "Cockpit", "/camunda/app/cockpit/", "read the history of every claim",
        "Cockpit is for auditors and administrators: it shows the history of every claim."),
    ADMIN("admin", "Camunda Admin", "/camunda/app/admin/", "manage users, groups and authorisations",
        "Camunda Admin is for administrators: users, groups and authorisations.");

    public final String id;
    public final String title;
    final String path;
    final String purpose;
    public final String audience;

    Webapp(String id, String title, String path, String purpose, String audience) {
      this.id = id;
      this.title = title;
      this.path = path;
      this.purpose = purpose;
      this.audience = audience;
    }

    /** The webapp a path under {@code /camunda/app/} belongs to, if it is one of these. */
    public static java.util.Optional<Webapp> ofPath(String path) {
      for (Webapp webapp : values()) {
        if (path != null && path.startsWith("/camunda/app/" + webapp.id + "/")) {
          return java.util.Optional.of(webapp);
        }
      }
      return java.util.Optional.empty();
    }
  }

  public static final String PORTAL_AUDIENCE =
      "The partner portal is for partners: their Incentives admins and Incentives users follow their organisation's claims there.";

  private final AuthorizationService authorizations;
  private final Callers callers;

  Workplaces(AuthorizationService authorizations, Callers callers) {
    this.authorizations = authorizations;
    this.callers = callers;
  }

  /** Nothing for a visitor who has not signed in. */
  public List<Workplace> of(Authentication authentication) {
    if (!signedIn(authentication)) {
      return List.of();
    }
    List<Workplace> places = new ArrayList<>();
    if (isPartner(authentication)) {
      places.add(new Workplace("Your claims", "/portal/claims", "follow your organisation's claims in the partner portal"));
    }
    Set<String> groups = groups(authentication);
    for (Webapp webapp : Webapp.values()) {
      if (authorizations.isUserAuthorized(authentication.getName(), List.copyOf(groups), Permissions.ACCESS,
          Resources.APPLICATION, webapp.id)) {
        // a partner's admins work their organisation's information requests in Tasklist, nothing else there
        String purpose = webapp == Webapp.TASKLIST && isPartner(authentication)
            ? "answer validators' information requests to your organisation" : webapp.purpose;
        places.add(new Workplace(webapp.title, webapp.path, purpose));
      }
    }
    return places;
  }

  /** A user of a partner organisation: the one who may use the partner portal. */
  boolean isPartner(Authentication authentication) {
    return signedIn(authentication) && callers.of(authentication).isPartner();
  }

  public static boolean signedIn(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
  }

  private static Set<String> groups(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
  }
}
