package org.courtyard.security.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;
import org.courtyard.devices.DeviceCommand;

/**
 * Access credentials of residents and staff: a card, a PIN or a QR code, valid for some doors
 * during some time, and the decision a door asks for ("may this credential open door 2 of
 * controller gate-1 now?").
 */
final class Credentials {

  private static final Set<String> KINDS = Set.of("card", "pin", "qr");
  private static final Pattern VALUE = Pattern.compile("^[!-~]{1,64}$");
  private static final Pattern DOOR =
      Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}(:[A-Za-z0-9_-]{1,32})?$");
  private static final String COLUMNS =
      "id, kind, credential, holder, person_id, doors, valid_from, valid_to, status, created_at,"
          + " revoked_at";

  /** A credential to issue. Times are ISO-8601 instants; {@code validFrom} defaults to now. */
  public record CredentialInput(
      String kind,
      String credential,
      String holder,
      Long personId,
      List<String> doors,
      String validFrom,
      String validTo) {}

  public record CredentialView(
      long id,
      String kind,
      String credential,
      String holder,
      Long personId,
      List<String> doors,
      Instant validFrom,
      Instant validTo,
      String status,
      Instant createdAt,
      Instant revokedAt,
      List<Push> pushes) {

    CredentialView withPushes(List<Push> p) {
      return new CredentialView(
          id,
          kind,
          credential,
          holder,
          personId,
          doors,
          validFrom,
          validTo,
          status,
          createdAt,
          revokedAt,
          p);
    }
  }

  /**
   * What a door controller was told of a credential: {@code add} when issued, {@code remove} when
   * revoked; {@code sent} with the device command that carries it (its acknowledgement shows in the
   * device's commands), or {@code failed} with why.
   */
  public record Push(
      String deviceId,
      String door,
      String action,
      Long commandId,
      String status,
      String detail,
      Instant at) {}

  /** Sends a command to one of the tenant's devices (the devices module, for this tenant). */
  interface Sender {
    DeviceCommand send(String deviceId, String command, Map<String, String> arguments);
  }

  /** The answer to a door: allowed, or why not. */
  public record Decision(boolean allowed, String reason, Long credentialId, String holder) {}

  private final Jdbc jdbc;

  Credentials(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  CredentialView issue(CredentialInput in, Instant now) {
    FieldErrors errors = new FieldErrors();
    if (in.kind() == null || !KINDS.contains(in.kind())) {
      errors.add("kind", "one of " + KINDS);
    }
    if (in.credential() == null || !VALUE.matcher(in.credential()).matches()) {
      errors.add("credential", "1-64 printable characters, as the door controller reports it");
    }
    if (in.holder() == null || in.holder().isBlank() || in.holder().length() > 100) {
      errors.add("holder", "1-100 characters");
    }
    if (in.personId() != null && in.personId() <= 0) {
      errors.add("personId", "a resident's person id");
    }
    if (in.doors() == null || in.doors().isEmpty() || in.doors().size() > 100) {
      errors.add("doors", "1-100 doors: '<device>' or '<device>:<door>'");
    } else {
      for (String d : in.doors()) {
        if (d == null || !DOOR.matcher(d).matches()) {
          errors.add("doors", "'" + d + "' is not '<device>' or '<device>:<door>'");
        }
      }
    }
    Instant from = instant(errors, "validFrom", in.validFrom(), now);
    Instant to = instant(errors, "validTo", in.validTo(), null);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add("validTo", "after validFrom");
    }
    errors.throwIfAny();
    return jdbc.transaction(
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
            ps.setTimestamp(6, Timestamp.from(from));
            ps.setTimestamp(7, to == null ? null : Timestamp.from(to));
            ps.setTimestamp(8, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw ProblemException.conflict(
                    "credential-in-use",
                    "Credential in use",
                    "An active "
                        + in.kind()
                        + " credential "
                        + in.credential()
                        + " exists; revoke it first.");
              }
              return view(rs);
            }
          }
        });
  }

  /**
   * One page of credentials, newest first (by id), after the credential {@code after} (0: from the
   * newest); {@code holder} keeps those whose holder contains it (any case), {@code status} one
   * state.
   */
  Page<CredentialView> list(String holder, String status, long after, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM access_credential WHERE true");
    List<Object> params = new ArrayList<>();
    if (holder != null) {
      sql.append(" AND lower(holder) LIKE ?");
      params.add("%" + likeLiteral(holder.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status);
    }
    if (after > 0) {
      sql.append(" AND id < ?");
      params.add(after);
    }
    sql.append(" ORDER BY id DESC LIMIT ").append(limit + 1);
    List<CredentialView> found =
        jdbc.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                  ps.setObject(i + 1, params.get(i));
                }
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
    Map<Long, List<Push>> pushes = pushes(page.items.stream().map(CredentialView::id).toList());
    return new Page<>(
        page.items.stream().map(v -> v.withPushes(pushes.getOrDefault(v.id(), List.of()))).toList(),
        page.nextCursor);
  }

  /** {@code text} matched as itself by LIKE (whose escape character is the backslash). */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  CredentialView revoke(long id, Instant now) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE access_credential SET status = 'revoked', revoked_at = ? WHERE id = ?"
                      + " AND status = 'active' RETURNING "
                      + COLUMNS)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
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
                throw ProblemException.conflict(
                    "credential-revoked",
                    "Credential revoked",
                    "Credential " + id + " is revoked already.");
              }
            }
          }
          throw ProblemException.notFound(
              "credential-not-found",
              "Credential not found",
              "This tenant has no credential " + id + ".");
        });
  }

  /**
   * Whether the newest credential of this kind and value opens {@code door} ({@code
   * <device>:<door>}) at {@code at}, and if not, why.
   */
  Decision decide(String kind, String credential, String door, Instant at) {
    if (kind == null
        || !KINDS.contains(kind)
        || credential == null
        || door == null
        || !DOOR.matcher(door).matches()
        || !door.contains(":")) {
      throw ProblemException.badRequest(
          "invalid-parameter",
          "Invalid query parameter",
          "kind (card, pin, qr), credential and door ('<device>:<door>') are required.");
    }
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
              String device = door.substring(0, door.indexOf(':'));
              String why = null;
              if (v.status().equals("revoked")) {
                why = "revoked";
              } else if (at.isBefore(v.validFrom())) {
                why = "not valid yet";
              } else if (v.validTo() != null && !at.isBefore(v.validTo())) {
                why = "expired";
              } else if (!v.doors().contains(door) && !v.doors().contains(device)) {
                why = "not valid for this door";
              }
              return new Decision(why == null, why, v.id(), v.holder());
            }
          }
        });
  }

  private static Instant instant(FieldErrors errors, String field, String value, Instant dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(field, "an ISO-8601 instant such as 2026-12-01T00:00:00Z");
      return null;
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
        List.of());
  }

  /**
   * Tells every controller the credential names (a door {@code <device>:<n>}, or all doors of
   * {@code <device>}) to accept it ({@code add}: kind, value, door and validity) or to forget it
   * ({@code remove}), through the controller's driver, so that doors decide on their own even while
   * the platform is out of reach. A controller that cannot be told is recorded as {@code failed}
   * with the reason; the credential stands either way, and {@code decision} still answers.
   */
  CredentialView push(CredentialView v, String action, Sender sender, Instant now) {
    List<Push> pushes = new ArrayList<>();
    targets(v.doors())
        .forEach(
            (device, doors) -> {
              for (String door : doors) {
                Map<String, String> args = new java.util.LinkedHashMap<>();
                args.put("kind", v.kind());
                args.put("credential", v.credential());
                args.put("door", door);
                if (action.equals("add")) {
                  args.put("from", Long.toString(v.validFrom().getEpochSecond()));
                  args.put(
                      "to",
                      v.validTo() == null ? "0" : Long.toString(v.validTo().getEpochSecond()));
                }
                Push p;
                try {
                  DeviceCommand cmd = sender.send(device, "credential-" + action, args);
                  p = new Push(device, door, action, cmd.id(), "sent", null, now);
                } catch (ProblemException e) {
                  p =
                      new Push(
                          device,
                          door,
                          action,
                          null,
                          "failed",
                          TextRules.clip(e.title() + ": " + e.detail(), 300),
                          now);
                }
                pushes.add(p);
              }
            });
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO credential_push (credential_id, device_id, door, action,"
                      + " command_id, status, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (credential_id, device_id, door, action) DO UPDATE SET"
                      + " command_id = excluded.command_id, status = excluded.status,"
                      + " detail = excluded.detail, at = excluded.at")) {
            for (Push p : pushes) {
              ps.setLong(1, v.id());
              ps.setString(2, p.deviceId());
              ps.setString(3, p.door());
              ps.setString(4, p.action());
              Jdbc.setLong(ps, 5, p.commandId());
              ps.setString(6, p.status());
              ps.setString(7, p.detail());
              ps.setTimestamp(8, Timestamp.from(p.at()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
    return v.withPushes(pushes(List.of(v.id())).getOrDefault(v.id(), List.of()));
  }

  /**
   * Controller → doors to tell, from {@code <device>} (all its doors: "0") and {@code
   * <device>:<door>}; all doors of a controller cover its single doors.
   */
  static Map<String, java.util.SortedSet<String>> targets(List<String> doors) {
    Map<String, java.util.SortedSet<String>> byDevice = new java.util.LinkedHashMap<>();
    for (String d : doors) {
      int colon = d.indexOf(':');
      String device = colon < 0 ? d : d.substring(0, colon);
      byDevice
          .computeIfAbsent(device, k -> new java.util.TreeSet<>())
          .add(colon < 0 ? "0" : d.substring(colon + 1));
    }
    byDevice.values().forEach(set -> set.removeIf(n -> set.contains("0") && !n.equals("0")));
    return byDevice;
  }

  /** The pushes of these credentials, by credential id, newest action last. */
  private Map<Long, List<Push>> pushes(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.read(
        c -> {
          Map<Long, List<Push>> out = new java.util.HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT credential_id, device_id, door, action, command_id, status, detail, at"
                      + " FROM credential_push WHERE credential_id = ANY(?)"
                      + " ORDER BY credential_id, at, device_id, door")) {
            ps.setArray(1, Jdbc.bigints(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(
                        new Push(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Jdbc.getLong(rs, "command_id"),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant()));
              }
            }
          }
          return out;
        });
  }
}
