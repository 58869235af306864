package org.courtyard.devices.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.courtyard.api.Texts;
import org.courtyard.api.Workers;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.devices.platform.DeviceSecrets;
import org.courtyard.persistence.PlatformDatabase;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver plugins operators upload: a jar is installed only if its SHA-256 was approved first, then
 * started, and its {@code DeviceDriver} services join the {@link DriverRuntime}. Uploading a newer
 * version of the same bundle updates it in place while devices keep publishing: the gateway holds
 * their messages for the moment the driver is away. Jars are kept in schema {@code platform}, and
 * the framework is brought back in line with them at every start.
 */
@Component(service = DriverPackages.class, immediate = true)
public final class DriverPackages {

  static final String LOCATION_PREFIX = "courtyard-driver:";
  static final int MAX_JAR_BYTES = 20 * 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
  private static final Logger LOG = LoggerFactory.getLogger(DriverPackages.class);

  private static final Texts TEXTS = Texts.of(DriverPackages.class);

  /** An uploaded jar and what became of it. */
  record PackageView(
      String sha256,
      String symbolicName,
      String version,
      int size,
      String state,
      Long bundleId,
      String bundleState,
      List<String> drivers,
      Instant uploadedAt,
      Instant replacedAt) {}

  record Approval(String sha256, String note, Instant approvedAt, boolean used) {}

  private final BundleContext context;
  private final Jdbc platform;
  private final DriverRuntime drivers;
  private final Clock clock = Clock.systemUTC();

  /** Reinstalls the stored packages after a start, off the activation, on the shared workers. */
  private final Workers.Lane reconciler;

  @Activate
  public DriverPackages(
      BundleContext context,
      @Reference PlatformDatabase database,
      @Reference DriverRuntime drivers,
      @Reference Workers workers) {
    this.reconciler = workers.lane("driver-packages", 1, 1);
    this.context = context;
    this.drivers = drivers;
    database.migrate(
        PlatformDatabase.PLATFORM_SCHEMA, "devices", context.getBundle(), "db/platform-devices");
    this.platform = new Jdbc(database.platform());
    // not inside activation: installing bundles from here would re-enter the framework
    reconciler.execute(this::reconcile);
  }

  @Deactivate
  void deactivate() {
    try {
      if (!reconciler.close(Duration.ofSeconds(10))) {
        LOG.warn("Reinstalling driver packages is still running 10 s after the stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --------------------------------------------------------------------------- approvals

  synchronized Approval approve(String sha256, String note) {
    String sha = sha256 == null ? "" : sha256.strip().toLowerCase(java.util.Locale.ROOT);
    if (!SHA256.matcher(sha).matches()) {
      throw TEXTS.problem(400, "invalid-sha256", "approval.sha256");
    }
    String text = note == null || note.isBlank() ? "approved by the operator" : note.strip();
    if (text.length() > 200) {
      throw TEXTS.problem(400, "invalid-note", "approval.note");
    }
    Instant now = clock.instant();
    boolean inserted =
        platform.transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO driver_approval (sha256, note, approved_at) VALUES (?, ?, ?)"
                          + " ON CONFLICT (sha256) DO NOTHING")) {
                ps.setString(1, sha);
                ps.setString(2, text);
                ps.setTimestamp(3, Timestamp.from(now));
                return ps.executeUpdate() == 1;
              }
            });
    if (!inserted) {
      throw TEXTS.problem(409, "already-approved", "approval.already", sha);
    }
    LOG.info("Driver jar SHA-256 {} approved ({})", sha, text);
    return new Approval(sha, text, now, false);
  }

