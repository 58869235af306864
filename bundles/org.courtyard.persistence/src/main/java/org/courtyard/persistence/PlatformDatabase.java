package org.courtyard.persistence;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/** The platform's own view of the database, for the registry, onboarding and migrations. */
@ProviderType
public interface PlatformDatabase {

  /** Schema of the registry: tenants, their modules, operators and credentials. */
  String PLATFORM_SCHEMA = "platform";

  /**
   * Schema every pooled connection falls back to: empty, so that code that forgot to pick a tenant
   * fails with "relation does not exist" instead of reading someone's data.
   */
  String GUARD_SCHEMA = "no_tenant";

  /** Connections bound to schema {@value #PLATFORM_SCHEMA}. */
  DataSource platform();

  /** Connections bound to the guard schema; for DDL that names its schemas explicitly. */
  DataSource admin();

  /**
   * Applies the Flyway migrations found in {@code bundle} under {@code location} to {@code schema},
   * recording them in the history table {@code flyway_history_<module>} of that schema.
   *
   * @return the number of migrations applied (0 when the schema was already up to date)
   */
  int migrate(String schema, String module, Bundle bundle, String location);

  /** The JDBC URL without credentials, for health output. */
  String describe();
}
