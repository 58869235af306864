package org.courtyard.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 15 started from the binaries in the zonky jar, with its data kept in {@code
 * $COURTYARD_HOME/pgdata} across restarts.
 *
 * <p>This is a development database: zonky runs the server with fsync off and synchronous_commit
 * off. Fast, but a crash of the machine can lose or corrupt data. Use {@code COURTYARD_DB_URL} for
 * anything that must survive that, and for benchmarks you publish.
 */
final class EmbeddedDatabase implements Database {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  static final String DATABASE_NAME = "courtyard";
  static final String SUPERUSER = "postgres";

  private static final Duration SERVER_START_WAIT = Duration.ofSeconds(60);
  private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);
  private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;

  private final EmbeddedPostgres postgres;
  private final JdbcSettings jdbc;
  private final String description;

  private EmbeddedDatabase(EmbeddedPostgres postgres, JdbcSettings jdbc, String description) {
    this.postgres = postgres;
    this.jdbc = jdbc;
    this.description = description;
  }

  /**
   * @param home {@code $COURTYARD_HOME}: holds {@code pgdata/}, the unpacked binaries in {@code
   *     pg-binaries/} and the server's output in {@code log/postgresql.log}
   */
  static EmbeddedDatabase start(Path home, int port) throws LaunchException {
    Path pgData = home.resolve("pgdata");
    Path binaries = home.resolve("pg-binaries");
    Path log = home.resolve("log").resolve("postgresql.log");

    checkCanRunAsThisUser();
    stopServerLeftOver(pgData);
    if (PortCheck.inUse(port)) {
      throw new LaunchException(
          "Port "
              + port
              + " is in use, so the embedded PostgreSQL cannot listen on it."
              + " Set "
              + LaunchSettings.DB_PORT
              + " to a free port, or "
              + LaunchSettings.DB_URL
              + " to use a PostgreSQL that is already running.");
    }

    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(binaries);
      prepareLog(log);
      boolean firstStart = !Files.exists(pgData.resolve("PG_VERSION"));
      LOG.info(
          firstStart
              ? "Starting embedded PostgreSQL on port {}; first start: unpacking it and creating {} takes a few seconds"
              : "Starting embedded PostgreSQL on port {} (data in {})",
          port,
          pgData);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setOverrideWorkingDirectory(binaries.toFile())
              // The launcher stops PostgreSQL itself, after Karaf, not in parallel with it.
              .setRegisterShutdownHook(false)
              .setPGStartupWait(SERVER_START_WAIT)
              .setOutputRedirector(Redirect.appendTo(log.toFile()))
              .setErrorRedirector(Redirect.appendTo(log.toFile()))
              .start();
      ownerWritableOnly(binaries);
    } catch (IOException | RuntimeException e) {
      throw new LaunchException(
          "The embedded PostgreSQL did not start: "
              + e.getMessage()
              + "\nIts output is in "
              + log
              + "."
              + "\nIf "
              + pgData
              + " is left over from an interrupted first start (no PG_VERSION file in it),"
              + " delete it and start again.",
          e);
    }

    try {
      JdbcSettings jdbc =
          new JdbcSettings(
              "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE_NAME, SUPERUSER, "");
      String version = createDatabaseIfMissing(port);
      return new EmbeddedDatabase(
          postgres,
          jdbc,
          "embedded PostgreSQL " + version + " at 127.0.0.1:" + port + " (data in " + pgData + ")");
    } catch (SQLException e) {
      closeQuietly(postgres);
      throw new LaunchException(
          "The embedded PostgreSQL started but the database '"
              + DATABASE_NAME
              + "' could not be prepared: "
              + e.getMessage()
              + "\nSee "
              + log
              + ".",
          e);
    }
  }

  @Override
  public JdbcSettings jdbc() {
    return jdbc;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    LOG.info("Stopping embedded PostgreSQL");
    closeQuietly(postgres);
  }

  /**
   * PostgreSQL refuses to run as root. zonky 2.x then runs initdb/pg_ctl through {@code unshare -U}
   * (a user namespace, where the process is not root); where user namespaces are disabled there is
   * no way around it, so say so instead of failing inside initdb.
   */
  private static void checkCanRunAsThisUser() throws LaunchException {
    if (runningAsRoot() && !LinuxUtils.isUnshareAvailable()) {
      throw new LaunchException(
          "The embedded PostgreSQL cannot run as root here: PostgreSQL refuses root,"
              + " and `unshare -U` (user namespaces), which the launcher uses to run it as an unprivileged"
              + " user, does not work on this machine. Run as a normal user, enable user namespaces"
              + " (sysctl user.max_user_namespaces > 0), or set "
              + LaunchSettings.DB_URL
              + " to an existing PostgreSQL.");
    }
  }

  private static boolean runningAsRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }

  /**
   * pg_ctl detaches the server from the launcher, so a launcher that was killed (kill -9, a crashed
   * IDE) leaves it running and the next start would fail on the occupied data directory and port.
   * Such a server is recognised by the PID in {@code postmaster.pid} while no launcher holds
   * zonky's lock on the data directory, and is asked to shut down.
   */
  private static void stopServerLeftOver(Path pgData) throws LaunchException {
    Optional<ProcessHandle> server = serverFromPidFile(pgData.resolve("postmaster.pid"));
    if (server.isEmpty()) {
      return;
    }
    long pid = server.get().pid();
    try (FileChannel channel =
            FileChannel.open(
                pgData.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new LaunchException(
            "Another Courtyard launcher is using "
                + pgData
                + " (its PostgreSQL has pid "
                + pid
                + "). Stop it first, or use another COURTYARD_HOME.");
      }
      LOG.warn(
          "Stopping PostgreSQL (pid {}) left running on {} by an earlier launcher", pid, pgData);
      server.get().destroy();
      server.get().onExit().get(LEFTOVER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new LaunchException(
          "PostgreSQL (pid "
              + pid
              + ") left running on "
              + pgData
              + " by an earlier launcher did not stop within "
              + LEFTOVER_STOP_WAIT.toSeconds()
              + " s (are clients still connected?). Stop it with: kill -INT "
              + pid);
    } catch (IOException | ExecutionException e) {
      throw new LaunchException(
          "Could not check " + pgData + " for a PostgreSQL left running: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("Interrupted while stopping PostgreSQL (pid " + pid + ")", e);
    }
  }

  private static Optional<ProcessHandle> serverFromPidFile(Path pidFile) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile);
      long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
      // Only a live postgres process: PIDs are reused, and postgres itself ignores a stale file.
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              handle -> handle.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * zonky makes its working directory world-writable (it expects a shared temp folder). Under
   * COURTYARD_HOME that would let any local user swap the binaries the launcher runs.
   */
  private static void ownerWritableOnly(Path binaries) {
    try {
      Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("Could not restrict the permissions of {}: {}", binaries, e.toString());
    }
  }

  /** Keeps the appended server log from growing without bound: one previous generation is kept. */
  private static void prepareLog(Path log) throws IOException {
    Files.createDirectories(log.getParent());
    if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
      Files.move(
          log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * @return the server version, e.g. "15.19"
   */
  private static String createDatabaseIfMissing(int port) throws SQLException {
    JdbcSettings admin =
        new JdbcSettings("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, "");
    try (Connection connection =
        DriverManager.getConnection(admin.url(), admin.connectionProperties())) {
      boolean exists;
      try (PreparedStatement query =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        query.setString(1, DATABASE_NAME);
        try (ResultSet rows = query.executeQuery()) {
          exists = rows.next();
        }
      }
      if (!exists) {
        LOG.info("Creating database '{}'", DATABASE_NAME);
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE " + DATABASE_NAME);
        }
      }
      return connection.getMetaData().getDatabaseProductVersion();
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.toString());
    }
  }
}
