package org.courtyard.api;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps compute them:
 * HMAC-SHA1, 30-second steps, 6 digits, a 160-bit secret shown as Base32. A code is accepted in its
 * step and the neighbouring ones (clock drift), and only for a step after the last one used, so
 * that a code seen once cannot be replayed. Staff users (identity) and operators (tenancy) keep
 * their secrets and last steps in their own tables; this class holds only the arithmetic.
 */
public final class Totp {

  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What a user needs to set up an authenticator app: the secret (to type in) and the {@code
   * otpauth://} URI (to scan as a QR code).
   */
  public record Setup(String secret, String uri, int digits, long periodSeconds) {}

  private Totp() {}

  /** A new secret and its URI, labelled {@code Courtyard (realm):account} in the app. */
  public static Setup setup(String realm, String account) {
    String secret = newSecret();
    return new Setup(secret, uri(realm, account, secret), DIGITS, STEP_SECONDS);
  }

  /** A new 160-bit secret in Base32. */
  public static String newSecret() {
    byte[] b = new byte[20];
    RANDOM.nextBytes(b);
    return base32(b);
  }

  /**
   * What an authenticator app scans: {@code otpauth://totp/Courtyard%20(realm):account?secret=...}.
   *
   * @param realm the company's slug for staff, {@code operator} for the platform's operators
   */
  public static String uri(String realm, String account, String secret) {
    String label = enc("Courtyard (" + realm + "):" + account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer=Courtyard&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  /**
   * The step {@code code} belongs to, if it is right for {@code secret} at {@code now} (±1 step)
   * and later than {@code lastUsed}; empty for a wrong, expired, malformed or replayed code.
   */
  public static OptionalLong verify(String secret, String code, Instant now, long lastUsed) {
    if (code == null || !code.strip().matches("^[0-9]{6}$")) {
      return OptionalLong.empty();
    }
    byte[] key = base32Decode(secret);
    long step = now.getEpochSecond() / STEP_SECONDS;
    for (long s = step - 1; s <= step + 1; s++) {
      if (s > lastUsed && constantTimeEquals(code(key, s), code.strip())) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** The code of {@code secret} (Base32) at {@code at}, as the user's app shows it. */
  public static String code(String secret, Instant at) {
    return code(base32Decode(secret), at.getEpochSecond() / STEP_SECONDS);
  }

  /** The code of {@code step}, zero-padded. */
  public static String code(byte[] key, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int off = h[h.length - 1] & 0x0f;
      int bin =
          ((h[off] & 0x7f) << 24)
              | ((h[off + 1] & 0xff) << 16)
              | ((h[off + 2] & 0xff) << 8)
              | (h[off + 3] & 0xff);
      return String.format(Locale.ROOT, "%0" + DIGITS + "d", bin % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
    }
  }

  public static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /**
   * @throws IllegalArgumentException for a character outside the Base32 alphabet
   */
  public static byte[] base32Decode(String text) {
    String s = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : s.toCharArray()) {
      int v = BASE32.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("not Base32: " + c);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
