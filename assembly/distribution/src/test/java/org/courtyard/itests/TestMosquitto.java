package org.courtyard.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto 2 with the dynamic-security plugin, started from the machine's mosquitto
 * binaries on a free port for one test class (the machine's own broker on 1883 has no dynsec and is
 * left alone). Absent binaries mean no broker: the tests that need it are skipped, except under
 * {@code CI=true}, where they fail ({@code .ci/run} installs Debian's mosquitto).
 */
final class TestMosquitto {

  static final String ADMIN = "courtyard-admin";
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  private static final Path CTRL = Path.of("/usr/bin/mosquitto_ctrl");
  private static final Path PLUGIN =
      Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");

  final int port;
  final String adminPassword;
  final Path conf;

  private TestMosquitto(int port, String adminPassword, Path conf) {
    this.port = port;
    this.adminPassword = adminPassword;
    this.conf = conf;
  }

  static boolean available() {
    return Files.isExecutable(BINARY) && Files.isExecutable(CTRL) && Files.exists(PLUGIN);
  }

  /** Whether a test that needs the binaries must fail without them: on CI ({@code CI=true}). */
  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Why a test needing Mosquitto cannot run; for the failure on CI or the skip elsewhere. */
  static String absence() {
    return "no mosquitto binaries ("
        + BINARY
        + ", "
        + CTRL
        + ", "
        + PLUGIN
        + "): apt-get install mosquitto mosquitto-clients (.ci/run does on CI)";
  }

  /** Starts one; it is stopped when the test JVM exits. */
  static TestMosquitto start() {
    TestMosquitto m = prepare();
    try {
      launch(m.conf, m.port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return m;
  }

  /**
   * Writes the configuration and the dynsec file of one on a free port, without starting it: start
   * it with {@link #launch}.
   */
  static TestMosquitto prepare() {
    try {
      Path dir = Files.createTempDirectory("courtyard-mosquitto");
      Path dynsec = dir.resolve("dynamic-security.json");
      String password = Long.toString(System.nanoTime(), 36) + "Aa1";
      Process init =
          new ProcessBuilder(CTRL.toString(), "dynsec", "init", dynsec.toString(), ADMIN, password)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("init.log").toFile())
              .start();
      if (!init.waitFor(30, TimeUnit.SECONDS) || !Files.exists(dynsec)) {
        throw new IllegalStateException(
            "mosquitto_ctrl dynsec init failed: " + Files.readString(dir.resolve("init.log")));
      }
      int port = CourtyardContainer.freePort();
      Path conf = dir.resolve("mosquitto.conf");
      Files.write(
          conf,
          List.of(
              "listener " + port + " 127.0.0.1",
              "allow_anonymous false",
              // kept on disk at shutdown, so a restarted broker still has what it acknowledged
              "persistence true",
              "persistence_location " + dir + "/",
              "max_inflight_messages 100",
              "max_queued_messages 100000",
              "plugin " + PLUGIN,
              "plugin_opt_config_file " + dynsec,
              "log_dest file " + dir.resolve("mosquitto.log")));
      // mosquitto started as root drops to user "mosquitto": it must be able to read the config
      // and to rewrite the dynsec file and its log in this directory
      for (Path f : List.of(dir, dynsec, conf)) {
        Files.setPosixFilePermissions(
            f,
            java.nio.file.attribute.PosixFilePermissions.fromString(
                Files.isDirectory(f) ? "rwxrwxrwx" : "rw-rw-rw-"));
      }
      return new TestMosquitto(port, password, conf);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts mosquitto on {@code conf}, killed when this JVM exits; returns once it listens. */
  static Process launch(Path conf, int port) throws IOException, InterruptedException {
    Path log = conf.resolveSibling("stdout.log");
    Process p =
        new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return p;
      } catch (IOException e) {
        if (!p.isAlive()) {
          throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
        }
        Thread.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("mosquitto did not listen on " + port);
  }

  /**
   * Stops the mosquitto with this pid as a service manager does (SIGTERM: it saves its persistence
   * file and exits) and starts it again on the same configuration.
   */
  static Process restart(long pid, Path conf, int port) throws IOException, InterruptedException {
    ProcessHandle old =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    old.destroy();
    try {
      old.onExit().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("mosquitto " + pid + " did not stop", e);
    }
    return launch(conf, port);
  }
}
