package org.courtyard.tenancy.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a (re)start, brings every module instance the registry says is enabled back up, and removes
 * instance configurations the registry does not know (for example of an offboarded tenant). The
 * registry is the source of truth; ConfigAdmin state cannot be relied on across a rebuild.
 */
final class Reconciliation {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

  private final Registry registry;
  private final ConfigurationAdmin configAdmin;
  private final Tenants tenants;
  private final ModuleEnablement enablement;

  /** Restores enablement after a restart without holding up component activation. */
  private final Workers.Lane reconciler;

  private volatile boolean stopped;

  Reconciliation(
      Registry registry,
      ConfigurationAdmin configAdmin,
      Tenants tenants,
      ModuleEnablement enablement,
      Workers workers) {
    this.reconciler = workers.lane("tenancy-reconcile", 1, 1);
    this.registry = registry;
    this.configAdmin = configAdmin;
    this.tenants = tenants;
    this.enablement = enablement;
  }

  /** Reconciles in the background; returns at once. */
  void start() {
    reconciler.execute(this::reconcile);
  }

  /** Stops between tenants and waits a little for the tenant being restored. */
  void stop() {
    stopped = true;
    try {
      if (!reconciler.close(Duration.ofSeconds(10))) {
        LOG.warn("Reconciling module instances is still running 10 s after the stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reconcile() {
    try {
      Map<String, List<String>> enabled = registry.enabledModules();
      Configuration[] configs =
          configAdmin.listConfigurations(
              "(service.factoryPid=" + CourtyardConstants.MODULE_FACTORY_PID_PREFIX + "*)");
      if (configs != null) {
        for (Configuration c : configs) {
          Object tenant =
              c.getProperties() == null ? null : c.getProperties().get(CourtyardConstants.TENANT);
          String module =
              c.getFactoryPid().substring(CourtyardConstants.MODULE_FACTORY_PID_PREFIX.length());
          if (tenant == null
              || !enabled.getOrDefault(tenant.toString(), List.of()).contains(module)) {
            LOG.info("Removing stale instance configuration {}", c.getPid());
            c.delete();
          }
        }
      }
      int restored = 0;
      for (Map.Entry<String, List<String>> e : enabled.entrySet()) {
        if (stopped) {
          LOG.info("Reconciling stopped with the platform after {} instances", restored);
          return;
        }
        TenantSlug s = TenantSlug.of(e.getKey());
        synchronized (tenants.lock(s.value())) {
          for (String module : e.getValue()) {
            try {
              enablement.restoreLocked(s, module);
              restored++;
            } catch (RuntimeException ex) {
              LOG.error("Could not restore module {} for tenant {}", module, s, ex);
            }
          }
        }
      }
      LOG.info("Reconciled {} tenant module instances", restored);
    } catch (SQLException | IOException | InvalidSyntaxException | RuntimeException e) {
      LOG.error("Reconciling module instances failed", e);
    }
  }
}
