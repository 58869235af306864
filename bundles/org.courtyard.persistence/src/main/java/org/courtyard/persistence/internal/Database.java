package org.courtyard.persistence.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.persistence.PlatformDatabase;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database as the rest of the platform sees it: one HikariCP pool whose connections default to
 * an empty guard schema, DataSources bound to one schema each, one EclipseLink EntityManagerFactory
 * per (tenant, module) and Flyway migrations per (schema, module).
 */
@Component(
    service = {PlatformDatabase.class, TenantPersistence.class},
    configurationPid = "org.courtyard.db",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DatabaseConfig.class)
public final class Database implements PlatformDatabase, TenantPersistence {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final PGSimpleDataSource direct;
  private final DataSource platform;
  private final DataSource admin;
  private final String description;
  private final URL unitRoot;
  private final Map<String, EntityManagerFactory> factories = new ConcurrentHashMap<>();
  private final Map<TenantSlug, DataSource> tenantSources = new ConcurrentHashMap<>();

  @Activate
  public Database(DatabaseConfig config, BundleContext context) throws SQLException {
    this.description = redact(config.url());
    this.direct = new PGSimpleDataSource();
    direct.setUrl(config.url());
    direct.setUser(config.user());
    if (!config.password().isEmpty()) {
      direct.setPassword(config.password());
    }
    direct.setApplicationName("courtyard");
    // JDBC batches (EclipseLink batch writing, billing runs, imports) go out as multi-row INSERTs
    direct.setReWriteBatchedInserts(true);
    prepareSchemas(direct);

    HikariConfig hc = new HikariConfig();
    hc.setPoolName("courtyard");
    hc.setDataSource(pooled(config));
    hc.setSchema(GUARD_SCHEMA);
    hc.setMaximumPoolSize(config.maxPoolSize());
    hc.setMinimumIdle(Math.min(config.minIdle(), config.maxPoolSize()));
    hc.setConnectionTimeout(config.connectionTimeoutMs());
    hc.setAutoCommit(true);
    this.pool = new HikariDataSource(hc);
    this.platform = new SchemaBoundDataSource(pool, PLATFORM_SCHEMA);
    this.admin = pool;

    File root = context.getDataFile("persistence-unit-root");
    if (root == null) {
      root = new File(System.getProperty("java.io.tmpdir"), "courtyard-persistence-unit-root");
    }
    if (!root.isDirectory() && !root.mkdirs()) {
      throw new IllegalStateException("cannot create " + root);
    }
    try {
      this.unitRoot = root.toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    LOG.info(
        "Database ready at {} (pool of {}, statement timeout {} ms)",
        description,
        config.maxPoolSize(),
        config.statementTimeoutMs());
  }

  /**
   * The pool's connections: like {@link #direct}, plus a statement timeout set once per physical
   * connection through the startup options, so that one tenant's runaway query cannot hold a
   * connection (and the locks it took) for long, at no cost per request. Flyway keeps {@code
   * direct}, without it: a migration may rewrite a large table.
   */
  private static PGSimpleDataSource pooled(DatabaseConfig config) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(config.url());
    ds.setUser(config.user());
    if (!config.password().isEmpty()) {
      ds.setPassword(config.password());
    }
    ds.setApplicationName("courtyard");
    ds.setReWriteBatchedInserts(true);
    long timeout = Math.max(0, config.statementTimeoutMs());
    String options = ds.getOptions();
    ds.setOptions(
        (options == null || options.isBlank() ? "" : options + " ")
            + "-c statement_timeout="
            + timeout);
    return ds;
  }

  private static void prepareSchemas(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      // IF NOT EXISTS is not race-free across two starting containers; both schemas are idempotent.
      s.execute("CREATE SCHEMA IF NOT EXISTS " + GUARD_SCHEMA);
      s.execute("CREATE SCHEMA IF NOT EXISTS " + PLATFORM_SCHEMA);
    }
  }

  @Deactivate
  void deactivate() {
    factories.values().forEach(Database::closeQuietly);
    factories.clear();
    pool.close();
  }

  @Override
  public DataSource platform() {
    return platform;
  }

  @Override
  public DataSource admin() {
    return admin;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public int migrate(String schema, String module, Bundle bundle, String location) {
    long start = System.nanoTime();
    // A connection of its own, outside the pool: Flyway changes search_path behind the pool's back.
    MigrateResult result =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(direct)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(false)
            .table("flyway_history_" + module)
            .resourceProvider(new BundleMigrations(bundle, location))
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .cleanDisabled(true)
            .load()
            .migrate();
    LOG.debug(
        "Migrated {} for module {}: {} migrations in {} ms",
        schema,
        module,
        result.migrationsExecuted,
        (System.nanoTime() - start) / 1_000_000);
    return result.migrationsExecuted;
  }

  @Override
  public DataSource dataSource(TenantSlug tenant) {
    return tenantSources.computeIfAbsent(tenant, t -> new SchemaBoundDataSource(pool, t.schema()));
  }

  @Override
  public EntityManagerFactory entityManagerFactory(
      TenantSlug tenant, String module, ClassLoader classLoader, Collection<Class<?>> entities) {
    String unit = module + "@" + tenant.value();
    return factories.computeIfAbsent(
        unit, u -> create(u, dataSource(tenant), classLoader, entities));
  }

  private EntityManagerFactory create(
      String unit, DataSource ds, ClassLoader classLoader, Collection<Class<?>> entities) {
    Map<String, Object> props = new HashMap<>();
    props.put("eclipselink.session-name", unit);
    props.put("eclipselink.weaving", "false");
    props.put("eclipselink.target-database", "PostgreSQL");
    props.put("eclipselink.ddl-generation", "none");
    props.put("eclipselink.deploy-on-startup", "true");
    props.put("eclipselink.jdbc.batch-writing", "JDBC");
    props.put("eclipselink.jdbc.batch-writing.size", "500");
    props.put("eclipselink.logging.logger", "JavaLogger");
    props.put("eclipselink.logging.level", "WARNING");
    props.put("eclipselink.cache.shared.default", "true");
    props.put("eclipselink.classloader", classLoader);
    ModulePersistenceUnit info =
        new ModulePersistenceUnit(unit, classLoader, entities, ds, unitRoot);
    long start = System.nanoTime();
    EntityManagerFactory emf =
        new PersistenceProvider().createContainerEntityManagerFactory(info, props);
    LOG.debug(
        "EntityManagerFactory {} ready in {} ms", unit, (System.nanoTime() - start) / 1_000_000);
    return emf;
  }

  @Override
  public void close(TenantSlug tenant, String module) {
    EntityManagerFactory emf = factories.remove(module + "@" + tenant.value());
    if (emf != null) {
      closeQuietly(emf);
    }
  }

  private static void closeQuietly(EntityManagerFactory emf) {
    try {
      if (emf.isOpen()) {
        emf.close();
      }
    } catch (RuntimeException e) {
      LOG.warn("Closing an EntityManagerFactory failed", e);
    }
  }

  /** Drops everything after '?' (where passwords may be) and any user-info part. */
  static String redact(String url) {
    String noQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    return noQuery.replaceAll("//[^/@]*@", "//");
  }
}
