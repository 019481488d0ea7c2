package org.cpor.notification;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cpor.identity.Groups;
import org.springframework.stereotype.Component;

/** The e-mail addresses of the members of {@code validation-leads}. */
@Component
class ValidationLeads {

  private final IdentityService identity;

  ValidationLeads(IdentityService identity) {
    this.identity = identity;
  }

  List<String> emails() {
    return identity.createUserQuery().memberOfGroup(Groups.VALIDATION_LEADS).list().stream()
        .map(User::getEmail)
        .filter(Objects::nonNull)
        .filter(e -> !e.isBlank())
        .distinct()
        .toList();
  }
}
