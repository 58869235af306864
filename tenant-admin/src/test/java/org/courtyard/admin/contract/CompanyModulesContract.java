package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/**
 * What the Modules screen relies on in {@code /tenant/modules}: the list's shape, switching a
 * module off and on (the answer being the list after the change), idempotent enabling, the
 * requirement order, unknown modules, and that only {@code identity.module.manage} switches. The
 * target's company has every module enabled and a plan allowing all of them.
 */
public abstract class CompanyModulesContract extends TenantApiContract {

  private static JsonNode module(JsonNode list, String id) {
    for (JsonNode m : list) {
      if (id.equals(m.path("id").asText())) {
        return m;
      }
    }
    throw new AssertionError("no module " + id + " in " + list);
  }

  @Test
  public void theListNamesEachModuleWithItsStateAndPlan() {
    String token = accessToken(target().newStaff("project_manager"));
    Answer a = send("GET", "tenant/modules", null, token);
    assertEquals(describe(a), 200, a.status());
    assertTrue(describe(a), a.body().isArray());
    for (JsonNode m : a.body()) {
      assertFalse(describe(a), m.path("id").asText().isEmpty());
      assertTrue(describe(a), m.path("enabled").isBoolean());
      assertTrue(describe(a), m.path("inPlan").isBoolean());
      assertTrue(describe(a), m.path("requires").isArray());
      assertTrue(describe(a), m.path("requiredBy").isArray());
    }
    JsonNode estate = module(a.body(), "estate");
    assertTrue(estate.path("enabled").asBoolean());
    assertTrue(estate.path("inPlan").asBoolean());
    assertEquals("devices", module(a.body(), "security").path("requires").get(0).asText());
  }

  @Test
  public void anAdministratorSwitchesALeafModuleOffAndOnAgain() {
    String token = accessToken(target().newStaff("administrator"));
    Answer off = send("DELETE", "tenant/modules/security", null, token);
    assertEquals(describe(off), 200, off.status());
    assertFalse(module(off.body(), "security").path("enabled").asBoolean());
    assertTrue(module(off.body(), "devices").path("requiredBy").isEmpty());

    Answer offAgain = send("DELETE", "tenant/modules/security", null, token);
    assertProblem(offAgain, 409, "module-not-enabled");

    Answer on = send("POST", "tenant/modules/security", null, token);
    assertEquals(describe(on), 200, on.status());
    assertTrue(module(on.body(), "security").path("enabled").asBoolean());
    assertEquals("security", module(on.body(), "devices").path("requiredBy").get(0).asText());

    Answer onAgain = send("POST", "tenant/modules/security", null, token);
    assertEquals(describe(onAgain), 200, onAgain.status());
  }

  @Test
  public void aRequiredModuleStaysAndUnknownOnesAreNotFound() {
    String token = accessToken(target().newStaff("administrator"));
    assertProblem(send("DELETE", "tenant/modules/estate", null, token), 409, "module-required");
    assertProblem(
        send("POST", "tenant/modules/nosuchmodule", null, token), 404, "module-not-found");
  }

  @Test
  public void onlyHoldersOfTheModulePermissionSwitch() {
    String token = accessToken(target().newStaff("project_manager"));
    assertProblem(send("DELETE", "tenant/modules/security", null, token), 403, "permission-denied");
    assertProblem(send("POST", "tenant/modules/security", null, token), 403, "permission-denied");
  }
}
