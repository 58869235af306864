package org.courtyard.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console (tenant-admin) as a child process beside Karaf: {@code java -jar
 * tenant-admin.jar}, pointed at the platform's API, logging to {@code
 * <COURTYARD_HOME>/log/tenant-admin.log}. It is a client of the API only, so it can start while
 * Karaf is still booting.
 */
final class ConsoleProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleProcess.class);

  private final Process process;
  private final int port;
  private final Path log;

  private ConsoleProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The child's environment: the launcher's, plus where the API is and which port to take. */
  static Map<String, String> environment(Map<String, String> parent, int httpPort, int port) {
    Map<String, String> env = new HashMap<>(parent);
    env.put("COURTYARD_API_URL", apiUrl(httpPort));
    env.put(ConsoleSettings.PORT, String.valueOf(port));
    return env;
  }

  static String apiUrl(int httpPort) {
    return "http://localhost:" + httpPort + "/api/v1";
  }

  static ConsoleProcess start(
      Path jar, int port, int httpPort, Path logFile, Map<String, String> parentEnvironment)
      throws IOException {
    Files.createDirectories(logFile.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().clear();
    builder.environment().putAll(environment(parentEnvironment, httpPort, port));
    LOG.info("Starting the operator console (tenant-admin) on port {}: {}", port, jar);
    return new ConsoleProcess(builder.start(), port, logFile);
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the console answers on its port, it exits, or {@code timeout} passes. */
  boolean awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      try {
        process.waitFor(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** SIGTERM (Jetty stops through its shutdown hook), then a kill after {@code grace}. */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    LOG.info("Stopping the operator console");
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
