package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;

/**
 * The distribution as an operator runs it: unpacked, started by the launcher, stopped with SIGTERM
 * and started again. Tenants, enabled modules and data survive, even with Karaf's own data folder
 * wiped in between, because the registry in PostgreSQL is the source of truth.
 */
public class RestartIT {

  private final Path root = Paths.get("target", "restart-it").toAbsolutePath();
  private final Path karaf = root.resolve("runtime");
  private final Path home = root.resolve("home");
  private final int port = CourtyardContainer.freePort();
  private final String database = TestDatabase.fresh();
  private Process launcher;

  @After
  public void stop() throws Exception {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy();
      launcher.waitFor(60, TimeUnit.SECONDS);
      launcher.destroyForcibly();
    }
  }

  @Test
  public void tenantsModulesAndDataSurviveARestart() throws Exception {
    unpack();
    start();
    Http anonymous = Http.anonymous(port);
    String password = Files.readString(home.resolve("operator-password.txt")).trim();
    assertEquals(
        "the password file is private",
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(home.resolve("operator-password.txt"))));
    Http operator = anonymous.operator(password);
    Http.Reply created =
        operator.post(
            "/operator/tenants",
            Map.of("slug", "restart_co", "name", "Restart Property", "modules", List.of("estate")));
    assertEquals(created.toString(), 201, created.status);
    Http tenant = anonymous.tenant(created.json.path("adminToken").asText());
    Http.Reply estate =
        tenant.post("/estate/estates", Map.of("code", "KEEP", "name", "Kept Estate"));
    assertEquals(estate.toString(), 201, estate.status);
    long id = estate.json.path("id").asLong();

    stopLauncher();
    deleteRecursively(
        karaf.resolve("data")); // Karaf forgets its configurations; the registry does not
    start();

    assertEquals(
        "first-run password is not regenerated",
        password,
        Files.readString(home.resolve("operator-password.txt")).trim());
    Http.Reply listed = operator.get("/operator/tenants/restart_co");
    assertEquals(listed.toString(), 200, listed.status);
    assertTrue(listed.text, listed.json.path("modules").toString().contains("estate"));
    Http.Reply kept = awaitOk(tenant, "/estate/estates/" + id);
    assertEquals("Kept Estate", kept.json.path("name").asText());
  }

  /** Restoring enabled modules runs in the background after boot: allow it a few seconds. */
  private static Http.Reply awaitOk(Http api, String path) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    Http.Reply r;
    do {
      r = api.get(path);
      if (r.status == 200) {
        return r;
      }
      Thread.sleep(250);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError("still " + r);
  }

  private void unpack() throws Exception {
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
  }

  private void start() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            karaf.resolve("lib/launcher") + File.separator + "*",
            "org.courtyard.launcher.Launcher");
    Map<String, String> env = pb.environment();
    env.put("COURTYARD_HOME", home.toString());
    env.put("COURTYARD_KARAF", karaf.toString());
    env.put("COURTYARD_DB_URL", database);
    env.put("COURTYARD_DB_USER", "postgres");
    env.put("COURTYARD_HTTP_PORT", String.valueOf(port));
    pb.redirectErrorStream(true);
    pb.redirectOutput(root.resolve("launcher.log").toFile());
    launcher = pb.start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!launcher.isAlive()) {
        throw new AssertionError(
            "launcher exited with "
                + launcher.exitValue()
                + ": "
                + Files.readString(root.resolve("launcher.log")));
      }
      if (Files.readString(root.resolve("launcher.log")).contains("Courtyard is up")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "Courtyard did not come up: " + Files.readString(root.resolve("launcher.log")));
  }

  private void stopLauncher() throws Exception {
    launcher.destroy(); // SIGTERM: the launcher stops Karaf gracefully
    assertTrue("launcher stopped", launcher.waitFor(90, TimeUnit.SECONDS));
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
