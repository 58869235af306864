package org.courtyard.api;

import java.util.Collection;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Storage for one tenant: every connection handed out here is bound to the tenant's own schema, so
 * a module never sees another tenant's rows. There is one EntityManagerFactory per (tenant, module)
 * over one shared connection pool.
 */
@ProviderType
public interface TenantPersistence {

  /**
   * Opens (or returns the already open) EntityManagerFactory of {@code module} for {@code tenant}.
   *
   * @param classLoader the module bundle's class loader, which sees the entity classes
   * @param entities the module's JPA entity classes
   */
  EntityManagerFactory entityManagerFactory(
      TenantSlug tenant, String module, ClassLoader classLoader, Collection<Class<?>> entities);

  /**
   * Closes the EntityManagerFactory of {@code module} for {@code tenant}, if open. Data is kept.
   */
  void close(TenantSlug tenant, String module);

  /** Connections whose schema is the tenant's; for bulk JDBC work beside JPA. */
  DataSource dataSource(TenantSlug tenant);
}
