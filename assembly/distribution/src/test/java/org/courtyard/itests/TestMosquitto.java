package org.courtyard.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto 2 with the dynamic-security plugin, started from the machine's mosquitto
 * binaries on a free port for one test class (the machine's own broker on 1883 has no dynsec and is
 * left alone). Absent binaries mean no broker: the tests that need it are skipped.
 */
final class TestMosquitto {

  static final String ADMIN = "courtyard-admin";
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  private static final Path CTRL = Path.of("/usr/bin/mosquitto_ctrl");
  private static final Path PLUGIN =
      Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");

  final int port;
  final String adminPassword;
  private final Process process;

  private TestMosquitto(int port, String adminPassword, Process process) {
    this.port = port;
    this.adminPassword = adminPassword;
    this.process = process;
  }

  static boolean available() {
    return Files.isExecutable(BINARY) && Files.isExecutable(CTRL) && Files.exists(PLUGIN);
  }

  /** Starts one; it is stopped when the test JVM exits. */
  static TestMosquitto start() {
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
              "persistence false",
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
      Process p =
          new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("stdout.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
          return new TestMosquitto(port, password, p);
        } catch (IOException e) {
          if (!p.isAlive()) {
            throw new IllegalStateException(
                "mosquitto exited: " + Files.readString(dir.resolve("stdout.log")));
          }
          Thread.sleep(50);
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("mosquitto did not listen on " + port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
