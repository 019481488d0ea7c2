package org.cpor.identity;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The users and groups every sign-in checks (Camunda's identity service, where Camunda Admin manages them), as the
 * features need them: who belongs where, the e-mail addresses of a group, groups and memberships made by the product.
 */
@Component
public class UserDirectory {

  private final IdentityService identity;

  UserDirectory(IdentityService identity) {
    this.identity = identity;
  }

  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  public boolean isMember(String userId, String groupId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  /** Makes the user a member of the group, unless they are one already. */
  public void addMember(String userId, String groupId) {
    if (!isMember(userId, groupId)) {
      identity.createMembership(userId, groupId);
    }
  }

  /** Ends the user's membership of the group, if they have one. */
  public void removeMember(String userId, String groupId) {
    if (isMember(userId, groupId)) {
      identity.deleteMembership(userId, groupId);
    }
  }

  /** Creates the group unless a group of that ID exists (whose name and type then stay as they are). */
  public void groupIfAbsent(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /**
   * Creates the user with a password and memberships unless a user of that ID exists (who then stays as they are).
   */
  public void userIfAbsent(String id, String firstName, String lastName, String email, String password,
      List<String> groups) {
    if (exists(id)) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(password);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
  }

  /** The e-mail addresses of the group's members, each once; members without one are left out. */
  public List<String> emailsOf(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail)
        .filter(Objects::nonNull)
        .filter(e -> !e.isBlank())
        .distinct()
        .toList();
  }
}
