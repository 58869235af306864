package org.courtyard.devices.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Device passwords: 256 random bits, shown once. Only their SHA-256 is kept: a slow hash buys
 * nothing for a secret nobody chose, and the broker checks one on every connect.
 */
public final class DeviceSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DeviceSecrets() {}

  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "cyd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String secret) {
    return hash(secret.getBytes(StandardCharsets.UTF_8));
  }

  public static String hash(byte[] secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of a presented password with a stored hash. */
  public static boolean matches(byte[] presented, String storedHash) {
    if (presented == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(presented).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
