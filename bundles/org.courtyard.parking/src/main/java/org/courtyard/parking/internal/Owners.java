package org.courtyard.parking.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.OwnerInput;
import org.courtyard.parking.internal.dto.OwnerView;
import org.courtyard.parking.internal.dto.SpaceView;

/**
 * The owners of sold spaces (产权车位), with their history. Recording a new owner from a day ends the
 * current owner's time on that day, in one transaction with the space's row locked, so two
 * recordings at once leave one chain; the exclusion constraint {@code
 * parking_space_owner_no_overlap} holds it in the database as well. Only spaces of kind {@code
 * owned} have owners. An owner may name the room whose monthly bills carry the space's management
 * fee ({@link RoomRents}).
 */
final class Owners {

  private static final Texts TEXTS = Texts.of(Owners.class);

  private static final String COLUMNS =
      "id, space_id, holder_name, holder_phone, since, until, note, recorded_at, room_id,"
          + " monthly_fee";

  private final Jdbc jdbc;
  private final Spaces spaces;
  private final BilledRooms rooms;

  Owners(Jdbc jdbc, Spaces spaces, BilledRooms rooms) {
    this.jdbc = jdbc;
    this.spaces = spaces;
    this.rooms = rooms;
  }

  /** The space's owners, the current one first. */
  List<OwnerView> history(DataScope scope, long spaceId) {
    return jdbc.read(
        c -> {
          spaces.find(c, scope, spaceId, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM parking_space_owner WHERE space_id = ? ORDER BY since DESC")) {
            ps.setLong(1, spaceId);
            List<OwnerView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(view(rs));
              }
            }
            return out;
          }
        });
  }

  /**
   * Records the space's new owner from {@code since}; the current owner's time ends that day. 409
   * {@code owner-since-order} when the day is not after the current owner's first day.
   */
  OwnerView record(DataScope scope, long spaceId, OwnerInput input, Long staffUser) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String name = TextRules.requiredLine(input.holderName(), "holderName", 100, errors);
    String phone = ParkingRules.phone(input.holderPhone(), errors);
    LocalDate since = TextRules.required(input.since(), "since", errors);
    if (since != null
        && (since.isBefore(ParkingRules.FIRST_DAY) || since.isAfter(ParkingRules.LAST_DAY))) {
      errors.add(
          "since", TEXTS.text("rules.start-range", ParkingRules.FIRST_DAY, ParkingRules.LAST_DAY));
    }
    String note = TextRules.optionalLine(input.note(), "note", 500, errors);
    BigDecimal fee = ParkingRules.billed(input.roomId(), input.monthlyFee(), "monthlyFee", errors);
    errors.throwIfAny();
    Long room = fee == null ? null : input.roomId();
    rooms.require(scope, room);
    return jdbc.transaction(
        c -> {
          SpaceView space = spaces.find(c, scope, spaceId, true);
          if (!"owned".equals(space.kind())) {
            throw TEXTS.problem(
                422,
                "space-not-owned",
                Map.of("spaceKind", space.kind()),
                "owner.not-owned",
                space.number(),
                space.kind());
          }
          OwnerView current = current(c, spaceId);
          if (current != null) {
            if (!since.isAfter(current.since())) {
              throw TEXTS.problem(
                  409,
                  "owner-since-order",
                  Map.of("currentSince", current.since().toString()),
                  "owner.since-order",
                  current.holderName(),
                  current.since());
            }
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE parking_space_owner SET until = ? WHERE id = ?")) {
              ps.setDate(1, Date.valueOf(since));
              ps.setLong(2, current.id());
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO parking_space_owner (space_id, holder_name, holder_phone, since,"
                      + " note, recorded_by, room_id, monthly_fee) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " RETURNING "
                      + COLUMNS)) {
            ps.setLong(1, spaceId);
            ps.setString(2, name);
            ps.setString(3, phone);
            ps.setDate(4, Date.valueOf(since));
            ps.setString(5, note);
            Jdbc.setLong(ps, 6, staffUser);
            Jdbc.setLong(ps, 7, room);
            ps.setBigDecimal(8, fee);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return view(rs);
            }
          }
        });
  }

  private static OwnerView current(Connection c, long spaceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM parking_space_owner WHERE space_id = ? AND until IS NULL")) {
      ps.setLong(1, spaceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? view(rs) : null;
      }
    }
  }

  private static OwnerView view(ResultSet rs) throws SQLException {
    Date until = rs.getDate(6);
    return new OwnerView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getDate(5).toLocalDate(),
        until == null ? null : until.toLocalDate(),
        rs.getString(7),
        rs.getTimestamp(8).toInstant(),
        Jdbc.getLong(rs, "room_id"),
        rs.getBigDecimal(10));
  }
}
