package org.courtyard.admin.property.users;

import java.security.SecureRandom;

/**
 * A new staff member's first password, made by the console and shown once to the administrator who
 * created the account: 16 characters from letters and digits that cannot be mistaken for one
 * another when read aloud or copied by hand (no 0/O, 1/l/I).
 */
final class FirstPassword {

  static final int LENGTH = 16;
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private FirstPassword() {}

  static String next() {
    StringBuilder s = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
