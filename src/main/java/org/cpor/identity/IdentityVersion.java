package org.cpor.identity;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The version of the users, groups, memberships and tenants as this node knows them: it moves on whenever the engine
 * changes one of them here (and once more when the change commits), or refuses a password. A sign-in remembered under
 * an older version no longer counts.
 */
@Component
class IdentityVersion {

  private final AtomicLong version = new AtomicLong();

  long current() {
    return version.get();
  }

  void changed() {
    version.incrementAndGet();
  }
}
