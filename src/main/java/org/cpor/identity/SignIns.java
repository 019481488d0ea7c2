package org.cpor.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs a user name and password in against Camunda's identity service, with the user's groups and tenants. An API
 * client sends its password with every call: a sign-in that succeeded is remembered for a few seconds
 * ({@code cpor.sign-in.cache-time}), so a burst of calls costs one password check and one look-up of the groups. Only
 * a matching password is remembered (as a keyed hash, never the password), and only while the identity data are
 * unchanged: a password change, a deleted or locked user, a changed membership or a refused password on this node
 * ends every remembered sign-in at once ({@link IdentityChanges}); a change made on another node counts here within
 * the cache time.
 */
@Component
class SignIns {

  /** Who signed in, with what the engine's authorisation checks need. */
  record SignIn(String userId, List<String> groups, List<String> tenants) {}

  private record Remembered(byte[] credentials, SignIn signIn, long version, long expiresAt) {}

  /** Far more users than the product has; past it, whatever expired is dropped, or everything. */
  private static final int MAX_REMEMBERED = 10_000;

  private final IdentityService identity;
  private final IdentityVersion version;
  private final long cacheNanos;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  /** Known to this process only: a remembered hash is of no use to anyone who reads the memory of another. */
  private final SecretKeySpec key;
  /** A Mac is not thread-safe: one per thread, keyed once. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  SignIns(IdentityService identity, IdentityVersion version, @Value("${cpor.sign-in.cache-time:PT5S}") Duration cacheTime) {
    if (cacheTime.isNegative()) {
      throw new IllegalArgumentException("cpor.sign-in.cache-time must not be negative: " + cacheTime);
    }
    this.identity = identity;
    this.version = version;
    this.cacheNanos = cacheTime.toNanos();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The user signed in by this password, or empty: an unknown user, a wrong password or a locked user. */
  Optional<SignIn> signIn(String userId, String password) {
    if (userId == null || password == null) {
      return Optional.empty();
    }
    byte[] credentials = hash(userId, password);
    long now = System.nanoTime();
    long versionBefore = version.current();
    Remembered known = remembered.get(userId);
    if (known != null && known.version() == versionBefore && now - known.expiresAt() < 0
        && MessageDigest.isEqual(known.credentials(), credentials)) {
      return Optional.of(known.signIn());
    }
    if (!identity.checkPassword(userId, password)) {
      remembered.remove(userId);
      return Optional.empty();
    }
    SignIn signIn = new SignIn(userId, groups(userId), tenants(userId));
    remember(userId, new Remembered(credentials, signIn, versionBefore, now + cacheNanos));
    return Optional.of(signIn);
  }

  private void remember(String userId, Remembered signIn) {
    if (cacheNanos == 0) {
      return;
    }
    if (remembered.size() >= MAX_REMEMBERED) {
      long now = System.nanoTime();
      remembered.values().removeIf(r -> now - r.expiresAt() >= 0);
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.clear();
      }
    }
    // a change that came while the password was checked leaves the sign-in unremembered
    remembered.compute(userId, (id, before) -> version.current() == signIn.version() ? signIn : before);
  }

  private List<String> groups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** The tenants of the user and of the user's groups, as Camunda's REST API reads them. */
  private List<String> tenants(String userId) {
    return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }

  private byte[] hash(String userId, String password) {
    Mac mac = macs.get();
    byte[] user = userId.getBytes(StandardCharsets.UTF_8);
    // the user name's length first, so no other split of the same characters hashes alike
    mac.update(Integer.toString(user.length).getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) ':');
    mac.update(user);
    // doFinal leaves the Mac ready for the next hash with the same key
    return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
  }

  /** A Mac made for every hash was about 1 % of a request's CPU (the provider's look-up and the key's set-up). */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
