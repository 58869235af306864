package org.courtyard.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.courtyard.launcher.KarafProcess.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of Courtyard: database, Karaf configuration, Karaf, wait for the API, banner; then stop
 * everything in reverse order when Karaf ends or the launcher is asked to stop.
 */
final class CourtyardStart {

  private static final Logger LOG = LoggerFactory.getLogger(CourtyardStart.class);

  static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final LaunchSettings settings;
  private final Map<String, String> environment;
  private final PrintStream out;

  /** Set as soon as a stop is requested (signal), read by the main thread while it waits. */
  private volatile boolean stopRequested;

  /**
   * Guards starting and stopping: a Ctrl+C while the database or Karaf is being started waits until
   * it has started and then stops it, so nothing is left running.
   */
  private final Object lifecycle = new Object();

  static final String MQTT_PORT = "COURTYARD_MQTT_PORT";
  static final int DEFAULT_MQTT_PORT = 1883;

  static final Duration CONSOLE_READY_TIMEOUT = Duration.ofSeconds(30);

  private Database database;
  private KarafProcess karaf;
  private ConsoleProcess operatorConsole;
  private ConsoleSettings consoleSettings;
  private String consoleProblem = "";
  private int mqttPort;

  CourtyardStart(LaunchSettings settings, Map<String, String> environment, PrintStream out) {
    this.settings = settings;
    this.environment = environment;
    this.out = out;
  }

  /**
   * @return the exit code for the launcher: Karaf's, or 1 if Courtyard did not come up
   */
  int run() throws LaunchException {
    checkDistribution();
    if (PortCheck.inUse(settings.httpPort())) {
      throw new LaunchException(
          "Port "
              + settings.httpPort()
              + " is in use (is another Courtyard still running?)."
              + " Stop it, or set "
              + LaunchSettings.HTTP_PORT
              + " to a free port.");
    }
    mqttPort = mqttPort();
    consoleSettings = ConsoleSettings.resolve(environment);
    Runtime.getRuntime().addShutdownHook(new Thread(this::onStopSignal, "courtyard-stop"));
    try {
      createDirectory(settings.courtyardHome());
      Database db;
      synchronized (lifecycle) {
        if (stopRequested) {
          return 1;
        }
        database =
            settings.externalDatabase().isPresent()
                ? ExternalDatabase.connect(settings.externalDatabase().get())
                : EmbeddedDatabase.start(settings.courtyardHome(), settings.embeddedDatabasePort());
        db = database;
      }
      writeKarafConfiguration(db.jdbc());

      KarafProcess process;
      synchronized (lifecycle) {
        if (stopRequested) {
          return 1;
        }
        karaf = KarafProcess.start(settings.karafHome(), settings.console(), karafEnvironment());
        process = karaf;
        startConsole();
      }
      return superviseKaraf(process, db);
    } finally {
      stopAll();
    }
  }

