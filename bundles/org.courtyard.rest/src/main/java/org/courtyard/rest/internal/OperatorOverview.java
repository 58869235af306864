package org.courtyard.rest.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.HealthCheck;
import org.courtyard.api.MinuteCounter;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.Texts;
import org.courtyard.api.TrafficSource;
import org.courtyard.api.Workers;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator console shows: the health of the container and of every registered {@link
 * HealthCheck}, each tenant's figures from its modules' {@link TenantStatistics}, and traffic per
 * minute (REST requests counted here, plus every {@link TrafficSource}).
 */
final class OperatorOverview {

  private static final Texts TEXTS = Texts.of(OperatorOverview.class);

  private static final Logger LOG = LoggerFactory.getLogger(OperatorOverview.class);
  private static final long CHECK_TIMEOUT_MS = 3_000;

  private final BundleContext context;
  private final TenantService tenants;
  private final String version;
  private final Supplier<List<String>> moduleApis;
  private final long started = System.currentTimeMillis();
  private final MinuteCounter requests = new MinuteCounter();
  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
  private final List<TrafficSource> traffic = new CopyOnWriteArrayList<>();
  private final Workers workers;

  /**
   * One lane per check on the shared workers: a check that hangs holds at most two threads and
   * delays no other check; requests polling at once queue briefly behind a check that answers in
   * milliseconds, and once 16 wait behind one that hangs, later requests say so at once instead of
   * piling up.
   */
  private final Map<String, Workers.Lane> checkLanes = new ConcurrentHashMap<>();

  OperatorOverview(
      BundleContext context,
      TenantService tenants,
      String version,
      Supplier<List<String>> moduleApis,
      Workers workers) {
    this.workers = workers;
    this.context = context;
    this.tenants = tenants;
    this.version = version;
    this.moduleApis = moduleApis;
  }

