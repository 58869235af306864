package org.courtyard.tenancy.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant API token: {@code cy_<id>_<secret>}. The id is the lookup key (stored in clear), the
 * secret carries 256 random bits and is stored only as a PBKDF2 hash. The prefix lets secret
 * scanners find leaked tokens.
 */
final class ApiToken {

  private static final Pattern FORMAT =
      Pattern.compile("^cy_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$");
  private static final char[] ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  final String id;
  final String secret;

  private ApiToken(String id, String secret) {
    this.id = id;
    this.secret = secret;
  }

  static ApiToken generate(SecureRandom random) {
    StringBuilder id = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return new ApiToken(
        id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  static Optional<ApiToken> parse(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(token);
    return m.matches() ? Optional.of(new ApiToken(m.group(1), m.group(2))) : Optional.empty();
  }

  @Override
  public String toString() {
    return "cy_" + id + "_" + secret;
  }
}
