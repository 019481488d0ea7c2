package org.cpor.claim;

import java.util.Optional;
import org.cpor.identity.Caller;
import org.cpor.web.ForbiddenException;
import org.cpor.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Who may see and change which claim: another organisation's claim does not exist for a partner (404). */
@Component
public class ClaimAccess {

  private final ClaimStore claims;

  ClaimAccess(ClaimStore claims) {
    this.claims = claims;
  }

  /** The claim, when the caller may see it. */
  public Optional<Claim> find(String claimId, Caller caller) {
    return claims.find(claimId).filter(c -> caller.canRead(c.organisationId()));
  }

  public Claim read(String claimId, Caller caller) {
    return find(claimId, caller).orElseThrow(() -> notFound(claimId));
  }

  /** The claim, locked for this transaction, when the caller is an Incentives admin of its organisation. */
  Claim lockForChange(String claimId, Caller caller) {
    // read once, locked, when it is the caller's to change: no other organisation's row is ever locked
    Optional<Claim> mine = caller.organisation().filter(o -> caller.canChange(o.id()))
        .flatMap(o -> claims.lock(claimId, o.id()));
    if (mine.isPresent()) {
      return mine.get();
    }
    read(claimId, caller);
    throw new ForbiddenException("Only an Incentives admin of the claim's organisation may change it");
  }

  private static NotFoundException notFound(String claimId) {
    return new NotFoundException("No claim " + claimId);
  }
}
