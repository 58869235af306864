package org.courtyard.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.courtyard.api.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys that sign access tokens, kept in the platform schema so that every node signs and
 * verifies with the same set. The newest active key signs; a key is retired when a newer one has
 * been in use for a rotation period, and stays published (so the tokens it signed still verify)
 * until they have all expired.
 */
final class SigningKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

  /** A key and when it stops being published; null while active. */
  record Key(RSAKey jwk, Instant created, Instant retired) {}

  private final Jdbc platform;
  private final Duration rotation;
  private final Duration publishedAfterRetirement;
  private volatile List<Key> keys = List.of();
  private volatile long lastReload = System.nanoTime();

  SigningKeys(DataSource platform, Duration rotation, Duration publishedAfterRetirement) {
    this.platform = new Jdbc(platform);
    this.rotation = rotation;
    this.publishedAfterRetirement = publishedAfterRetirement;
  }

  /** Loads the keys, creating the first one or a successor when the newest is due. */
  synchronized void refresh() {
    platform.transaction(
        c -> {
          // one node at a time decides whether a new key is due
          try (PreparedStatement lock =
              c.prepareStatement("lock table identity_signing_key in share row exclusive mode")) {
            lock.execute();
          }
          List<Key> loaded = load(c);
          Key newest = loaded.stream().filter(k -> k.retired() == null).findFirst().orElse(null);
          if (newest == null || newest.created().plus(rotation).isBefore(Instant.now())) {
            RSAKey created = generate();
            insert(c, created);
            retireAllBut(c, created.getKeyID());
            LOG.info("New token signing key {}", created.getKeyID());
            loaded = load(c);
          }
          keys = loaded;
          return null;
        });
  }

  /** The key that signs new tokens. */
  RSAKey current() {
    for (Key k : keys) {
      if (k.retired() == null) {
        return k.jwk();
      }
    }
    throw new IllegalStateException("no active signing key: the identity service did not start");
  }

  /** Public keys of every key whose tokens may still be valid, for the JWKS document. */
  JWKSet published() {
    Instant now = Instant.now();
    List<com.nimbusds.jose.jwk.JWK> out = new ArrayList<>();
    for (Key k : keys) {
      if (k.retired() == null || k.retired().plus(publishedAfterRetirement).isAfter(now)) {
        out.add(k.jwk().toPublicJWK());
      }
    }
    return new JWKSet(out);
  }

  /**
   * Loads the set again when a token names a key this node does not know (another node rotated), at
   * most once every {@code minGap}.
   */
  void reloadAtMostEvery(Duration minGap) {
    long now = System.nanoTime();
    if (now - lastReload < minGap.toNanos()) {
      return;
    }
    lastReload = now;
    keys = platform.read(SigningKeys::load);
  }

  Map<String, Object> publishedJson() {
    return published().toJSONObject(true);
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("RSA key generation is part of every Java 17 runtime", e);
    }
  }

  private static List<Key> load(Connection c) throws SQLException {
    List<Key> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "select jwk, created_at, retired_at from identity_signing_key"
                    + " order by created_at desc");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        try {
          out.add(
              new Key(
                  RSAKey.parse(rs.getString(1)),
                  rs.getTimestamp(2).toInstant(),
                  Jdbc.instant(rs.getTimestamp(3))));
        } catch (ParseException e) {
          throw new IllegalStateException("a stored signing key is not a JWK", e);
        }
      }
    }
    return List.copyOf(out);
  }

  private static void insert(Connection c, RSAKey key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("insert into identity_signing_key (kid, jwk) values (?, ?)")) {
      ps.setString(1, key.getKeyID());
      ps.setString(2, key.toJSONString());
      ps.executeUpdate();
    }
  }

  private static void retireAllBut(Connection c, String kid) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update identity_signing_key set retired_at = ? where kid <> ? and retired_at is null")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, kid);
      ps.executeUpdate();
    }
  }
}
