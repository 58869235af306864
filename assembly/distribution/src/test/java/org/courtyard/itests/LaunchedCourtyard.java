package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution as an operator runs it: unpacked into a folder of its own and started by the
 * launcher in a process of its own, so a test can stop it with SIGTERM, or kill Karaf with SIGKILL
 * as a power cut would, and start it again on the same data.
 */
final class LaunchedCourtyard implements AutoCloseable {

  final Path root;
  final Path karaf;
  final Path home;
  final int port = CourtyardContainer.freePort();
  final int mqttPort = CourtyardContainer.freePort();
  private final Map<String, String> env = new HashMap<>();
  private Process launcher;
  private int starts;

  /** Unpacks a fresh runtime under {@code target/<name>} for the given database. */
  LaunchedCourtyard(String name, String databaseUrl) throws Exception {
    root = Paths.get("target", name).toAbsolutePath();
    karaf = root.resolve("runtime");
    home = root.resolve("home");
    deleteRecursively(root);
    Files.createDirectories(karaf);
    Process tar =
        new ProcessBuilder(
                "tar",
                "xzf",
                System.getProperty("courtyard.distribution"),
                "-C",
                karaf.toString(),
                "--strip-components=1")
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    env.put("COURTYARD_HOME", home.toString());
    env.put("COURTYARD_KARAF", karaf.toString());
    env.put("COURTYARD_DB_URL", databaseUrl);
    env.put("COURTYARD_DB_USER", "postgres");
    env.put("COURTYARD_HTTP_PORT", String.valueOf(port));
    env.put("COURTYARD_MQTT_PORT", String.valueOf(mqttPort));
  }

  /** Lines for an {@code etc/} configuration file of the runtime, written before the start. */
  void configure(String file, String... lines) throws IOException {
    Files.write(karaf.resolve("etc").resolve(file), java.util.List.of(lines));
  }

  /** Starts the launcher and returns once the banner says Courtyard is up. */
  void start() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            karaf.resolve("lib/launcher") + File.separator + "*",
            "org.courtyard.launcher.Launcher");
    pb.environment().putAll(env);
    Path log = root.resolve("launcher-" + ++starts + ".log");
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    launcher = pb.start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!launcher.isAlive()) {
        throw new AssertionError(
            "launcher exited with " + launcher.exitValue() + ": " + Files.readString(log));
      }
      if (Files.readString(log).contains("Courtyard is up")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Courtyard did not come up: " + Files.readString(log));
  }

  String operatorPassword() throws IOException {
    return Files.readString(home.resolve("operator-password.txt")).trim();
  }

  /** SIGTERM: the launcher stops Karaf gracefully. */
  void stop() throws Exception {
    launcher.destroy();
    assertTrue("launcher stopped", launcher.waitFor(90, TimeUnit.SECONDS));
  }

  /**
   * SIGKILL to Karaf's JVM, as a power cut or the kernel's OOM killer would end it: nothing in it
   * gets to run, not even a shutdown hook. The launcher sees Karaf gone and exits.
   *
   * @return {@link System#nanoTime()} right before the signal was sent
   */
  long killKaraf() throws Exception {
    ProcessHandle karafJvm =
        launcher
            .descendants()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(c -> c.contains("org.apache.karaf.main.Main"))
                        .orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Karaf JVM under the launcher"));
    long killed = System.nanoTime();
    assertTrue(karafJvm.destroyForcibly());
    karafJvm.onExit().get(30, TimeUnit.SECONDS);
    if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
      launcher.destroyForcibly();
      launcher.waitFor(30, TimeUnit.SECONDS);
    }
    return killed;
  }

  @Override
  public void close() throws Exception {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy();
      launcher.waitFor(60, TimeUnit.SECONDS);
      launcher.destroyForcibly();
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
