package org.courtyard.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.TenantSlug;

/**
 * Access tokens: JWTs (type {@code at+jwt}, RS256) that a staff member's requests carry for a short
 * while. They name the tenant, the user, the session and the user's token version; whether the
 * session or the user has since been revoked is {@link Callers}' question, not the token's.
 * Verified tokens are remembered until they expire, so a busy client costs one map lookup.
 */
final class AccessTokens {

  static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
  static final String AUDIENCE = "courtyard-api";

  /**
   * What a valid access token says. {@code user} is a staff user's id, or for a resident ({@code
   * resident} true) the resident account's id, with the linked {@code person}.
   */
  record Claims(
      TenantSlug tenant,
      long user,
      String username,
      UUID session,
      int version,
      Instant expires,
      boolean resident,
      long person) {}

  /** The {@code knd} claim of a resident's token; a staff member's has none. */
  static final String RESIDENT = "resident";

  private static final int MAX_REMEMBERED = 50_000;

  private final SigningKeys keys;
  private final String issuer;
  private final Duration lifetime;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final Map<String, Claims> verified = new ConcurrentHashMap<>();

  AccessTokens(SigningKeys keys, String issuer, Duration lifetime) {
    this.keys = keys;
    this.issuer = issuer;
    this.lifetime = lifetime;
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256,
            (selector, context) -> {
              List<JWK> found = selector.select(keys.published());
              if (found.isEmpty()) {
                keys.reloadAtMostEvery(Duration.ofSeconds(10));
                found = selector.select(keys.published());
              }
              return found;
            }));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            AUDIENCE,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "tid", "sid", "ver", "exp", "iat", "jti")));
  }

  Duration lifetime() {
    return lifetime;
  }

  String issue(TenantSlug tenant, long user, String username, UUID session, int version) {
    return sign(claims(tenant, user, username, session, version).build());
  }

  /** A resident's token: {@code sub} is the account, {@code pid} the person it is linked to. */
  String issueResident(
      TenantSlug tenant, long account, long person, String name, UUID session, int version) {
    return sign(
        claims(tenant, account, name, session, version)
            .claim("knd", RESIDENT)
            .claim("pid", person)
            .build());
  }

  private JWTClaimsSet.Builder claims(
      TenantSlug tenant, long user, String username, UUID session, int version) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(AUDIENCE)
        .subject(Long.toString(user))
        .claim("tid", tenant.value())
        .claim("sid", session.toString())
        .claim("ver", version)
        .claim("name", username)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString());
  }

  private String sign(JWTClaimsSet claims) {
    RSAKey key = keys.current();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE).build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing an access token failed", e);
    }
    return jwt.serialize();
  }

  /** The token's claims while it is well-formed, signed by one of our keys and unexpired. */
  Optional<Claims> verify(String token) {
    Claims known = verified.get(token);
    if (known != null) {
      if (known.expires().isAfter(Instant.now())) {
        return Optional.of(known);
      }
      verified.remove(token);
      return Optional.empty();
    }
    Claims claims;
    try {
      JWTClaimsSet set = processor.process(token, null);
      String tid = set.getStringClaim("tid");
      if (!TenantSlug.isValid(tid)) {
        return Optional.empty();
      }
      boolean resident = RESIDENT.equals(set.getStringClaim("knd"));
      Long person = set.getLongClaim("pid");
      if (resident && person == null) {
        return Optional.empty();
      }
      claims =
          new Claims(
              TenantSlug.of(tid),
              Long.parseLong(set.getSubject()),
              set.getStringClaim("name"),
              UUID.fromString(set.getStringClaim("sid")),
              set.getIntegerClaim("ver"),
              set.getExpirationTime().toInstant(),
              resident,
              resident ? person : 0L);
    } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (verified.size() >= MAX_REMEMBERED) {
      Instant now = Instant.now();
      verified.values().removeIf(c -> !c.expires().isAfter(now));
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
    }
    verified.put(token, claims);
    return Optional.of(claims);
  }
}
