package org.courtyard.api.jdbc;

import java.sql.PreparedStatement;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ConsumerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of the per-tenant component of a module that stores with plain JDBC (no JPA entities:
 * bulk writes from devices, keyset lists with lateral joins). The same shape as {@code
 * org.courtyard.api.jpa.JpaTenantModule}: its constructor probes the tenant's tables once, so a
 * schema that is not there fails the enable and not the first request or device message; the
 * subclass, the DS component, builds its services over {@link #jdbc()} and keeps no SQL and no
 * rules of its own. There is nothing to close: the connections are the shared pool's.
 */
@ConsumerType
public abstract class JdbcTenantModule implements TenantModule {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcTenantModule.class);

  private final TenantSlug tenant;
  private final String moduleId;
  private final Jdbc jdbc;

  /**
   * @param probe a query that reads one of the module's tables, e.g. {@code SELECT 1 FROM alarm
   *     LIMIT 0}
   * @throws RuntimeException when the tenant's tables do not answer
   */
  protected JdbcTenantModule(
      String tenant, String moduleId, TenantPersistence persistence, String probe) {
    this.tenant = TenantSlug.of(tenant);
    this.moduleId = moduleId;
    this.jdbc = new Jdbc(persistence.dataSource(this.tenant));
    jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(probe)) {
            ps.executeQuery().close();
          }
          return null;
        });
    LOG.info("Module {} ready for tenant {}", moduleId, this.tenant);
  }

  /** Transactions and reads on the tenant's schema; for the module's services. */
  public final Jdbc jdbc() {
    return jdbc;
  }

  @Override
  public final TenantSlug tenant() {
    return tenant;
  }

  @Override
  public final String moduleId() {
    return moduleId;
  }
}
