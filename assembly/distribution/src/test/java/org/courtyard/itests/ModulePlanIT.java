package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A company switches its own modules within the plan the operator sets: a module outside the plan
 * is listed but locked (403), a module inside it is enabled at once and serves, the requirement
 * order holds both ways, the plan cannot be narrowed under an enabled module, only holders of
 * {@code identity.module.manage} may switch, and the neighbour notices nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModulePlanIT {

  private static final String TENANT = "plan_north";
  private static Http operator;
  private static Http owner;
  private static Http neighbour;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (owner != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    Http.Reply created =
        operator.post(
            "/operator/tenants",
            map(
                "slug",
                TENANT,
                "name",
                "North",
                "modules",
                List.of("estate"),
                "plan",
                List.of("residents", "estate")));
    assertEquals(created.toString(), 201, created.status);
    assertEquals(List.of("estate", "residents"), strings(created.json.path("tenant").path("plan")));
    owner = anonymous.tenant(created.json.path("adminToken").asText());
    neighbour = anonymous.tenant(operator.onboard("plan_south", "estate"));
  }

  @Test
  public void a01_theCompanySeesEveryModuleWithItsPlanAndState() throws Exception {
    Http.Reply list = owner.get("/tenant/modules");
    assertEquals(list.toString(), 200, list.status);
    JsonNode estate = module(list.json, "estate");
    assertTrue(estate.path("enabled").asBoolean());
    assertTrue(estate.path("inPlan").asBoolean());
    JsonNode billing = module(list.json, "billing");
    assertFalse(billing.path("enabled").asBoolean());
    assertFalse(billing.path("inPlan").asBoolean());
    assertEquals(List.of("estate"), strings(billing.path("requires")));
    assertTrue(module(list.json, "residents").path("inPlan").asBoolean());
    assertTrue(
        neighbour.get("/tenant/modules").json.findValues("inPlan").stream()
            .allMatch(JsonNode::asBoolean));
  }

  @Test
  public void a02_aModuleOutsideThePlanIsLocked() throws Exception {
    Http.Reply refused = owner.post("/tenant/modules/billing", map());
    assertEquals(refused.toString(), 403, refused.status);
    assertEquals("module-not-in-plan", refused.problemType());
    assertEquals(404, owner.get("/billing/fee-items").status);
    Http.Reply byOperator =
        operator.post("/operator/tenants/" + TENANT + "/modules/billing", map());
    assertEquals(byOperator.toString(), 403, byOperator.status);
    assertEquals("module-not-in-plan", byOperator.problemType());
    Http.Reply unknown = owner.post("/tenant/modules/no_such_module", map());
    assertEquals(unknown.toString(), 404, unknown.status);
  }

  @Test
  public void a03_aModuleInThePlanIsEnabledAtOnceAndServes() throws Exception {
    assertEquals(404, owner.get("/residents/persons").status);
    Http.Reply enabled = owner.post("/tenant/modules/residents", map());
    assertEquals(enabled.toString(), 200, enabled.status);
    assertTrue(module(enabled.json, "residents").path("enabled").asBoolean());
    assertEquals(List.of("residents"), strings(module(enabled.json, "estate").path("requiredBy")));
    assertEquals(200, owner.get("/residents/persons").status);
    Http.Reply again = owner.post("/tenant/modules/residents", map());
    assertEquals(again.toString(), 200, again.status);
    assertEquals(404, neighbour.get("/residents/persons").status);
  }

  @Test
  public void a04_requirementsHoldBothWays() throws Exception {
    Http.Reply required = owner.delete("/tenant/modules/estate");
    assertEquals(required.toString(), 409, required.status);
    assertEquals("module-required", required.problemType());
    assertEquals(200, owner.get("/estate/estates").status);
  }

  @Test
  public void a05_thePlanCannotBeNarrowedUnderAnEnabledModule() throws Exception {
    Http.Reply narrowed =
        operator.put("/operator/tenants/" + TENANT + "/plan", map("modules", List.of("estate")));
    assertEquals(narrowed.toString(), 409, narrowed.status);
    assertEquals("module-enabled", narrowed.problemType());
    assertTrue(narrowed.json.path("detail").asText().contains("residents"));
    Http.Reply unknown =
        operator.put(
            "/operator/tenants/" + TENANT + "/plan", map("modules", List.of("estate", "nope")));
    assertEquals(unknown.toString(), 422, unknown.status);
    assertEquals("unknown-module", unknown.problemType());

    Http.Reply disabled = owner.delete("/tenant/modules/residents");
    assertEquals(disabled.toString(), 200, disabled.status);
    assertFalse(module(disabled.json, "residents").path("enabled").asBoolean());
    assertEquals(404, owner.get("/residents/persons").status);
    Http.Reply narrowedNow =
        operator.put(
            "/operator/tenants/" + TENANT + "/plan", map("modules", List.of("estate", "billing")));
    assertEquals(narrowedNow.toString(), 200, narrowedNow.status);
    assertEquals(List.of("billing", "estate"), strings(narrowedNow.json.path("plan")));
    assertEquals(403, owner.post("/tenant/modules/residents", map()).status);
    assertEquals(200, owner.post("/tenant/modules/billing", map()).status);
    assertEquals(200, owner.get("/billing/fee-items").status);

    Http.Reply open = operator.put("/operator/tenants/" + TENANT + "/plan", map("modules", null));
    assertEquals(open.toString(), 200, open.status);
    assertTrue(open.json.path("plan").isNull());
    assertTrue(module(owner.get("/tenant/modules").json, "residents").path("inPlan").asBoolean());
  }

  @Test
  public void a06_onlyHoldersOfTheModulePermissionSwitch() throws Exception {
    Http manager = owner.staff(TENANT, "plan.pm", "project_manager", "company");
    Http.Reply seen = manager.get("/tenant/modules");
    assertEquals(seen.toString(), 200, seen.status);
    Http.Reply refused = manager.post("/tenant/modules/residents", map());
    assertEquals(refused.toString(), 403, refused.status);
    assertEquals("permission-denied", refused.problemType());
    assertFalse(module(owner.get("/tenant/modules").json, "residents").path("enabled").asBoolean());
    Http admin = owner.staff(TENANT, "plan.admin", "administrator", "company");
    Http.Reply enabled = admin.post("/tenant/modules/residents", map());
    assertEquals(enabled.toString(), 200, enabled.status);
    assertTrue(module(enabled.json, "residents").path("enabled").asBoolean());
  }

  @Test
  public void a07_anOnboardingPlanMustCoverItsModules() throws Exception {
    Http.Reply refused =
        operator.post(
            "/operator/tenants",
            map(
                "slug",
                "plan_bad",
                "name",
                "Bad",
                "modules",
                List.of("estate"),
                "plan",
                List.of()));
    assertEquals(refused.toString(), 422, refused.status);
    assertEquals("module-not-in-plan", refused.problemType());
    assertEquals(404, operator.get("/operator/tenants/plan_bad").status);
  }

  private static JsonNode module(JsonNode list, String id) {
    for (JsonNode m : list) {
      if (id.equals(m.path("id").asText())) {
        return m;
      }
    }
    throw new AssertionError("no module " + id + " in " + list);
  }

  private static List<String> strings(JsonNode array) {
    String[] out = new String[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asText();
    }
    return Arrays.asList(out);
  }
}