  void close() {
    for (Workers.Lane lane : checkLanes.values()) {
      try {
        lane.close(Duration.ZERO);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Counts REST requests served, for the traffic chart. */
  MinuteCounter requests() {
    return requests;
  }

  void add(HealthCheck check) {
    checks.add(check);
  }

  void remove(HealthCheck check) {
    checks.remove(check);
  }

  void add(TrafficSource source) {
    traffic.add(source);
  }

  void remove(TrafficSource source) {
    traffic.remove(source);
  }

  Map<String, Object> health() {
    Map<String, Object> components = new LinkedHashMap<>();
    components.put("container", container());
    List<HealthCheck> present = new ArrayList<>(checks);
    present.sort(Comparator.comparing(HealthCheck::component));
    List<CompletableFuture<Map<String, Object>>> running = new ArrayList<>();
    for (HealthCheck check : present) {
      CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
      Workers.Lane lane =
          checkLanes.computeIfAbsent(
              check.component(), c -> workers.lane("health-check-" + c, 2, 16));
      if (!lane.offer(() -> result.complete(timed(check)))) {
        result.complete(
            component("down", "its check from an earlier request has not answered yet", null));
      }
      running.add(result);
    }
    for (int i = 0; i < present.size(); i++) {
      components.put(present.get(i).component(), await(present.get(i), running.get(i)));
    }
    components.putIfAbsent(
        "broker", component("absent", "no MQTT broker: the devices module is not installed", null));
    boolean allUp =
        components.values().stream()
            .allMatch(c -> "up".equals(((Map<?, ?>) c).get("status")) || isAbsent(c));
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", allUp ? "up" : "degraded");
    h.put("version", version);
    h.put("uptimeSeconds", (System.currentTimeMillis() - started) / 1000);
    h.put("tenants", tenants.list().size());
    h.put("moduleApis", moduleApis.get());
    h.put("java", System.getProperty("java.version"));
    h.put(
        "heapUsedMb",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
    h.put("components", components);
    return h;
  }

  private static boolean isAbsent(Object component) {
    return "absent".equals(((Map<?, ?>) component).get("status"));
  }

  private static Map<String, Object> timed(HealthCheck check) {
    long start = System.nanoTime();
    HealthCheck.Result r;
    try {
      r = check.check();
    } catch (RuntimeException e) {
      r = HealthCheck.Result.down("the check failed: " + e);
    }
    return component(r.status(), r.detail(), (System.nanoTime() - start) / 1_000_000);
  }

  private static Map<String, Object> await(
      HealthCheck check, CompletableFuture<Map<String, Object>> result) {
    try {
      return result.get(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      return component("down", "no answer within " + CHECK_TIMEOUT_MS + " ms", CHECK_TIMEOUT_MS);
    } catch (ExecutionException e) {
      return component("down", "the check failed: " + e.getCause(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return component("down", "interrupted", null);
    }
  }

  private static Map<String, Object> component(String status, String detail, Long latencyMs) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("status", status);
    c.put("detail", detail);
    c.put("latencyMs", latencyMs);
    return c;
  }

  /** Up unless a bundle failed to resolve; bundles resolved but not started are named. */
  private Map<String, Object> container() {
    long start = System.nanoTime();
    int total = 0;
    int active = 0;
    List<String> unresolved = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      total++;
      boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
      if (b.getState() == Bundle.ACTIVE || (fragment && b.getState() == Bundle.RESOLVED)) {
        active++;
      } else if (b.getState() == Bundle.INSTALLED) {
        unresolved.add(b.getSymbolicName());
      } else if (b.getState() == Bundle.RESOLVED) {
        stopped.add(b.getSymbolicName());
      }
    }
    StringBuilder detail =
        new StringBuilder("Karaf ")
            .append(System.getProperty("karaf.version", "?"))
            .append(", ")
            .append(active)
            .append(" of ")
            .append(total)
            .append(" bundles active");
    if (!unresolved.isEmpty()) {
      detail.append("; unresolved: ").append(String.join(", ", first(unresolved)));
    }
    if (!stopped.isEmpty()) {
      detail.append("; stopped: ").append(String.join(", ", first(stopped)));
    }
    return component(
        unresolved.isEmpty() ? "up" : "down",
        detail.toString(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private static List<String> first(List<String> names) {
    return names.size() <= 5 ? names : names.subList(0, 5);
  }

  /**
   * One row per tenant with the figures its enabled modules report. Every row has every key any row
   * has, null where the tenant lacks the module, so a table of them has no holes.
   */
  List<Map<String, Object>> statistics() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Tenant t : tenants.list()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("tenant", t.slug);
      row.put("status", t.status);
      row.putAll(figures(t.slug));
      keys.addAll(row.keySet());
      rows.add(row);
    }
    List<Map<String, Object>> complete = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Map<String, Object> full = new LinkedHashMap<>();
      keys.forEach(k -> full.put(k, row.get(k)));
      complete.add(full);
    }
    return complete;
  }

  private Map<String, Object> figures(String slug) {
    Map<String, Object> figures = new java.util.TreeMap<>();
    List<ServiceReference<TenantModule>> refs;
    try {
      // the slug comes from the registry: a validated identifier, safe inside an LDAP filter
      refs =
          new ArrayList<>(
              context.getServiceReferences(
                  TenantModule.class, "(" + CourtyardConstants.TENANT + "=" + slug + ")"));
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
    for (ServiceReference<TenantModule> ref : refs) {
      TenantModule instance = context.getService(ref);
      if (instance == null) {
        continue;
      }
      try {
        if (instance instanceof TenantStatistics) {
          figures.putAll(((TenantStatistics) instance).statistics());
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "Module {} reported no figures for {}: {}", instance.moduleId(), slug, e.toString());
      } finally {
        context.ungetService(ref);
      }
    }
    return figures;
  }

  /** Counts per minute of REST requests and of every traffic source, oldest minute first. */
  Map<String, Object> traffic(int minutes) {
    if (minutes < 1 || minutes > MinuteCounter.MAX_MINUTES) {
      throw TEXTS.problem(400, "invalid-minutes", "overview.minutes", MinuteCounter.MAX_MINUTES);
    }
    long now = System.currentTimeMillis() / 60_000;
    List<String> labels = new ArrayList<>(minutes);
    for (int k = 0; k < minutes; k++) {
      labels.add(Instant.ofEpochSecond((now - (minutes - 1 - k)) * 60).toString());
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("stepSeconds", 60);
    t.put("minutes", labels);
    t.put("api", requests.perMinute(minutes));
    for (TrafficSource source : traffic) {
      t.put(source.name(), source.perMinute(minutes));
    }
    return t;
  }
}