  private int superviseKaraf(KarafProcess process, Database db) {
    URI ping = URI.create("http://127.0.0.1:" + settings.httpPort() + "/api/v1/ping");
    LOG.info(
        "Waiting for {} (up to {} s; Karaf logs to {})",
        ping,
        READY_TIMEOUT.toSeconds(),
        settings.karafLog());
    // Dots would garble the interactive console.
    Optional<PrintStream> progress = settings.console() ? Optional.empty() : Optional.of(out);
    Readiness readiness = process.awaitReady(ping, READY_TIMEOUT, () -> stopRequested, progress);

    switch (readiness) {
      case READY -> {
        out.print(
            Banner.render(
                startupTime(),
                settings.httpPort(),
                settings.operatorPasswordFile(),
                Files.exists(settings.operatorPasswordFile()),
                db.description(),
                settings.karafLog(),
                settings.console()));
        out.print(Banner.line("Console", consoleLine()));
        out.print(
            Banner.line(
                "MQTT",
                "tcp://localhost:"
                    + mqttPort
                    + " (embedded broker; devices publish to"
                    + " t/<tenant>/d/<device>/up)"));
        out.flush();
      }
      case EXITED -> {
        if (!stopRequested) {
          LOG.error(
              "Karaf exited with code {} before Courtyard answered on {}. See {}",
              process.exitValue(),
              ping,
              settings.karafLog());
        }
        return process.exitValue();
      }
      case TIMED_OUT -> {
        LOG.error(
            "Courtyard did not answer on {} within {} s; stopping Karaf. See {}",
            ping,
            READY_TIMEOUT.toSeconds(),
            settings.karafLog());
        stopAll();
        return 1;
      }
      case CANCELLED -> {
        return 1;
      }
    }
    try {
      int exit = process.waitFor();
      if (!stopRequested) {
        LOG.info("Karaf exited with code {}", exit);
      }
      return exit;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private void onStopSignal() {
    stopRequested = true;
    stopAll();
  }

  /**
   * The operator console beside Karaf, if its jar is there. It is only a client of the API: when it
   * cannot start, Courtyard goes on without it and the banner says why.
   */
  private void startConsole() {
    if (consoleSettings.jar().isEmpty()) {
      consoleProblem = "not started: " + consoleSettings.reason();
      LOG.info("Operator console (tenant-admin) {}", consoleProblem);
      return;
    }
    if (PortCheck.inUse(consoleSettings.port())) {
      consoleProblem =
          "not started: port "
              + consoleSettings.port()
              + " is in use (set "
              + ConsoleSettings.PORT
              + " to a free port)";
      LOG.warn("Operator console (tenant-admin) {}", consoleProblem);
      return;
    }
    try {
      operatorConsole =
          ConsoleProcess.start(
              consoleSettings.jar().get(),
              consoleSettings.port(),
              settings.httpPort(),
              settings.courtyardHome().resolve("log").resolve("tenant-admin.log"),
              environment);
    } catch (IOException e) {
      consoleProblem = "not started: " + e.getMessage();
      LOG.warn("Operator console (tenant-admin) {}", consoleProblem);
    }
  }

  private String consoleLine() {
    if (operatorConsole == null) {
      return consoleProblem;
    }
    String url = "http://localhost:" + operatorConsole.port() + "/";
    if (operatorConsole.awaitReady(CONSOLE_READY_TIMEOUT)) {
      return url + " (operator console; log " + operatorConsole.log() + ")";
    }
    return operatorConsole.isAlive()
        ? url + " (still starting; log " + operatorConsole.log() + ")"
        : "exited at start: see " + operatorConsole.log();
  }

  /**
   * The console, then Karaf (it holds connections), then the database. Safe to call more than once.
   */
  private void stopAll() {
    synchronized (lifecycle) {
      if (operatorConsole != null) {
        operatorConsole.stop(Duration.ofSeconds(10));
        operatorConsole = null;
      }
      if (karaf != null) {
        karaf.stop(STOP_GRACE);
        karaf = null;
      }
      if (database != null) {
        database.close();
        database = null;
      }
    }
  }

  /**
   * {@value #MQTT_PORT}, else 1883 if it is free, else a free port: these machines often run a
   * broker of their own on 1883, and Courtyard should start anyway.
   */
  private int mqttPort() throws LaunchException {
    String configured = environment.get(MQTT_PORT);
    if (configured != null && !configured.isBlank()) {
      int port;
      try {
        port = Integer.parseInt(configured.trim());
      } catch (NumberFormatException e) {
        throw new LaunchException(MQTT_PORT + " must be a port number, got '" + configured + "'");
      }
      if (PortCheck.inUse(port)) {
        throw new LaunchException(
            "Port " + port + " (" + MQTT_PORT + ") is in use. Choose a free port for the broker.");
      }
      return port;
    }
    if (!PortCheck.inUse(DEFAULT_MQTT_PORT)) {
      return DEFAULT_MQTT_PORT;
    }
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      LOG.info(
          "Port {} is taken (another MQTT broker?); the embedded broker will listen on {}. Set {}"
              + " to choose.",
          DEFAULT_MQTT_PORT,
          s.getLocalPort(),
          MQTT_PORT);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new LaunchException("No free port for the MQTT broker: " + e, e);
    }
  }

  private void checkDistribution() throws LaunchException {
    Path script = settings.karafHome().resolve("bin").resolve("karaf");
    if (!Files.isExecutable(script)) {
      throw new LaunchException(
          "No Courtyard distribution at "
              + settings.karafHome()
              + " ("
              + script
              + " is missing or not executable). Set "
              + LaunchSettings.KARAF
              + " to the unpacked distribution.");
    }
  }

  private void writeKarafConfiguration(JdbcSettings jdbc) throws LaunchException {
    KarafEtc etc = new KarafEtc(settings.karafEtc());
    try {
      etc.writeDatabaseConfig(jdbc);
      etc.setHttpPort(settings.httpPort());
      etc.setBrokerPort(mqttPort);
    } catch (IOException e) {
      throw new LaunchException(
          "Could not write the Karaf configuration in " + settings.karafEtc() + ": " + e, e);
    }
  }

  private Map<String, String> karafEnvironment() {
    int javaVersion = Runtime.version().feature();
    Optional<Path> javaHome =
        KarafProcess.javaHomeForKaraf(javaVersion, System.getProperty("java.home"));
    if (javaHome.isEmpty()) {
      LOG.warn(
          "The launcher runs on Java {}, but Karaf 4.4 needs Java {} to {}: Karaf will use JAVA_HOME ({})"
              + " or the java on the PATH",
          javaVersion,
          KarafProcess.MIN_JAVA,
          KarafProcess.MAX_JAVA_EXCLUSIVE - 1,
          environment.getOrDefault("JAVA_HOME", "not set"));
    }
    return KarafProcess.environment(environment, settings.courtyardHome(), javaHome);
  }

  /** Since the launcher's JVM started, which is what the user waited for. */
  private static Duration startupTime() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(start -> Duration.between(start, Instant.now()))
        .orElse(Duration.ZERO);
  }

  private static void createDirectory(Path directory) throws LaunchException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new LaunchException("Could not create " + directory + ": " + e, e);
    }
  }
}
