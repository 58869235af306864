package org.courtyard.tenancy.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.persistence.PlatformDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Enabling and disabling a module for a tenant: the registry records it, the tenant's schema is
 * migrated and its instance started or stopped. A module is only enabled once the modules it
 * requires are, and only disabled once no enabled module requires it.
 */
final class ModuleEnablement {

  private static final Logger LOG = LoggerFactory.getLogger(ModuleEnablement.class);

  private static final Texts TEXTS = Texts.of(ModuleEnablement.class);

  private final PlatformDatabase db;
  private final Registry registry;
  private final Tenants tenants;
  private final ModuleCatalog catalog;
  private final ModuleInstances instances;

  ModuleEnablement(
      PlatformDatabase db,
      Registry registry,
      Tenants tenants,
      ModuleCatalog catalog,
      ModuleInstances instances) {
    this.db = db;
    this.registry = registry;
    this.tenants = tenants;
    this.catalog = catalog;
    this.instances = instances;
  }

  Tenant enable(String slug, String module) {
    TenantSlug s = TenantSlug.of(slug);
    synchronized (tenants.lock(s.value())) {
      tenants.require(s.value());
      enableLocked(s, module);
      return tenants.require(s.value());
    }
  }

  /** {@link #enable} for a caller that holds the tenant's lock. */
  void enableLocked(TenantSlug s, String module) {
    MDC.put("tenant", s.value());
    try {
      long start = System.nanoTime();
      Tenant tenant = tenants.require(s.value());
      if (!tenant.planAllows(module)) {
        throw notInPlan(s, module);
      }
      ModuleCatalog.Registered r = catalog.require(module);
      Set<String> enabled = new HashSet<>(tenant.modules);
      for (String required : r.descriptor.requires()) {
        if (!enabled.contains(required)) {
          throw ModuleOrder.missing(module, required);
        }
      }
      startInstance(s, module, r);
      registry.setEnabled(s.value(), module, r.bundle.getVersion().toString(), true);
      LOG.info(
          "Enabled module {} for {} in {} ms", module, s, (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("enabling " + module + " for " + s + " failed", e);
    } finally {
      MDC.remove("tenant");
    }
  }

  /**
   * Brings up the instance of a module the registry already records as enabled (after a restart),
   * for a caller that holds the tenant's lock.
   */
  void restoreLocked(TenantSlug s, String module) {
    startInstance(s, module, catalog.require(module));
  }

  private void startInstance(TenantSlug s, String module, ModuleCatalog.Registered r) {
    db.migrate(s.schema(), module, r.bundle, r.descriptor.migrationLocation());
    instances.start(s, r.descriptor);
  }

  static ProblemException notInPlan(TenantSlug s, String module) {
    return TEXTS.problem(403, "module-not-in-plan", "module.not-in-plan", s, module);
  }

  /**
   * Sets the tenant's plan: every module named must be one the container offers, and every module
   * the tenant has enabled must stay in it.
   */
  Tenant setPlan(String slug, List<String> modules) {
    TenantSlug s = TenantSlug.of(slug);
    List<String> plan = null;
    if (modules != null) {
      Set<String> offered = new HashSet<>();
      catalog.available().forEach(info -> offered.add(info.id));
      TreeSet<String> ids = new TreeSet<>();
      for (String m : modules) {
        if (m == null || !offered.contains(m)) {
          throw TEXTS.problem(422, "unknown-module", "module.not-offered", m);
        }
        ids.add(m);
      }
      plan = List.copyOf(ids);
    }
    synchronized (tenants.lock(s.value())) {
      Tenant t = tenants.require(s.value());
      if (plan != null) {
        List<String> left = new ArrayList<>(t.modules);
        left.removeAll(plan);
        if (!left.isEmpty()) {
          throw TEXTS.problem(409, "module-enabled", "module.left-out", String.join(", ", left), s);
        }
      }
      try {
        registry.setPlan(s.value(), plan);
      } catch (SQLException e) {
        throw new IllegalStateException("setting the plan of " + s + " failed", e);
      }
      LOG.info("Plan of {}: {}", s, plan == null ? "every module" : plan);
      return tenants.require(s.value());
    }
  }

  Tenant disable(String slug, String module) {
    TenantSlug s = TenantSlug.of(slug);
    synchronized (tenants.lock(s.value())) {
      Tenant t = tenants.require(s.value());
      if (!t.modules.contains(module)) {
        throw TEXTS.problem(409, "module-not-enabled", "module.not-enabled", module, s);
      }
      for (String other : t.modules) {
        ModuleCatalog.Registered r = catalog.installed(other);
        if (r != null && r.descriptor.requires().contains(module)) {
          throw new ProblemException(
              409,
              "module-required",
              TEXTS.title("module-still-required"),
              TEXTS.text("module.still-required", other, module),
              Map.of());
        }
      }
      instances.stop(s, module);
      try {
        registry.setEnabled(s.value(), module, null, false);
      } catch (SQLException e) {
        throw new IllegalStateException("disabling " + module + " for " + s + " failed", e);
      }
      LOG.info("Disabled module {} for {} (data kept in {})", module, s, s.schema());
      return tenants.require(s.value());
    }
  }
}
