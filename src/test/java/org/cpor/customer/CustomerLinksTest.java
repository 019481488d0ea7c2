package org.cpor.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerLinksTest {

  private final CustomerLinks links = new CustomerLinks("a-signing-key-of-the-test", "https://claims.example/");
  private final String claimId = UUID.randomUUID().toString();

  @Test
  void token_namesItsClaimAndUsesOnlyUrlSafeCharacters() {
    String token = links.token(claimId);
    assertThat(token).matches("[A-Za-z0-9._~-]+");
    assertThat(links.claimId(token)).contains(claimId);
    assertThat(links.declineUrl(claimId)).isEqualTo("https://claims.example/customer/associations/" + token + "/decline");
  }

  @Test
  void alteredToken_isNotRecognised() {
    String token = links.token(claimId);
    char last = token.charAt(token.length() - 1);
    assertThat(links.claimId(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
    String otherClaim = links.token(UUID.randomUUID().toString());
    assertThat(links.claimId(otherClaim.substring(0, otherClaim.indexOf('.')) + token.substring(token.indexOf('.')))).isEmpty();
    assertThat(links.claimId("garbage")).isEmpty();
    assertThat(links.claimId("a.b")).isEmpty();
  }

  @Test
  void tokenSignedWithAnotherKey_isNotRecognised() {
    CustomerLinks other = new CustomerLinks("another-signing-key-entirely", "https://claims.example");
    assertThat(links.claimId(other.token(claimId))).isEmpty();
    assertThat(new CustomerLinks("a-signing-key-of-the-test", "https://elsewhere").claimId(links.token(claimId))).contains(claimId);
  }
}
