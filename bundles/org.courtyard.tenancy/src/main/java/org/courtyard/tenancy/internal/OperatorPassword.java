package org.courtyard.tenancy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator account's password: created at random on the first start against a database and on
 * every reset, stored only as a hash, and handed to the operator in a file only its owner can read.
 */
final class OperatorPassword {

  static final String OPERATOR = "operator";
  private static final Logger LOG = LoggerFactory.getLogger(OperatorPassword.class);
  private static final char[] ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

  private final Registry registry;
  private final SecretHasher hasher;
  private final SecureRandom random;
  private final Credentials credentials;
  private final OperatorSignIn sessions;
  private final Path file;

  /**
   * @param configuredFile the configured password file; blank: operator-password.txt in
   *     ${courtyard.home}, else in ${karaf.base}
   */
  OperatorPassword(
      Registry registry,
      SecretHasher hasher,
      SecureRandom random,
      Credentials credentials,
      OperatorSignIn sessions,
      String configuredFile) {
    this.registry = registry;
    this.hasher = hasher;
    this.random = random;
    this.credentials = credentials;
    this.sessions = sessions;
    this.file = passwordFile(configuredFile);
  }

  private static Path passwordFile(String configured) {
    if (!configured.isBlank()) {
      return Paths.get(configured);
    }
    String home = System.getProperty("courtyard.home", System.getProperty("karaf.base", "."));
    return Paths.get(home, "operator-password.txt");
  }

  /** On the first start against a database, creates the operator with a random password. */
  void bootstrap() throws SQLException, IOException {
    if (registry.operatorHash(OPERATOR).isPresent()) {
      return;
    }
    String password = randomPassword();
    if (registry.createOperatorIfAbsent(OPERATOR, hasher.hash(password))) {
      writeSecretFile(file, password);
      LOG.info(
          "Created operator '{}'; its password was written to {} (readable by its owner only)",
          OPERATOR,
          file);
    }
  }

  /**
   * Replaces the password with a new random one and ends the operator's sessions; returns the file
   * it was written to.
   */
  String reset() {
    String password = randomPassword();
    try {
      registry.setOperatorPassword(OPERATOR, hasher.hash(password));
      credentials.forgetOperators();
      sessions.revokeAll(OPERATOR, "password reset");
      writeSecretFile(file, password);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("resetting the operator password failed", e);
    }
    LOG.info("Operator password reset; the new one is in {}", file);
    return file.toString();
  }

  String randomPassword() {
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  private static void writeSecretFile(Path file, String secret) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.write(
        file,
        (secret + "\n").getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.TRUNCATE_EXISTING);
  }
}
