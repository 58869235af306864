package org.courtyard.admin.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The company's modules as {@code /tenant/modules} serves them: the platform's five modules with
 * their real requirements, every company starting with all of them enabled and a plan allowing
 * every module. Tests narrow the plan or switch modules off with {@link #plan} and {@link
 * #enabled}; {@code GET /tenant} then lists the company's modules accordingly.
 */
public final class FakeCompanyModulesArea implements FakeArea {

  static final String MANAGE = "identity.module.manage";

  /** id → requires, as the platform's modules declare them. */
  static final Map<String, List<String>> MODULES = new LinkedHashMap<>();

  static {
    MODULES.put("billing", List.of("estate"));
    MODULES.put("devices", List.of("estate"));
    MODULES.put("estate", List.of());
    MODULES.put("parking", List.of("estate"));
    MODULES.put("residents", List.of("estate"));
    MODULES.put("security", List.of("devices"));
    MODULES.put("workorders", List.of("estate"));
  }

  private static final Map<String, String> TITLES =
      Map.of(
          "billing", "Fees and billing",
          "devices", "Devices",
          "estate", "Estate base data",
          "parking", "Parking",
          "residents", "Residents and owners",
          "security", "Security",
          "workorders", "Repairs and complaints");

  private static final class State {
    final Set<String> enabled = new TreeSet<>(MODULES.keySet());
    Set<String> plan;
  }

  private final Map<String, State> companies = new ConcurrentHashMap<>();

  @Override
  public String module() {
    return "tenant";
  }

  @Override
  public List<String> permissions() {
    return List.of(MANAGE);
  }

  @Override
  public void started(FakeTenantApi fake) {
    fake.companyModules(this::companyModules);
  }

  /** Sets the company's plan; null allows every module. */
  public void plan(String company, Collection<String> modules) {
    State s = state(company);
    synchronized (s) {
      s.plan = modules == null ? null : new TreeSet<>(modules);
    }
  }

  /** Sets the company's enabled modules (test set-up, no requirement checks). */
  public void enabled(String company, Collection<String> modules) {
    State s = state(company);
    synchronized (s) {
      s.enabled.clear();
      s.enabled.addAll(modules);
    }
  }

  private State state(String company) {
    return companies.computeIfAbsent(company, k -> new State());
  }

  private Collection<String> companyModules(String company, Set<String> areaModules) {
    State s = state(company);
    Set<String> out = new LinkedHashSet<>();
    synchronized (s) {
      for (String m : areaModules) {
        if (!MODULES.containsKey(m) || s.enabled.contains(m)) {
          out.add(m);
        }
      }
      out.addAll(s.enabled);
    }
    return out;
  }

  @Override
  public FakeResponse handle(FakeRequest request) {
    State s = state(request.caller().tenant());
    if (request.is("GET", "modules")) {
      request.require("identity.tenant.read");
      return FakeResponse.json(list(s));
    }
    if (request.is("POST", "modules/[^/]+") || request.is("DELETE", "modules/[^/]+")) {
      request.require(MANAGE);
      String id = request.path().substring("modules/".length());
      synchronized (s) {
        if (request.method().equals("POST")) {
          enable(s, id);
        } else {
          disable(s, id);
        }
        return FakeResponse.json(list(s));
      }
    }
    return null;
  }

  private static void enable(State s, String id) {
    if (s.enabled.contains(id)) {
      return;
    }
    if (!MODULES.containsKey(id)) {
      throw new FakeProblem(
          404, "module-not-found", "Unknown module", "There is no module '" + id + "'.");
    }
    if (s.plan != null && !s.plan.contains(id)) {
      throw new FakeProblem(
          403,
          "module-not-in-plan",
          "Module not in the plan",
          "The plan does not include module '"
              + id
              + "'. The platform operator can add it to the plan.");
    }
    for (String r : MODULES.get(id)) {
      if (!s.enabled.contains(r)) {
        throw new FakeProblem(
            409,
            "module-requires",
            "Required module not enabled",
            "Module '" + id + "' requires module '" + r + "', which is not enabled.");
      }
    }
    s.enabled.add(id);
  }

  private static void disable(State s, String id) {
    if (!s.enabled.contains(id)) {
      throw new FakeProblem(
          409, "module-not-enabled", "Module not enabled", "Module '" + id + "' is not enabled.");
    }
    for (String other : s.enabled) {
      if (MODULES.get(other).contains(id)) {
        throw new FakeProblem(
            409,
            "module-required",
            "Module still required",
            "Module '" + other + "' requires '" + id + "'. Disable '" + other + "' first.");
      }
    }
    s.enabled.remove(id);
  }

  private static List<Map<String, Object>> list(State s) {
    List<Map<String, Object>> out = new ArrayList<>();
    synchronized (s) {
      for (Map.Entry<String, List<String>> e : MODULES.entrySet()) {
        String id = e.getKey();
        List<String> requiredBy = new ArrayList<>();
        for (String other : s.enabled) {
          if (MODULES.get(other).contains(id)) {
            requiredBy.add(other);
          }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", TITLES.get(id));
        m.put("description", TITLES.get(id));
        m.put("version", "0.1.0.SNAPSHOT");
        m.put("requires", e.getValue());
        m.put("requiredBy", requiredBy);
        m.put("enabled", s.enabled.contains(id));
        m.put("inPlan", s.plan == null || s.plan.contains(id));
        out.add(m);
      }
    }
    return out;
  }
}
