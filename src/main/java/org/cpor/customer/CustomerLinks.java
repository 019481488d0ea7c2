package org.cpor.customer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cpor.deployment.DeploymentSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The customer's personal link: {@code <claim id>.<HMAC-SHA256 of it>}, both base64url without padding, signed
 * with a key from configuration, so links already sent keep working on every node and after restarts, and an
 * altered or made-up token is recognised.
 */
@Component
public class CustomerLinks {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;
  private final String publicBaseUrl;

  CustomerLinks(@Value("${cpor.customer-links.signing-key}") String key, @Value("${cpor.public-base-url}") String publicBaseUrl) {
    if (key == null || key.length() < DeploymentSettings.MIN_LINK_KEY_LENGTH) {
      throw new IllegalStateException("cpor.customer-links.signing-key must have at least " + DeploymentSettings.MIN_LINK_KEY_LENGTH + " characters");
    }
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  public String token(String claimId) {
    UUID id = UUID.fromString(claimId);
    byte[] raw = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    return ENCODER.encodeToString(raw) + "." + ENCODER.encodeToString(signature(raw));
  }

  /** The claim a token names, when the token is one of ours and unaltered. */
  public Optional<String> claimId(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      byte[] raw = DECODER.decode(token.substring(0, dot));
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (raw.length != 16 || !MessageDigest.isEqual(signature, signature(raw))) {
        return Optional.empty();
      }
      ByteBuffer buffer = ByteBuffer.wrap(raw);
      String claimId = new UUID(buffer.getLong(), buffer.getLong()).toString();
      // base64 leaves spare bits in the last character: only the one canonical spelling is ours
      return token.equals(token(claimId)) ? Optional.of(claimId) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The absolute link to the customer's page, for e-mails. */
  String pageUrl(String claimId) {
    return publicBaseUrl + "/customer/associations/" + token(claimId);
  }

  String declineUrl(String claimId) {
    return pageUrl(claimId) + "/decline";
  }

  private byte[] signature(byte[] raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update("cpor-customer-association:".getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
