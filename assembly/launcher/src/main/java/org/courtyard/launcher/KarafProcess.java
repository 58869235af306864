package org.courtyard.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Karaf child process: {@code bin/karaf server} (or {@code bin/karaf} with its console). */
final class KarafProcess {

  private static final Logger LOG = LoggerFactory.getLogger(KarafProcess.class);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

  /** Karaf 4.4.10 runs on 17 up to 24; on 25 its scripts' Security Manager flag breaks it. */
  static final int MIN_JAVA = 17;

  static final int MAX_JAVA_EXCLUSIVE = 25;

  /**
   * Variables that would point the Karaf scripts at another installation: the scripts prefer them
   * over their own location.
   */
  private static final List<String> FOREIGN_KARAF_VARIABLES =
      List.of("KARAF_HOME", "KARAF_BASE", "KARAF_DATA", "KARAF_ETC");

  enum Readiness {
    READY,
    EXITED,
    TIMED_OUT,
    CANCELLED
  }

  private final Process process;

  private KarafProcess(Process process) {
    this.process = process;
  }

  static KarafProcess start(Path karafHome, boolean console, Map<String, String> environment)
      throws LaunchException {
    Path script = karafHome.resolve("bin").resolve("karaf");
    List<String> command = new ArrayList<>(List.of(script.toString()));
    if (!console) {
      command.add("server");
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(karafHome.toFile()).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      LOG.info("Starting Karaf: {}", String.join(" ", command));
      return new KarafProcess(builder.start());
    } catch (IOException e) {
      throw new LaunchException("Could not run " + script + ": " + e.getMessage(), e);
    }
  }

  /**
   * The environment for Karaf: the launcher's own, plus {@code -Dcourtyard.home} in {@code
   * EXTRA_JAVA_OPTS}, plus {@code JAVA_HOME} of the launcher's Java when Karaf can run on it.
   */
  static Map<String, String> environment(
      Map<String, String> parent, Path courtyardHome, Optional<Path> javaHome) {
    Map<String, String> environment = new HashMap<>(parent);
    FOREIGN_KARAF_VARIABLES.forEach(environment::remove);
    String courtyardHomeOption = "-Dcourtyard.home=" + courtyardHome;
    String extra = parent.getOrDefault("EXTRA_JAVA_OPTS", "").trim();
    environment.put(
        "EXTRA_JAVA_OPTS",
        extra.isEmpty() ? courtyardHomeOption : extra + " " + courtyardHomeOption);
    javaHome.ifPresent(home -> environment.put("JAVA_HOME", home.toString()));
    return environment;
  }

  /** The launcher's own Java home if Karaf can run on that Java version. */
  static Optional<Path> javaHomeForKaraf(int javaFeatureVersion, String javaHome) {
    if (javaFeatureVersion < MIN_JAVA
        || javaFeatureVersion >= MAX_JAVA_EXCLUSIVE
        || javaHome == null) {
      return Optional.empty();
    }
    Path home = Path.of(javaHome);
    return Files.isExecutable(home.resolve("bin").resolve("java"))
        ? Optional.of(home)
        : Optional.empty();
  }

  /**
   * Polls {@code ping} until it answers 200, Karaf exits, {@code timeout} passes or {@code
   * cancelled} says so. Prints a dot to {@code progress} every few seconds, if given, and ends the
   * line of dots.
   */
  Readiness awaitReady(
      URI ping, Duration timeout, BooleanSupplier cancelled, Optional<PrintStream> progress) {
    Optional<DotLine> dots = progress.map(DotLine::new);
    try {
      return poll(ping, timeout, cancelled, dots);
    } finally {
      dots.ifPresent(DotLine::end);
    }
  }

  private Readiness poll(
      URI ping, Duration timeout, BooleanSupplier cancelled, Optional<DotLine> dots) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest request = HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(2)).GET().build();
    long start = System.nanoTime();
    long nextDot = start + PROGRESS_INTERVAL.toNanos();
    try {
      while (true) {
        if (cancelled.getAsBoolean()) {
          return Readiness.CANCELLED;
        }
        if (!process.isAlive()) {
          return Readiness.EXITED;
        }
        if (answers200(client, request)) {
          return Readiness.READY;
        }
        long now = System.nanoTime();
        if (now - start > timeout.toNanos()) {
          return Readiness.TIMED_OUT;
        }
        if (now - nextDot >= 0) {
          dots.ifPresent(DotLine::dot);
          nextDot = now + PROGRESS_INTERVAL.toNanos();
        }
        process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Readiness.CANCELLED;
    }
  }

  /** Progress dots on one line; the line is ended only if a dot was printed. */
  private static final class DotLine {

    private final PrintStream out;
    private boolean started;

    DotLine(PrintStream out) {
      this.out = out;
    }

    void dot() {
      out.print('.');
      out.flush();
      started = true;
    }

    void end() {
      if (started) {
        out.println();
      }
    }
  }

  private static boolean answers200(HttpClient client, HttpRequest request)
      throws InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet, or Jetty is up but the endpoint is not
    }
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitValue() {
    return process.exitValue();
  }

  /**
   * Stops Karaf gracefully, then forcibly after {@code grace}.
   *
   * <p>In {@code server} mode {@code bin/karaf} is a shell that runs Karaf's JVM as a child (it
   * does not exec it, to support restarts), and a shell killed by SIGTERM does not pass the signal
   * on. So the JVM and anything else below the script get SIGTERM first, which runs Karaf's orderly
   * shutdown; the script then exits with the JVM's status. The descendants are listed before
   * anything is signalled: once the script is gone they are no longer its descendants.
   *
   * @return Karaf's exit code
   */
  int stop(Duration grace) {
    if (!process.isAlive()) {
      return process.exitValue();
    }
    List<ProcessHandle> descendants = process.descendants().toList();
    LOG.info("Stopping Karaf");
    if (descendants.isEmpty()) {
      process.destroy();
    } else {
      descendants.forEach(ProcessHandle::destroy);
    }
    long deadline = System.nanoTime() + grace.toNanos();
    List<ProcessHandle> all = new ArrayList<>(descendants);
    all.add(process.toHandle());
    for (ProcessHandle handle : all) {
      awaitExit(handle, deadline);
    }
    // Whatever the script started meanwhile counts too, or it would be orphaned by the kill.
    process.descendants().forEach(all::add);
    List<ProcessHandle> stuck = all.stream().filter(ProcessHandle::isAlive).distinct().toList();
    if (!stuck.isEmpty()) {
      LOG.warn("Karaf did not stop within {} s; killing it", grace.toSeconds());
      stuck.forEach(ProcessHandle::destroyForcibly);
    }
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return 1;
    }
  }

  private static void awaitExit(ProcessHandle handle, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return;
    }
    try {
      handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // handled by the caller: still alive means killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
