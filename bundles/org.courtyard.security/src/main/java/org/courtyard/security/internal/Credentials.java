package org.courtyard.security.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;
import org.courtyard.security.internal.dto.CredentialInput;
import org.courtyard.security.internal.dto.CredentialView;
import org.courtyard.security.internal.dto.Decision;
import org.courtyard.security.internal.dto.Push;

/**
 * Access credentials of residents and staff (rules in {@link CredentialRules}): issued and revoked
 * here, told to their doors' controllers by {@link CredentialPushes}, and the decision a door asks
 * for ("may this credential open door 2 of controller gate-1 now?").
 *
 * <p>A credential is where its doors are: it is in a caller's scope when the scope reaches every
 * controller it opens ({@link #IN_SCOPE}). A credential that also opens a door elsewhere is not, so
 * that a staff member of one estate neither sees who holds a key to another estate's doors nor
 * revokes it; issuing one needs every door in scope.
 */
final class Credentials {

  private static final Texts TEXTS = Texts.of(Credentials.class);

  private static final String COLUMNS =
      "id, kind, credential, holder, person_id, doors, valid_from, valid_to, status, created_at,"
          + " revoked_at, revoked_by, revoke_reason";

  /** Every door's controller ({@code <device>} or {@code <device>:<door>}) is in the array. */
  static final String IN_SCOPE =
      "NOT EXISTS (SELECT 1 FROM unnest(doors) d WHERE split_part(d, ':', 1) <> ALL(?))";

  private final Jdbc jdbc;
  private final Clock clock;
  private final CredentialPushes pushes;

