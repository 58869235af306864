package org.courtyard.identity.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.persistence.PlatformDatabase;
import org.osgi.framework.Bundle;

/**
 * The identity tables of each tenant, in the tenant's schema. Every tenant has them, whatever
 * modules it enabled: they are migrated the first time the tenant is served after a start (or after
 * its onboarding), once per node, and forgotten when the tenant is offboarded.
 */
final class TenantStores {

  static final String MODULE = "identity";

  private final PlatformDatabase db;
  private final TenantPersistence persistence;
  private final Bundle bundle;
  private final Map<TenantSlug, Jdbc> ready = new ConcurrentHashMap<>();

  TenantStores(PlatformDatabase db, TenantPersistence persistence, Bundle bundle) {
    this.db = db;
    this.persistence = persistence;
    this.bundle = bundle;
  }

  /** The tenant's identity tables, migrated to this bundle's version. */
  Jdbc of(TenantSlug tenant) {
    Jdbc jdbc = ready.get(tenant);
    if (jdbc != null) {
      return jdbc;
    }
    return ready.computeIfAbsent(
        tenant,
        t -> {
          db.migrate(t.schema(), MODULE, bundle, "db/" + MODULE);
          return new Jdbc(persistence.dataSource(t));
        });
  }

  void forget(TenantSlug tenant) {
    ready.remove(tenant);
  }
}
