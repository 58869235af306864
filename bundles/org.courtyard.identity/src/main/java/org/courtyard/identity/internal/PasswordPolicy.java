package org.courtyard.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;

/**
 * What a password must be: at least 10 characters, not one of the most common passwords (the zxcvbn
 * frequency list, see {@code common-passwords.NOTICE}), not the user's own name, and not one of the
 * patterns common among Chinese users that such lists miss (a run of one digit, counting up or
 * down, keyboard rows, {@code 5201314}, {@code woaini}...).
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;

  private static final Texts TEXTS = Texts.of(PasswordPolicy.class);

  private static final Pattern ONE_CHARACTER = Pattern.compile("^(.)\\1*$");

  /** Fragments Chinese users build passwords from; what is left around them must still count. */
  private static final Pattern COMMON_CHINESE =
      Pattern.compile(
          "5201314|1314520|woaini|aini|iloveyou|qq|abc|123456|888888|666666|zhang|wang|li|liu|chen");

  private static final String[] SEQUENCES = {
    "0123456789012345678901234567890",
    "9876543210987654321098765432109",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn",
    "1q2w3e4r5t6y7u8i9o0p"
  };

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  /** The policy with the bundled list of common passwords. */
  static PasswordPolicy bundled() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the bundle");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          words.add(line.trim().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading common-passwords.txt failed", e);
    }
    return new PasswordPolicy(Set.copyOf(words));
  }

  int commonCount() {
    return common.size();
  }

  /** Why {@code password} is refused for {@code username}; empty when it is acceptable. */
  Optional<Text> refusal(String password, String username) {
    if (password == null || password.isEmpty()) {
      return Optional.of(TextRules.IS_REQUIRED);
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of(TEXTS.text("password.too-short", MIN_LENGTH));
    }
    if (length > MAX_LENGTH) {
      return Optional.of(TEXTS.text("password.too-long", MAX_LENGTH));
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      return Optional.of(TEXTS.text("password.common"));
    }
    if (ONE_CHARACTER.matcher(lower).matches() || isSequence(lower)) {
      return Optional.of(TEXTS.text("password.run"));
    }
    if (COMMON_CHINESE.matcher(lower).replaceAll("").replaceAll("[^\\p{L}\\p{N}]", "").length()
        < 6) {
      return Optional.of(TEXTS.text("password.pattern"));
    }
    if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of(TEXTS.text("password.user-name"));
    }
    return Optional.empty();
  }

  private static boolean isSequence(String lower) {
    for (String s : SEQUENCES) {
      if (s.contains(lower)) {
        return true;
      }
    }
    return false;
  }
}
