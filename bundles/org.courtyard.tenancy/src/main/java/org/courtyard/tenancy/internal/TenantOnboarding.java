package org.courtyard.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.courtyard.api.OnboardingListener;
import org.courtyard.api.OnboardingResult;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboarding and offboarding a tenant: its registry row, schema and first token in one transaction,
 * then its modules in dependency order; either all of it happens or nothing is left behind. {@link
 * OnboardingListener}s add their rows in the same transaction and clean up on offboarding.
 */
final class TenantOnboarding {

  private static final Logger LOG = LoggerFactory.getLogger(TenantOnboarding.class);

  private static final Texts TEXTS = Texts.of(TenantOnboarding.class);

  /** Drops of a schema a write still held, before offboarding gives up. */
  private static final int DROP_ATTEMPTS = 5;

  private final DataSource platform;
  private final Tenants tenants;
  private final TenantTokens tokens;
  private final Credentials credentials;
  private final ModuleCatalog catalog;
  private final ModuleEnablement enablement;
  private final ModuleInstances instances;
  private final List<OnboardingListener> listeners = new CopyOnWriteArrayList<>();

  TenantOnboarding(
      DataSource platform,
      Tenants tenants,
      TenantTokens tokens,
      Credentials credentials,
      ModuleCatalog catalog,
      ModuleEnablement enablement,
      ModuleInstances instances) {
    this.platform = platform;
    this.tenants = tenants;
    this.tokens = tokens;
    this.credentials = credentials;
    this.catalog = catalog;
    this.enablement = enablement;
    this.instances = instances;
  }

  void addListener(OnboardingListener l) {
    listeners.add(l);
  }

  void removeListener(OnboardingListener l) {
    listeners.remove(l);
  }

  OnboardingResult onboard(String slug, String name, List<String> modules) {
    TenantSlug s = TenantSlug.of(slug);
    String displayName = validName(name);
    List<String> requested = modules == null ? List.of() : modules;
    // Check the requested modules before anything is written: unknown ids and missing requirements.
    Map<String, List<String>> requires = new HashMap<>();
    for (String m : requested) {
      requires.put(m, catalog.require(m).descriptor.requires());
    }
    List<String> order = ModuleOrder.resolve(requested, requires, Set.of());

    long start = System.nanoTime();
    TenantTokens.NewToken token = tokens.newToken();
    synchronized (tenants.lock(s.value())) {
      try {
        inTransaction(c -> createTenantRows(c, s, displayName, token));
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState())) {
          throw TEXTS.problem(409, "tenant-exists", "tenant.exists", s);
        }
        throw new IllegalStateException("onboarding " + s + " failed", e);
      }
      try {
        for (String m : order) {
          enablement.enableLocked(s, m);
        }
      } catch (RuntimeException e) {
        LOG.warn("Onboarding {} failed while enabling modules; removing it again", s);
        offboardLocked(s);
        throw e;
      }
    }
    LOG.info("Onboarded tenant {} in {} ms", s, (System.nanoTime() - start) / 1_000_000);
    return new OnboardingResult(tenants.require(s.value()), token.toString());
  }

  private void createTenantRows(
      Connection c, TenantSlug s, String name, TenantTokens.NewToken token) throws SQLException {
    try (var ps = c.prepareStatement("insert into tenant (slug, name) values (?, ?)")) {
      ps.setString(1, s.value());
      ps.setString(2, name);
      ps.executeUpdate();
    }
    try (Statement st = c.createStatement()) {
      // The slug matched ^[a-z][a-z0-9_]{2,39}$ in TenantSlug.of: safe as an identifier.
      st.execute("create schema " + s.schema());
    }
    for (OnboardingListener l : listeners) {
      l.tenantCreated(s, c);
    }
    token.insert(c, s.value());
  }

  private static String validName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200 || n.chars().anyMatch(Character::isISOControl)) {
      throw TEXTS.problem(400, "invalid-tenant-name", "tenant.invalid-name");
    }
    return n;
  }

  void offboard(String slug) {
    TenantSlug s = TenantSlug.of(slug);
    synchronized (tenants.lock(s.value())) {
      tenants.require(s.value());
      offboardLocked(s);
    }
  }

  private void offboardLocked(TenantSlug s) {
    for (String module : catalog.installedIds()) {
      instances.stop(s, module);
    }
    dropTenant(s);
    credentials.forgetTenant(s.value());
    for (OnboardingListener l : listeners) {
      try {
        l.tenantRemoved(s);
      } catch (RuntimeException e) {
        LOG.warn("Offboarding {}: {} could not clean up", s, l.getClass().getName(), e);
      }
    }
    LOG.info("Offboarded tenant {}", s);
  }

  /**
   * Drops the schema and the registry row. A write its stopped modules had already begun (a device
   * batch being stored) can still hold the schema's tables: PostgreSQL then ends the drop as a
   * deadlock, and since no new write starts once the instances are gone, dropping again succeeds.
   */
  private void dropTenant(TenantSlug s) {
    for (int attempt = 1; ; attempt++) {
      try {
        inTransaction(
            c -> {
              try (Statement st = c.createStatement();
                  var ps = c.prepareStatement("delete from tenant where slug = ?")) {
                st.execute("drop schema if exists " + s.schema() + " cascade");
                ps.setString(1, s.value());
                ps.executeUpdate();
              }
            });
        return;
      } catch (SQLException e) {
        String state = TransientFailures.sqlState(e);
        if (attempt >= DROP_ATTEMPTS || !("40P01".equals(state) || "55P03".equals(state))) {
          throw new IllegalStateException("offboarding " + s + " failed", e);
        }
        LOG.info("Offboarding {}: its schema was still in use ({}); dropping it again", s, state);
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("offboarding " + s + " interrupted", e);
        }
      }
    }
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  /** Runs {@code work} on a platform connection in one transaction: committed, or rolled back. */
  private void inTransaction(Work work) throws SQLException {
    try (Connection c = platform.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        // the operator's audit row goes in with the onboarding or offboarding it records
        Optional<RequestAudit> audit = RequestAudit.writePending(c);
        c.commit();
        audit.ifPresent(RequestAudit::committed);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
