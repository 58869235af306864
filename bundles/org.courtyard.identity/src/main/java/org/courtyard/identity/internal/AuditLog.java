package org.courtyard.identity.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.ws.rs.core.StreamingOutput;
import org.courtyard.api.AuditTrail;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvWriter;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;
import org.courtyard.identity.internal.dto.AuditEntryView;
import org.courtyard.identity.internal.dto.SettingsUpdate;
import org.courtyard.identity.internal.dto.SettingsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants' audit logs: the table each request's row goes into (written by the request's own
 * transaction, see {@link RequestAudit}), the rows of requests that committed nothing, the queries
 * and CSV export for the company's admins, and the retention purge.
 */
final class AuditLog implements AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final String COLUMNS =
      "id, at, principal_kind, principal_id, principal_name, operation, permission, object_ids,"
          + " summary, source, request_id, outcome";
  private static final int EXPORT_MAX = 1_000_000;
  private static final Texts TEXTS = Texts.of(AuditLog.class);

  /** What a query asks for; every field optional. */
  record Filter(String who, String operation, String object, Instant from, Instant to) {

    /** A filter from query parameters; {@code from} and {@code to} are ISO-8601 instants (422). */
    static Filter of(String who, String operation, String object, String from, String to) {
      return new Filter(
          who,
          operation,
          object,
          instant("from", from).orElse(null),
          instant("to", to).orElse(null));
    }
  }

  private final TenantStores stores;
  private final TenantService tenants;
  private final Callers callers;
  private final Jdbc platform;

  /**
   * @param platform the platform schema, where operators' rows go
   */
  AuditLog(TenantStores stores, TenantService tenants, Callers callers, Jdbc platform) {
    this.platform = platform;
    this.stores = stores;
    this.tenants = tenants;
    this.callers = callers;
  }

  @Override
  public void prepare(TenantSlug tenant) {
    stores.of(tenant);
  }

  @Override
  public void record(RequestAudit audit, String outcome) {
    (audit.tenant() == null ? platform : stores.of(audit.tenant()))
        .transaction(
            c -> {
              insert(c, audit, outcome);
              return null;
            });
  }

  /** Writes {@code audit}'s row on {@code c}, in the caller's transaction. */
  static void insert(Connection c, RequestAudit audit, String outcome) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(audit.insertSql())) {
      Object[] values = audit.values(outcome);
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      ps.executeUpdate();
    }
  }

  Page<AuditEntryView> list(TenantSlug tenant, Filter filter, String cursor, int limit) {
    long before = cursor == null ? Long.MAX_VALUE : Cursor.decode(cursor);
    List<AuditEntryView> rows =
        jdbc(tenant).read(c -> query(c, table(tenant), filter, before, limit + 1));
    return Page.of(rows, limit, r -> Cursor.encode(r.id()));
  }

  /** The rows the filter selects, newest first, as CSV (UTF-8 with a BOM, for spreadsheets). */
  StreamingOutput csv(TenantSlug tenant, Filter filter) {
    List<AuditEntryView> rows =
        jdbc(tenant).read(c -> query(c, table(tenant), filter, Long.MAX_VALUE, EXPORT_MAX));
    return out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write('\ufeff');
      w.write(
          "id,at,principal_kind,principal_id,principal_name,operation,permission,object_ids,"
              + "summary,source,request_id,outcome\r\n");
      for (AuditEntryView r : rows) {
        String[] cells = {
          Long.toString(r.id()),
          r.at().toString(),
          r.principalKind(),
          r.principalId(),
          r.principalName(),
          r.operation(),
          r.permission(),
          r.objectIds(),
          r.summary(),
          r.source(),
          r.requestId(),
          r.outcome()
        };
        for (int i = 0; i < cells.length; i++) {
          if (i > 0) {
            w.write(',');
          }
          w.write(CsvWriter.cell(cells[i]));
        }
        w.write("\r\n");
      }
      w.flush();
    };
  }

  SettingsView settings(TenantSlug tenant) {
    return stores.of(tenant).read(AuditLog::readSettings);
  }

  SettingsView updateSettings(TenantSlug tenant, SettingsUpdate in) {
    FieldErrors errors = new FieldErrors();
    Integer days =
        TextRules.requiredInRange(in.auditRetentionDays(), "auditRetentionDays", 30, 3650, errors);
    TextRules.required(in.version(), "version", errors);
    errors.throwIfAny();
    SettingsView updated =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update identity_setting set audit_retention_days = ?,"
                              + " require_totp = coalesce(?, require_totp),"
                              + " version = version + 1 where version = ?")) {
                    ps.setInt(1, days);
                    ps.setObject(2, in.requireTotp());
                    ps.setInt(3, in.version());
                    if (ps.executeUpdate() == 0) {
                      throw Problems.staleVersion(
                          TEXTS.text("label.settings"),
                          "identity",
                          readSettings(c).version(),
                          in.version());
                    }
                  }
                  return readSettings(c);
                });
    // users without a second factor hold no permission while the company requires one
    callers.forgetTenant(tenant);
    return updated;
  }

  /** Deletes every tenant's rows older than its retention; the daily job. */
  void purge() {
    for (Tenant t : tenants.list()) {
      if (!TenantSlug.isValid(t.slug)) {
        continue;
      }
      try {
        int deleted = stores.of(TenantSlug.of(t.slug)).transaction(AuditLog::purge);
        if (deleted > 0) {
          LOG.info("Audit log of {}: {} row(s) past retention deleted", t.slug, deleted);
        }
      } catch (RuntimeException e) {
        LOG.warn("Audit purge of {} failed; retried tomorrow", t.slug, e);
      }
    }
  }

  private static int purge(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("set local courtyard.audit_purge = 'on'");
      return s.executeUpdate(
          "delete from audit_log where at < now() - make_interval(days =>"
              + " (select audit_retention_days from identity_setting))");
    }
  }

  private static SettingsView readSettings(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select audit_retention_days, require_totp, version from identity_setting");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new SettingsView(rs.getInt(1), rs.getBoolean(2), rs.getInt(3));
    }
  }

  /** A tenant's log, or the operators' when {@code tenant} is null. */
  private Jdbc jdbc(TenantSlug tenant) {
    return tenant == null ? platform : stores.of(tenant);
  }

  private static String table(TenantSlug tenant) {
    return tenant == null ? "operator_audit" : "audit_log";
  }

  private static List<AuditEntryView> query(
      Connection c, String table, Filter f, long before, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from "
                + table
                + " where id < ?"
                + " and (?::text is null or principal_name = ? or principal_id = ?)"
                + " and (?::text is null or operation like ?)"
                + " and (?::text is null or ? = any(string_to_array(object_ids, ',')))"
                + " and (?::timestamptz is null or at >= ?)"
                + " and (?::timestamptz is null or at < ?)"
                + " order by id desc limit ?")) {
      String who = TextRules.trimToNull(f.who());
      String op = TextRules.trimToNull(f.operation());
      String object = TextRules.trimToNull(f.object());
      Timestamp from = f.from() == null ? null : Timestamp.from(f.from());
      Timestamp to = f.to() == null ? null : Timestamp.from(f.to());
      int i = 1;
      ps.setLong(i++, before);
      ps.setString(i++, who);
      ps.setString(i++, who);
      ps.setString(i++, who);
      ps.setString(i++, op);
      ps.setString(i++, op == null ? null : "%" + op + "%");
      ps.setString(i++, object);
      ps.setString(i++, object);
      ps.setTimestamp(i++, from);
      ps.setTimestamp(i++, from);
      ps.setTimestamp(i++, to);
      ps.setTimestamp(i++, to);
      ps.setInt(i, limit);
      List<AuditEntryView> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AuditEntryView(
                  rs.getLong(1),
                  rs.getTimestamp(2).toInstant(),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getString(12)));
        }
      }
      return out;
    }
  }

  private static Optional<Instant> instant(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(raw.strip()));
    } catch (java.time.format.DateTimeParseException e) {
      throw FieldErrors.single(
          FieldErrors.TYPE, TEXTS.title(FieldErrors.TYPE), name, TEXTS.text("audit.instant"));
    }
  }
}
