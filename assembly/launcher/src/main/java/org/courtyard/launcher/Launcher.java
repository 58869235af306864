package org.courtyard.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a development Courtyard: {@code java -cp '<karaf>/lib/launcher/*'
 * org.courtyard.launcher.Launcher}. Configured by environment variables; see {@link #USAGE}.
 */
public final class Launcher {

  static {
    // Before the first logger is created. -D on the command line still wins.
    defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
    defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
    defaultProperty("org.slf4j.simpleLogger.showThreadName", "false");
    defaultProperty("org.slf4j.simpleLogger.showLogName", "false");
    defaultProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    // zonky narrates each step at info; the launcher says what matters itself.
    defaultProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
  }

  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  static final String USAGE =
      """
            Usage: java -cp '<karaf>/lib/launcher/*' org.courtyard.launcher.Launcher [--help]

            Starts a development Courtyard: PostgreSQL (embedded, unless COURTYARD_DB_URL is set), then
            Karaf, and waits until the REST API answers. Ctrl+C stops Karaf, then the embedded PostgreSQL.
            The exit code is Karaf's (1 if Courtyard could not be started).

            Environment:
              COURTYARD_KARAF        the unpacked distribution to run
                                     (default: two levels above the launcher jar, <karaf>/lib/launcher/)
              COURTYARD_HOME         state kept outside the distribution: pgdata/, operator-password.txt,
                                     log/postgresql.log, pg-binaries/ (default: the folder holding COURTYARD_KARAF)
              COURTYARD_DB_URL       use this PostgreSQL (jdbc:postgresql://host:port/database) instead of
                                     the embedded one
              COURTYARD_DB_USER      user for COURTYARD_DB_URL
              COURTYARD_DB_PASSWORD  password for COURTYARD_DB_URL
              COURTYARD_DB_PORT      port of the embedded PostgreSQL (default 15432)
              COURTYARD_HTTP_PORT    HTTP port of Karaf (default 8181)
              COURTYARD_CONSOLE      1: run Karaf with its interactive console instead of as a server
              COURTYARD_TENANT_ADMIN_JAR
                                     the operator console's jar (tenant-admin), started beside Karaf
                                     and stopped with it; unset: the platform starts alone
              TENANT_ADMIN_PORT      HTTP port of the operator console (default 8282)

            Written before Karaf starts: <karaf>/etc/org.courtyard.db.cfg (url, user, password; mode 0600)
            and org.osgi.service.http.port in <karaf>/etc/org.ops4j.pax.web.cfg.
            """;

  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 1
        && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
      System.out.print(USAGE);
      return;
    }
    if (args.length > 0) {
      System.err.print("Unexpected argument: " + String.join(" ", args) + "\n\n" + USAGE);
      System.exit(2);
    }
    int exitCode;
    try {
      LaunchSettings settings = LaunchSettings.resolve(System.getenv(), ownJar());
      LOG.debug("Settings: {}", settings);
      exitCode = new CourtyardStart(settings, System.getenv(), System.out).run();
    } catch (LaunchException e) {
      LOG.error(e.getMessage());
      LOG.debug("Start-up failure", e);
      exitCode = 1;
    }
    System.exit(exitCode);
  }

  private static Optional<Path> ownJar() {
    try {
      CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return Optional.empty();
      }
      Path location = Path.of(source.getLocation().toURI());
      return location.getFileName() != null && location.getFileName().toString().endsWith(".jar")
          ? Optional.of(location)
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }
}