  List<Approval> approvals() {
    return platform.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.sha256, a.note, a.approved_at, p.sha256 IS NOT NULL"
                      + " FROM driver_approval a LEFT JOIN driver_package p USING (sha256)"
                      + " ORDER BY a.approved_at, a.sha256")) {
            List<Approval> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Approval(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4)));
              }
            }
            return out;
          }
        });
  }

  synchronized void withdrawApproval(String sha256) {
    int n =
        platform.transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "DELETE FROM driver_approval a WHERE a.sha256 = ? AND NOT EXISTS"
                          + " (SELECT 1 FROM driver_package p WHERE p.sha256 = a.sha256)")) {
                ps.setString(1, sha256);
                return ps.executeUpdate();
              }
            });
    if (n == 0) {
      boolean exists = approvals().stream().anyMatch(a -> a.sha256().equals(sha256));
      throw exists
          ? TEXTS.problem(409, "approval-in-use", "approval.in-use", sha256)
          : TEXTS.problem(404, "approval-not-found", "approval.not-found", sha256);
    }
  }

  // ---------------------------------------------------------------------------- packages

  /**
   * Verifies, stores, installs and starts a driver jar, or updates the bundle of an earlier
   * version.
   */
  synchronized PackageView upload(byte[] jar) {
    if (jar == null || jar.length == 0) {
      throw TEXTS.problem(400, "missing-body", "package.missing-body");
    }
    if (jar.length > MAX_JAR_BYTES) {
      throw TEXTS.problem(413, "jar-too-large", "package.too-large");
    }
    String sha = DeviceSecrets.hash(jar);
    if (approvals().stream().noneMatch(a -> a.sha256().equals(sha))) {
      throw TEXTS.problem(422, "driver-not-approved", "package.not-approved", sha);
    }
    Manifest manifest = manifest(jar);
    String bsn = symbolicName(manifest);
    Version version = version(manifest);
    if (find(sha) != null) {
      throw TEXTS.problem(409, "driver-already-uploaded", "package.already-uploaded", sha);
    }
    Bundle existing = bundle(bsn);
    if (existing != null && !existing.getLocation().startsWith(LOCATION_PREFIX)) {
      throw TEXTS.problem(409, "bundle-exists", "package.bundle-exists", bsn);
    }
    PackageView current = current(bsn);
    if (current != null && existing != null) {
      return upgrade(existing, current, jar, sha, bsn, version);
    }
    Bundle installed;
    try {
      installed = context.installBundle(LOCATION_PREFIX + bsn, new ByteArrayInputStream(jar));
      installed.start();
    } catch (BundleException | IllegalStateException e) {
      Bundle b = bundle(bsn);
      if (b != null && b.getLocation().startsWith(LOCATION_PREFIX)) {
        uninstallQuietly(b);
      }
      throw TEXTS.problem(
          422, "driver-not-installable", "package.not-installed", bsn, version, e.getMessage());
    }
    try {
      insert(sha, bsn, version, jar);
    } catch (RuntimeException e) {
      uninstallQuietly(installed);
      throw e;
    }
    awaitDrivers(installed);
    LOG.info("Driver bundle {} {} installed ({})", bsn, version, sha);
    return find(sha);
  }

  private PackageView upgrade(
      Bundle bundle, PackageView current, byte[] jar, String sha, String bsn, Version version) {
    Version from = Version.parseVersion(current.version());
    if (version.compareTo(from) <= 0) {
      throw TEXTS.problem(409, "driver-version-not-newer", "package.not-newer", bsn, from, version);
    }
    List<String> served = drivers.driversOfBundle(bundle.getBundleId());
    drivers.replacing(served, true);
    try {
      bundle.update(new ByteArrayInputStream(jar));
      if (!current.state().equals("disabled")) {
        bundle.start();
      }
    } catch (BundleException e) {
      throw TEXTS.problem(
          422, "driver-not-installable", "package.not-updated", bsn, version, e.getMessage());
    } finally {
      awaitDrivers(bundle);
      drivers.replacing(served, false);
    }
    Instant now = clock.instant();
    platform.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE driver_package SET state = 'replaced', replaced_at = ? WHERE sha256 = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, current.sha256());
            ps.executeUpdate();
          }
          insert(
              c,
              sha,
              bsn,
              version,
              jar,
              current.state().equals("disabled") ? "disabled" : "active");
          return null;
        });
    LOG.info("Driver bundle {} updated from {} to {}", bsn, from, version);
    return find(sha);
  }

  /** Stops (disables) or starts (enables) the current package of a bundle. */
  synchronized PackageView setEnabled(String bsn, boolean enabled) {
    PackageView current = current(bsn);
    Bundle b = bundle(bsn);
    if (current == null || b == null) {
      throw TEXTS.problem(404, "driver-package-not-found", "package.not-found", bsn);
    }
    try {
      if (enabled) {
        b.start();
      } else {
        b.stop();
      }
    } catch (BundleException e) {
      throw TEXTS.problem(422, "driver-not-startable", "package.not-startable", e.getMessage());
    }
    platform.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE driver_package SET state = ? WHERE sha256 = ?")) {
            ps.setString(1, enabled ? "active" : "disabled");
            ps.setString(2, current.sha256());
            return ps.executeUpdate();
          }
        });
    if (enabled) {
      awaitDrivers(b);
    }
    LOG.info("Driver bundle {} {}", bsn, enabled ? "enabled" : "disabled");
    return find(current.sha256());
  }

  List<PackageView> list() {
    return query("", null);
  }

  private PackageView find(String sha) {
    List<PackageView> r = query(" WHERE sha256 = ?", sha);
    return r.isEmpty() ? null : r.get(0);
  }

  private PackageView current(String bsn) {
    List<PackageView> r = query(" WHERE symbolic_name = ? AND state <> 'replaced'", bsn);
    return r.isEmpty() ? null : r.get(0);
  }

  private List<PackageView> query(String where, String param) {
    return platform.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT sha256, symbolic_name, version, size, state, uploaded_at, replaced_at"
                      + " FROM driver_package"
                      + where
                      + " ORDER BY symbolic_name, uploaded_at")) {
            if (param != null) {
              ps.setString(1, param);
            }
            List<PackageView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String bsn = rs.getString(2);
                String state = rs.getString(5);
                Bundle b = state.equals("replaced") ? null : bundle(bsn);
                out.add(
                    new PackageView(
                        rs.getString(1),
                        bsn,
                        rs.getString(3),
                        rs.getInt(4),
                        state,
                        b == null ? null : b.getBundleId(),
                        b == null ? null : bundleState(b),
                        b == null ? List.of() : drivers.driversOfBundle(b.getBundleId()),
                        Jdbc.instant(rs.getTimestamp(6)),
                        Jdbc.instant(rs.getTimestamp(7))));
              }
            }
            return out;
          }
        });
  }

  private void insert(String sha, String bsn, Version version, byte[] jar) {
    platform.transaction(
        c -> {
          insert(c, sha, bsn, version, jar, "active");
          return null;
        });
  }

  private static void insert(
      java.sql.Connection c, String sha, String bsn, Version version, byte[] jar, String state)
      throws java.sql.SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO driver_package (sha256, symbolic_name, version, size, jar, state)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, sha);
      ps.setString(2, bsn);
      ps.setString(3, version.toString());
      ps.setInt(4, jar.length);
      ps.setBytes(5, jar);
      ps.setString(6, state);
      ps.executeUpdate();
    }
  }

  /** Brings the framework in line with the stored packages (a wiped Karaf data folder, say). */
  private void reconcile() {
    record Stored(String sha, String bsn, String version, String state, byte[] jar) {}
    List<Stored> stored;
    try {
      stored =
          platform.read(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT sha256, symbolic_name, version, state, jar FROM driver_package"
                            + " WHERE state <> 'replaced'")) {
                  List<Stored> out = new ArrayList<>();
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(
                          new Stored(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getBytes(5)));
                    }
                  }
                  return out;
                }
              });
    } catch (RuntimeException e) {
      LOG.error("Could not read the uploaded driver packages", e);
      return;
    }
    for (Stored s : stored) {
      try {
        if (!DeviceSecrets.hash(s.jar()).equals(s.sha())) {
          LOG.error(
              "Stored driver jar {} does not match its SHA-256 {}; not installed",
              s.bsn(),
              s.sha());
          continue;
        }
        Bundle b = bundle(s.bsn());
        if (b == null) {
          b = context.installBundle(LOCATION_PREFIX + s.bsn(), new ByteArrayInputStream(s.jar()));
          LOG.info("Driver bundle {} {} installed again from the registry", s.bsn(), s.version());
        } else if (!b.getVersion().toString().equals(s.version())) {
          b.update(new ByteArrayInputStream(s.jar()));
        }
        if (s.state().equals("active")) {
          b.start();
        } else {
          b.stop();
        }
      } catch (BundleException | RuntimeException e) {
        LOG.error("Driver bundle {} {} could not be restored", s.bsn(), s.version(), e);
      }
    }
  }

  private void awaitDrivers(Bundle b) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline
        && b.getState() == Bundle.ACTIVE
        && drivers.driversOfBundle(b.getBundleId()).isEmpty()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Bundle bundle(String bsn) {
    for (Bundle b : context.getBundles()) {
      if (bsn.equals(b.getSymbolicName())) {
        return b;
      }
    }
    return null;
  }

  private static void uninstallQuietly(Bundle b) {
    try {
      b.uninstall();
    } catch (BundleException | IllegalStateException e) {
      LOG.warn("Could not uninstall {}", b.getSymbolicName(), e);
    }
  }

  private static String bundleState(Bundle b) {
    return switch (b.getState()) {
      case Bundle.ACTIVE -> "ACTIVE";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      default -> "UNINSTALLED";
    };
  }

  private static Manifest manifest(byte[] jar) {
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
      Manifest m = in.getManifest();
      if (m != null) {
        return m;
      }
    } catch (IOException e) {
      // reported below
    }
    throw TEXTS.problem(422, "not-a-bundle", "package.no-manifest");
  }

  private static String symbolicName(Manifest m) {
    String bsn = m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
    if (bsn == null || bsn.isBlank()) {
      throw TEXTS.problem(422, "not-a-bundle", "package.no-symbolic-name");
    }
    int semi = bsn.indexOf(';');
    return (semi < 0 ? bsn : bsn.substring(0, semi)).strip();
  }

  private static Version version(Manifest m) {
    try {
      return Version.parseVersion(m.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
    } catch (IllegalArgumentException e) {
      throw TEXTS.problem(422, "not-a-bundle", "package.no-version");
    }
  }
}
