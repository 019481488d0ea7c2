package org.cpor.notification;

import java.util.List;
import org.cpor.identity.Groups;
import org.cpor.identity.UserDirectory;
import org.springframework.stereotype.Component;

/** The e-mail addresses of the members of {@code validation-leads}. */
@Component
class ValidationLeads {

  private final UserDirectory users;

  ValidationLeads(UserDirectory users) {
    this.users = users;
  }

  List<String> emails() {
    return users.emailsOf(Groups.VALIDATION_LEADS);
  }
}
