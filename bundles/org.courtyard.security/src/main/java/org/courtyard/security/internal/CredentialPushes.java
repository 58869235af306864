package org.courtyard.security.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.devices.DeviceCommand;
import org.courtyard.security.internal.dto.CredentialView;
import org.courtyard.security.internal.dto.Push;

/**
 * Tells every controller a credential names (a door {@code <device>:<n>}, or all doors of {@code
 * <device>}) to accept it ({@code add}: kind, value, door and validity) or to forget it ({@code
 * remove}), through the controller's driver, so that doors decide on their own even while the
 * platform is out of reach. A controller that cannot be told is recorded as {@code failed} with the
 * reason; the credential stands either way, and the decision endpoint still answers.
 */
final class CredentialPushes {

  static final String ADD = "add";
  static final String REMOVE = "remove";

  /** All doors of a controller, in a command's {@code door} argument. */
  static final String ALL_DOORS = "0";

  private static final int DETAIL_MAX = 300;

  private final Jdbc jdbc;
  private final Clock clock;

  CredentialPushes(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Sends {@code credential-<action>} to each controller door of {@code v}, records what each was
   * sent (or why not), and returns {@code v} with its pushes.
   */
  CredentialView push(CredentialView v, String action, DeviceCommands sender) {
    Instant now = clock.instant();
    List<Push> pushes = new ArrayList<>();
    targets(v.doors())
        .forEach(
            (device, doors) -> {
              for (String door : doors) {
                pushes.add(send(v, action, device, door, sender, now));
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
    return v.withPushes(of(List.of(v.id())).getOrDefault(v.id(), List.of()));
  }

  private static Push send(
      CredentialView v,
      String action,
      String device,
      String door,
      DeviceCommands sender,
      Instant now) {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("kind", v.kind());
    args.put("credential", v.credential());
    args.put("door", door);
    if (action.equals(ADD)) {
      args.put("from", Long.toString(v.validFrom().getEpochSecond()));
      args.put("to", v.validTo() == null ? "0" : Long.toString(v.validTo().getEpochSecond()));
    }
    try {
      DeviceCommand cmd = sender.send(device, "credential-" + action, args);
      return new Push(device, door, action, cmd.id(), "sent", null, now);
    } catch (ProblemException e) {
      return new Push(
          device,
          door,
          action,
          null,
          "failed",
          TextRules.clip(e.title() + ": " + e.detail(), DETAIL_MAX),
          now);
    }
  }

  /**
   * Controller → doors to tell, from {@code <device>} (all its doors: {@value #ALL_DOORS}) and
   * {@code <device>:<door>}; all doors of a controller cover its single doors.
   */
  static Map<String, SortedSet<String>> targets(List<String> doors) {
    Map<String, SortedSet<String>> byDevice = new LinkedHashMap<>();
    for (String d : doors) {
      int colon = d.indexOf(':');
      String device = colon < 0 ? d : d.substring(0, colon);
      byDevice
          .computeIfAbsent(device, k -> new TreeSet<>())
          .add(colon < 0 ? ALL_DOORS : d.substring(colon + 1));
    }
    byDevice
        .values()
        .forEach(set -> set.removeIf(n -> set.contains(ALL_DOORS) && !n.equals(ALL_DOORS)));
    return byDevice;
  }

  /** The pushes of these credentials, by credential id, newest action last. */
  Map<Long, List<Push>> of(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.read(
        c -> {
          Map<Long, List<Push>> out = new HashMap<>();
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