  Credentials(Jdbc jdbc, Clock clock, CredentialPushes pushes) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.pushes = pushes;
  }

  /**
   * Issues a credential and tells its doors' controllers to accept it.
   *
   * @throws ProblemException 422 {@code validation-failed}, 404 {@code device-not-found} for a door
   *     of a controller outside a narrow {@code scope}, 409 {@code credential-in-use} while an
   *     active credential of the same kind and value exists
   */
  CredentialView issue(CredentialInput in, DeviceCommands sender, DeviceScope scope) {
    Instant now = clock.instant();
    CredentialRules.Validity validity = CredentialRules.check(in, now);
    scope.require(CredentialPushes.targets(in.doors()).keySet());
    CredentialView issued =
        jdbc.transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO access_credential (kind, credential, holder, person_id, doors,"
                          + " valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                          + " ON CONFLICT (kind, credential) WHERE status = 'active' DO NOTHING"
                          + " RETURNING "
                          + COLUMNS)) {
                ps.setString(1, in.kind());
                ps.setString(2, in.credential());
                ps.setString(3, in.holder().strip());
                Jdbc.setLong(ps, 4, in.personId());
                ps.setArray(5, c.createArrayOf("text", in.doors().toArray(new String[0])));
                ps.setTimestamp(6, Timestamp.from(validity.from()));
                ps.setTimestamp(7, validity.to() == null ? null : Timestamp.from(validity.to()));
                ps.setTimestamp(8, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw TEXTS.problem(
                        409, "credential-in-use", "credential.in-use", in.kind(), in.credential());
                  }
                  return view(rs);
                }
              }
            });
    return pushes.push(issued, CredentialPushes.ADD, sender);
  }

  /**
   * What a credentials list keeps: {@code holder} whose holder contains it (any case), {@code kind}
   * one kind, {@code door} those that open it ({@code <device>:<door>}: that door, also by a
   * credential for the whole controller; {@code <device>}: any door of that controller), {@code
   * personId} one resident's, {@code status} one state. Null: any.
   */
  record Filter(String holder, String kind, String door, Long personId, String status) {

    static final Filter NONE = new Filter(null, null, null, null, null);
  }

  /**
   * One page of credentials, newest first (by id), after the credential {@code after} (0: from the
   * newest), with what their controllers were told; those {@code filter} keeps and {@code scope}
   * reaches.
   */
  Page<CredentialView> list(Filter filter, long after, int limit, DeviceScope scope) {
    if (scope.reachesNone()) {
      return new Page<>(List.of(), null);
    }
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM access_credential WHERE true");
    List<Object> params = new ArrayList<>();
    if (filter.holder() != null) {
      sql.append(" AND lower(holder) LIKE ?");
      params.add("%" + likeLiteral(filter.holder().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (filter.kind() != null) {
      sql.append(" AND kind = ?");
      params.add(filter.kind());
    }
    if (filter.door() != null) {
      int colon = filter.door().indexOf(':');
      if (colon < 0) {
        sql.append(" AND EXISTS (SELECT 1 FROM unnest(doors) d WHERE split_part(d, ':', 1) = ?)");
        params.add(filter.door());
      } else {
        // the door itself, or every door of its controller (access_credential_doors_idx)
        sql.append(" AND doors && ?");
        params.add(new String[] {filter.door(), filter.door().substring(0, colon)});
      }
    }
    if (filter.personId() != null) {
      sql.append(" AND person_id = ?");
      params.add(filter.personId());
    }
    if (filter.status() != null) {
      sql.append(" AND status = ?");
      params.add(filter.status());
    }
    if (after > 0) {
      sql.append(" AND id < ?");
      params.add(after);
    }
    if (!scope.isAll()) {
      sql.append(" AND ").append(IN_SCOPE);
      params.add(scope.idArray());
    }
    sql.append(" ORDER BY id DESC LIMIT ").append(limit + 1);
    List<CredentialView> found =
        jdbc.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                SqlParams.bind(c, ps, params);
                List<CredentialView> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(view(rs));
                  }
                }
                return out;
              }
            });
    Page<CredentialView> page = Page.of(found, limit, v -> Cursor.encode(v.id()));
    Map<Long, List<Push>> told = pushes.of(page.items.stream().map(CredentialView::id).toList());
    return new Page<>(
        page.items.stream().map(v -> v.withPushes(told.getOrDefault(v.id(), List.of()))).toList(),
        page.nextCursor);
  }

  /** {@code text} matched as itself by LIKE (whose escape character is the backslash). */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * One credential with what its controllers were told.
   *
   * @throws ProblemException 404 {@code credential-not-found}, also for one {@code scope} does not
   *     reach
   */
  CredentialView get(long id, DeviceScope scope) {
    CredentialView v =
        jdbc.read(
            c -> {
              if (!scope.isAll() && !inScope(c, id, scope)) {
                throw notFound(id);
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + COLUMNS + " FROM access_credential WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw notFound(id);
                  }
                  return view(rs);
                }
              }
            });
    return v.withPushes(pushes.of(List.of(id)).getOrDefault(id, List.of()));
  }

  /**
   * Revokes a credential, recording who did it ({@code by}) and why ({@code reason}, optional), and
   * tells its doors' controllers to refuse it.
   *
   * @throws ProblemException 422 {@code validation-failed} for a reason too long, 404 {@code
   *     credential-not-found}, also for one {@code scope} does not reach; 409 {@code
   *     credential-revoked}
   */
  CredentialView revoke(
      long id, String by, String reason, DeviceCommands sender, DeviceScope scope) {
    String why = CredentialRules.checkReason(reason);
    Instant now = clock.instant();
    CredentialView revoked =
        jdbc.transaction(
            c -> {
              if (!scope.isAll() && !inScope(c, id, scope)) {
                throw notFound(id);
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE access_credential SET status = 'revoked', revoked_at = ?,"
                          + " revoked_by = ?, revoke_reason = ? WHERE id = ? AND status = 'active'"
                          + " RETURNING "
                          + COLUMNS)) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, CredentialRules.actor(by));
                ps.setString(3, why);
                ps.setLong(4, id);
                try (ResultSet rs = ps.executeQuery()) {
                  if (rs.next()) {
                    return view(rs);
                  }
                }
              }
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT status FROM access_credential WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                  if (rs.next()) {
                    throw TEXTS.problem(409, "credential-revoked", "credential.revoked", id);
                  }
                }
              }
              throw notFound(id);
            });
    return pushes.push(revoked, CredentialPushes.REMOVE, sender);
  }

  /** Whether credential {@code id} exists and {@code scope} reaches every door of it. */
  private static boolean inScope(Connection c, long id, DeviceScope scope) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM access_credential WHERE id = ? AND " + IN_SCOPE)) {
      ps.setLong(1, id);
      ps.setArray(2, c.createArrayOf("text", scope.idArray()));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static ProblemException notFound(long id) {
    return TEXTS.problem(404, "credential-not-found", "credential.not-found", id);
  }

  /**
   * Whether the newest credential of this kind and value opens {@code door} ({@code
   * <device>:<door>}) at {@code at} (null: now), and if not, why. A narrow {@code scope} may ask
   * only about the doors of controllers it reaches: door controllers ask with a company-wide key,
   * and a key scoped to one estate learns nothing of another's doors or their holders.
   *
   * @throws ProblemException 400 {@code invalid-parameter} for a question a door cannot ask, 404
   *     {@code device-not-found} for a controller outside a narrow {@code scope}
   */
  Decision decide(String kind, String credential, String door, Instant at, DeviceScope scope) {
    CredentialRules.checkQuestion(kind, credential, door);
    scope.require(List.of(door.substring(0, door.indexOf(':'))));
    Instant when = at == null ? clock.instant() : at;
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM access_credential WHERE kind = ? AND credential = ?"
                      + " ORDER BY (status = 'active') DESC, id DESC LIMIT 1")) {
            ps.setString(1, kind);
            ps.setString(2, credential);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new Decision(false, "unknown credential", null, null);
              }
              CredentialView v = view(rs);
              String why = CredentialRules.refusal(v, door, when);
              return new Decision(why == null, why, v.id(), v.holder());
            }
          }
        });
  }

  /**
   * Who holds the credential of this kind and value a controller reported (the active one, else the
   * newest), or the value itself when the tenant never issued it.
   */
  static String holder(Connection c, String kind, String credential) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT holder FROM access_credential WHERE kind = ? AND credential = ?"
                + " ORDER BY (status = 'active') DESC, id DESC LIMIT 1")) {
      ps.setString(1, kind);
      ps.setString(2, credential);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : credential;
      }
    }
  }

  private static CredentialView view(ResultSet rs) throws SQLException {
    Array doors = rs.getArray(6);
    return new CredentialView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Jdbc.getLong(rs, "person_id"),
        Arrays.asList((String[]) doors.getArray()),
        rs.getTimestamp(7).toInstant(),
        Jdbc.instant(rs.getTimestamp(8)),
        rs.getString(9),
        rs.getTimestamp(10).toInstant(),
        Jdbc.instant(rs.getTimestamp(11)),
        rs.getString(12),
        rs.getString(13),
        List.of());
  }
}
