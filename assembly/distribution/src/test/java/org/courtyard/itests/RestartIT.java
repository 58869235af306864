package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * The distribution as an operator runs it: unpacked, started by the launcher, stopped with SIGTERM
 * and started again. Tenants, enabled modules and data survive, even with Karaf's own data folder
 * wiped in between, because the registry in PostgreSQL is the source of truth.
 */
public class RestartIT {

  private LaunchedCourtyard courtyard;

  @After
  public void stop() throws Exception {
    if (courtyard != null) {
      courtyard.close();
    }
  }

  @Test
  public void tenantsModulesAndDataSurviveARestart() throws Exception {
    courtyard = new LaunchedCourtyard("restart-it", TestDatabase.fresh());
    courtyard.start();
    Http anonymous = Http.anonymous(courtyard.port);
    String password = courtyard.operatorPassword();
    assertEquals(
        "the password file is private",
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(courtyard.home.resolve("operator-password.txt"))));
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

    courtyard.stop();
    // Karaf forgets its configurations; the registry does not
    LaunchedCourtyard.deleteRecursively(courtyard.karaf.resolve("data"));
    courtyard.start();

    assertEquals("first-run password is not regenerated", password, courtyard.operatorPassword());
    Http.Reply listed = operator.get("/operator/tenants/restart_co");
    assertEquals(listed.toString(), 200, listed.status);
    assertTrue(listed.text, listed.json.path("modules").toString().contains("estate"));
    Http.Reply kept = awaitOk(tenant, "/estate/estates/" + id);
    assertEquals("Kept Estate", kept.json.path("name").asText());
  }

  /** Restoring enabled modules runs in the background after boot: allow it a few seconds. */
  static Http.Reply awaitOk(Http api, String path) throws Exception {
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
}
