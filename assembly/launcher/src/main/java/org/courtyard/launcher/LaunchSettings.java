package org.courtyard.launcher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the launcher is told by its environment. Resolved from a map rather than from {@link
 * System#getenv()} so that the rules can be tested.
 */
record LaunchSettings(
    Path karafHome,
    Path courtyardHome,
    Optional<ExternalDatabaseSettings> externalDatabase,
    int embeddedDatabasePort,
    int httpPort,
    boolean console) {

  static final String KARAF = "COURTYARD_KARAF";
  static final String HOME = "COURTYARD_HOME";
  static final String DB_URL = "COURTYARD_DB_URL";
  static final String DB_USER = "COURTYARD_DB_USER";
  static final String DB_PASSWORD = "COURTYARD_DB_PASSWORD";
  static final String DB_PORT = "COURTYARD_DB_PORT";
  static final String HTTP_PORT = "COURTYARD_HTTP_PORT";
  static final String CONSOLE = "COURTYARD_CONSOLE";

  static final int DEFAULT_DB_PORT = 15432;
  static final int DEFAULT_HTTP_PORT = 8181;

  /**
   * An already running PostgreSQL chosen with {@code COURTYARD_DB_URL}; user and password may be
   * empty.
   */
  record ExternalDatabaseSettings(String url, String user, String password) {

    ExternalDatabaseSettings {
      Objects.requireNonNull(url);
      Objects.requireNonNull(user);
      Objects.requireNonNull(password);
    }

    @Override
    public String toString() {
      return "ExternalDatabaseSettings[url=" + JdbcUrls.redact(url) + ", user=" + user + "]";
    }
  }

  LaunchSettings {
    Objects.requireNonNull(karafHome);
    Objects.requireNonNull(courtyardHome);
    Objects.requireNonNull(externalDatabase);
  }

  Path pgData() {
    return courtyardHome.resolve("pgdata");
  }

  Path operatorPasswordFile() {
    return courtyardHome.resolve("operator-password.txt");
  }

  Path karafEtc() {
    return karafHome.resolve("etc");
  }

  Path karafLog() {
    return karafHome.resolve("data").resolve("log").resolve("karaf.log");
  }

  /**
   * @param env the process environment
   * @param launcherJar where the launcher's own code was loaded from, if known: by default the
   *     Karaf home is the directory two levels above it ({@code <karaf>/lib/launcher/launcher.jar})
   */
  static LaunchSettings resolve(Map<String, String> env, Optional<Path> launcherJar)
      throws LaunchException {
    Path karaf =
        value(env, KARAF)
            .map(LaunchSettings::absolute)
            .or(() -> launcherJar.flatMap(LaunchSettings::karafHomeAbove))
            .orElseThrow(
                () ->
                    new LaunchException(
                        KARAF
                            + " is not set and the launcher does not run from"
                            + " <karaf>/lib/launcher/: set "
                            + KARAF
                            + " to the unpacked Courtyard distribution"));
    Path home =
        value(env, HOME)
            .map(LaunchSettings::absolute)
            .orElseGet(() -> Optional.ofNullable(karaf.getParent()).orElse(karaf));
    if (home.toString().chars().anyMatch(Character::isWhitespace)) {
      // It reaches Karaf as -Dcourtyard.home in EXTRA_JAVA_OPTS, which bin/karaf splits on
      // whitespace.
      throw new LaunchException(
          HOME
              + " must not contain whitespace (Karaf's start script would split it): '"
              + home
              + "'");
    }

    Optional<ExternalDatabaseSettings> external = Optional.empty();
    Optional<String> url = value(env, DB_URL);
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:postgresql:")) {
        throw new LaunchException(
            DB_URL
                + " must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database),"
                + " got '"
                + JdbcUrls.redact(url.get())
                + "'");
      }
      external =
          Optional.of(
              new ExternalDatabaseSettings(
                  url.get(), env.getOrDefault(DB_USER, ""), env.getOrDefault(DB_PASSWORD, "")));
    }

    return new LaunchSettings(
        karaf,
        home,
        external,
        port(env, DB_PORT, DEFAULT_DB_PORT),
        port(env, HTTP_PORT, DEFAULT_HTTP_PORT),
        flag(env, CONSOLE));
  }

  private static Optional<Path> karafHomeAbove(Path jar) {
    Path launcherDir = jar.toAbsolutePath().normalize().getParent();
    Path lib = launcherDir == null ? null : launcherDir.getParent();
    return Optional.ofNullable(lib == null ? null : lib.getParent());
  }

  private static Path absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }

  /**
   * A variable that is set but blank counts as unset, as `FOO= ./courtyard start` means "no FOO".
   */
  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static int port(Map<String, String> env, String name, int defaultPort)
      throws LaunchException {
    Optional<String> raw = value(env, name);
    if (raw.isEmpty()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(raw.get());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LaunchException(name + " must be a TCP port (1-65535), got '" + raw.get() + "'");
  }

  private static boolean flag(Map<String, String> env, String name) throws LaunchException {
    Optional<String> raw = value(env, name);
    if (raw.isEmpty()) {
      return false;
    }
    switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
      case "yes":
      case "on":
        return true;
      case "0":
      case "false":
      case "no":
      case "off":
        return false;
      default:
        throw new LaunchException(
            name + " must be 1 or 0 (or true/false), got '" + raw.get() + "'");
    }
  }
}
