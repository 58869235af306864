package org.courtyard.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The audit row of the state-changing request the current thread serves: who, what, on which
 * objects, from where. The REST layer opens it once the caller and the operation are known; the
 * first transaction the request commits through {@code jpa.Transactions} or {@code jdbc.Jdbc}
 * writes it in that same transaction, so there is no change without its row. A request that commits
 * nothing (a refusal) gets its row from the REST layer when it answers, with the status.
 */
public final class RequestAudit {

  private static final ThreadLocal<RequestAudit> CURRENT = new ThreadLocal<>();

  private final TenantSlug tenant;
  private final String table;
  private final String principalKind;
  private final String principalId;
  private final String principalName;
  private final String operation;
  private final String permission;
  private final List<String> objectIds;
  private final String summary;
  private final String source;
  private final String requestId;
  private volatile boolean written;

  /**
   * @param tenant the tenant whose {@code audit_log} takes the row
   * @param operation method and path template, such as {@code POST /billing/payments}
   * @param objectIds the ids the request names in its path
   * @param summary a short account of the change: the body with secrets masked, clipped
   */
  public RequestAudit(
      TenantSlug tenant,
      String principalKind,
      String principalId,
      String principalName,
      String operation,
      String permission,
      List<String> objectIds,
      String summary,
      String source,
      String requestId) {
    this.tenant = tenant;
    this.table = tenant.schema() + ".audit_log";
    this.principalKind = principalKind;
    this.principalId = principalId;
    this.principalName = principalName;
    this.operation = operation;
    this.permission = permission;
    this.objectIds = List.copyOf(objectIds);
    this.summary = summary;
    this.source = source;
    this.requestId = requestId;
  }

  private RequestAudit(
      String operator,
      String operation,
      List<String> objectIds,
      String summary,
      String source,
      String requestId) {
    this.tenant = null;
    this.table = "platform.operator_audit";
    this.principalKind = "operator";
    this.principalId = operator;
    this.principalName = operator;
    this.operation = operation;
    this.permission = null;
    this.objectIds = List.copyOf(objectIds);
    this.summary = summary;
    this.source = source;
    this.requestId = requestId;
  }

  /** The audit row of an operator's request (or shell command): it goes to the platform schema. */
  public static RequestAudit operator(
      String operator,
      String operation,
      List<String> objectIds,
      String summary,
      String source,
      String requestId) {
    return new RequestAudit(operator, operation, objectIds, summary, source, requestId);
  }

  /** Opens {@code audit} for the current thread's request. */
  public static void begin(RequestAudit audit) {
    CURRENT.set(audit);
  }

  /** Closes the current thread's request and returns its audit, if one was opened. */
  public static Optional<RequestAudit> end() {
    RequestAudit audit = CURRENT.get();
    CURRENT.remove();
    return Optional.ofNullable(audit);
  }

  /** The current request's audit while its row is still to be written. */
  public static Optional<RequestAudit> pending() {
    RequestAudit audit = CURRENT.get();
    return audit == null || audit.written ? Optional.empty() : Optional.of(audit);
  }

  /**
   * Writes the pending row, if any, on {@code c} inside the caller's transaction. The caller calls
   * {@link #committed()} once that transaction committed.
   */
  public static Optional<RequestAudit> writePending(Connection c) throws SQLException {
    Optional<RequestAudit> audit = pending();
    if (audit.isPresent()) {
      try (PreparedStatement ps = c.prepareStatement(audit.get().insertSql())) {
        Object[] values = audit.get().values("ok");
        for (int i = 0; i < values.length; i++) {
          ps.setObject(i + 1, values[i]);
        }
        ps.executeUpdate();
      }
    }
    return audit;
  }

  /** The tenant whose audit log takes the row; null for an operator's, which the platform keeps. */
  public TenantSlug tenant() {
    return tenant;
  }

  /** The row went in with a committed transaction: the request needs no other. */
  public void committed() {
    written = true;
  }

  public boolean isWritten() {
    return written;
  }

  /** The insert, schema-qualified so that any connection of the request can write it. */
  public String insertSql() {
    return "insert into "
        + table
        + " (principal_kind, principal_id, principal_name, operation, permission,"
        + " object_ids, summary, source, request_id, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /** The insert's values, in order, with {@code outcome}. */
  public Object[] values(String outcome) {
    return new Object[] {
      principalKind,
      principalId,
      principalName,
      operation,
      permission,
      String.join(",", objectIds),
      summary,
      source,
      requestId,
      outcome
    };
  }
}
