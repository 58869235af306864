package org.courtyard.parking.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Plates;
import org.courtyard.api.Problems;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.courtyard.parking.internal.dto.DecisionInput;
import org.courtyard.parking.internal.dto.GateInput;
import org.courtyard.parking.internal.dto.GateView;
import org.courtyard.parking.internal.dto.OccupancyView;
import org.courtyard.parking.internal.dto.PassageView;
import org.courtyard.parking.internal.gate.GateRules;
import org.courtyard.parking.internal.gate.GateRules.Decision;
import org.courtyard.parking.internal.gate.GateRules.Verdict;

/**
 * A lot's gates and the passages through them. A plate read by a gate's camera is decided in one
 * transaction with the lot's row locked (so two cars at two entrances never take the lot's last
 * temporary space both): the facts {@link GateRules} needs are read (lists in force now, a card
 * valid on the day in the module's zone, the temporary spaces taken, the entry of an exiting plate
 * and its fee by the lot's tariff), the passage is written with the decision and why, and an exit
 * that opens lets its entry out. The open command goes to the camera after the commit ({@link
 * ParkingGates}); what a person decides for a read the gate left to them is a passage's decision
 * too, with who and when.
 */
final class Gates {

  private static final Texts TEXTS = Texts.of(Gates.class);
  private static final Text GATE = TEXTS.text("label.gate");
  private static final Text PASSAGE = TEXTS.text("label.passage");
  private static final Pattern DEVICE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern LANE = Pattern.compile("\\S(.{0,15})");
  private static final Set<String> DIRECTIONS = Set.of("entry", "exit");
  private static final Set<String> DECISIONS = Set.of("open", "refuse");

  private static final String GATE_COLUMNS =
      "g.id, g.lot_id, g.device_id, g.lane, g.direction, g.name, g.created_at";

  private static final String PASSAGE_COLUMNS =
      "p.id, p.lot_id, p.gate_id, g.name, p.direction, p.plate, p.read_plate, p.colour,"
          + " p.confidence, p.snapshot, p.seen_at, p.decision, p.reason, p.card_id,"
          + " p.list_entry_id, p.entry_id, p.fee, p.inside, p.command_id, p.decided_by,"
          + " p.decided_at, p.note, l.estate_id";

  private static final String PASSAGE_FROM =
      " FROM parking_passage p JOIN parking_gate g ON g.id = p.gate_id"
          + " JOIN parking_lot l ON l.id = p.lot_id";

  /** A passage whose gate should open now: the camera and its lane. */
  record Opening(long passageId, String deviceId, String lane) {}

  /** A passage written, and the opening it asks for when its decision is to open. */
  record Handled(PassageView passage, Optional<Opening> opening) {}

  private final Jdbc jdbc;
  private final Lots lots;

  Gates(Jdbc jdbc, Lots lots) {
    this.jdbc = jdbc;
    this.lots = lots;
  }

  // ------------------------------------------------------------------------------- gates

  List<GateView> gates(DataScope scope, long lotId) {
    return jdbc.read(
        c -> {
          lots.find(c, scope, lotId, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + GATE_COLUMNS
                      + " FROM parking_gate g WHERE g.lot_id = ? ORDER BY g.id")) {
            ps.setLong(1, lotId);
            List<GateView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(gate(rs));
              }
            }
            return out;
          }
        });
  }

  /** A camera's lane becomes a gate of the lot; 409 {@code duplicate} when the lane is a gate. */
  GateView addGate(DataScope scope, GateInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long lotId = TextRules.required(input.lotId(), "lotId", errors);
    String device = TextRules.requiredLine(input.deviceId(), "deviceId", 64, errors);
    if (device != null && !DEVICE.matcher(device).matches()) {
      errors.add("deviceId", TEXTS.text("gate.device"));
    }
    String lane = TextRules.requiredLine(input.lane(), "lane", 16, errors);
    if (lane != null && !LANE.matcher(lane).matches()) {
      errors.add("lane", TEXTS.text("gate.lane"));
    }
    String direction = ParkingRules.oneOf(input.direction(), "direction", DIRECTIONS, null, errors);
    String name = TextRules.requiredLine(input.name(), "name", 100, errors);
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          lots.find(c, scope, lotId, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO parking_gate (lot_id, device_id, lane, direction, name)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, lane) DO NOTHING"
                      + " RETURNING "
                      + GATE_COLUMNS.replace("g.", ""))) {
            ps.setLong(1, lotId);
            ps.setString(2, device);
            ps.setString(3, lane);
            ps.setString(4, direction);
            ps.setString(5, name);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw TEXTS.problem(409, "duplicate", "gate.duplicate", lane, device);
              }
              return gate(rs);
            }
          }
        });
  }

  // ----------------------------------------------------------------------- plate reads

  /**
   * Decides a plate read of the camera {@code deviceId} and writes its passage; empty when the
   * read's lane is no gate of a lot (a camera over a road, or not yet set up).
   */
  Optional<Handled> read(String deviceId, PlateRead read, Instant received) {
    return jdbc.transaction(
        c -> {
          long gateId;
          long lotId;
          String direction;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, lot_id, direction FROM parking_gate WHERE device_id = ? AND lane = ?")) {
            ps.setString(1, deviceId);
            ps.setString(2, read.lane());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              gateId = rs.getLong(1);
              lotId = rs.getLong(2);
              direction = rs.getString(3);
            }
          }
          int minConfidence;
          int temporarySpaces;
          ZoneId zone;
          // the lot's row lock: entries and exits of one lot are decided one after another
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT min_confidence, temporary_spaces,"
                      + " (SELECT time_zone FROM parking_settings) FROM parking_lot"
                      + " WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              minConfidence = rs.getInt(1);
              temporarySpaces = rs.getInt(2);
              zone = ZoneId.of(rs.getString(3));
            }
          }
          String plate = stored(read.plate());
          Instant at = when(read.at(), received);
          // the gate says which way a lane goes; a camera set up the other way round does not
          // turn an exit into an entrance
          boolean entry = direction.equals("entry");
          Facts f = new Facts();
          Decision d;
          if (entry) {
            if (plate != null) {
              lists(c, lotId, plate, at, f);
              f.cardId = card(c, lotId, plate, LocalDate.ofInstant(at, zone));
              if (f.blackId == null && f.whiteId == null && f.cardId == null) {
                f.reservationId = Bookings.reservationFor(c, lotId, plate, at);
              }
            }
            int temporaryInside = temporaryInside(c, lotId);
            d =
                GateRules.entry(
                    new GateRules.Entry(
                        plate,
                        read.confidence(),
                        minConfidence,
                        f.blackId != null,
                        f.whiteId != null,
                        f.cardId != null,
                        f.reservationId != null,
                        temporarySpaces - temporaryInside));
            // a passage names the card or list entry that decided it, and nothing else
            f.keepOnly(d.reason());
          } else {
            Inside in = plate == null ? null : inside(c, lotId, plate);
            BigDecimal fee = null;
            boolean paidAhead = false;
            boolean pending = false;
            if (in != null && in.temporary) {
              // what is left to pay: the stay's fee less what was paid ahead, nothing within the
              // grace minutes of the last payment
              StayPayments.Stay stay = StayPayments.stay(c, in.id);
              paidAhead = stay.paid().signum() > 0;
              pending = StayPayments.pending(c, in.id);
              fee =
                  StayPayments.due(c, lotId, in.id, plate, in.seenAt, at, stay)
                      .map(StayPayments.Due::left)
                      .orElse(null);
              if (fee != null && fee.precision() - fee.scale() > FEE_DIGITS) {
                fee = null; // beyond what a passage holds: a person looks at this stay
              }
            }
            d =
                GateRules.exit(
                    new GateRules.Exit(
                        plate,
                        read.confidence(),
                        minConfidence,
                        in == null ? null : in.entered(),
                        fee,
                        paidAhead,
                        pending));
            f.entryId = in == null ? null : in.id;
            f.cardId = in == null ? null : in.cardId;
          }
          long id =
              insert(c, lotId, gateId, direction, plate, read, at, d, f, entry && plate != null);
          if (!entry && d.verdict() == Verdict.OPEN && f.entryId != null) {
            letOut(c, f.entryId);
          }
          if (f.reservationId != null) {
            Bookings.arrived(c, f.reservationId, at);
          } else if (entry && (f.cardId != null || f.whiteId != null)) {
            // a reserved visitor let in on a card or the white list has arrived all the same; a
            // temporary entry asked reservationFor already and found none, so it asks nothing more
            Bookings.arrivedBy(c, lotId, plate, at);
          }
          PassageView p = find(c, DataScope.ALL, id);
          return Optional.of(
              new Handled(
                  p,
                  d.verdict() == Verdict.OPEN
                      ? Optional.of(new Opening(id, deviceId, read.lane()))
                      : Optional.empty()));
        });
  }

  /** Digits before the point a passage's fee holds ({@code numeric(12, 2)}). */
  private static final int FEE_DIGITS = 10;

  /** A camera clock further off the gateway's than this is not believed. */
  private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

  /**
   * When a read happened: the camera's time, unless its clock is off the gateway's by more than
   * {@link #CLOCK_SKEW} (a camera whose clock reset to 1970 would otherwise decide on cards of
   * another day and price a stay of decades).
   */
  static Instant when(Instant camera, Instant received) {
    if (received == null) {
      return camera;
    }
    return java.time.Duration.between(camera, received).abs().compareTo(CLOCK_SKEW) > 0
        ? received
        : camera;
  }

  /** The facts a decision named, kept on its passage. */
  private static final class Facts {
    Long blackId;
    Long whiteId;
    Long cardId;
    Long entryId;

    /** The reservation the plate was let in on, whose arrival the passage notes. */
    Long reservationId;

    /** Keeps the card or list entry the decision went by; a read left to a person keeps none. */
    void keepOnly(String reason) {
      cardId = reason.equals("card") ? cardId : null;
      blackId = reason.equals("black-list") ? blackId : null;
      whiteId = reason.equals("white-list") ? whiteId : null;
      reservationId = reason.equals("reservation") ? reservationId : null;
    }
  }

  /** An entry whose vehicle is in the lot. */
  record Inside(long id, Instant seenAt, boolean temporary, Long cardId) {

    /** How it came in, as an exit's rule asks: on a temporary space, a card or the white list. */
    String entered() {
      return temporary ? "temporary" : cardId != null ? "card" : "white-list";
    }
  }

  private static String stored(String read) {
    if (read == null) {
      return null;
    }
    String s = Plates.normalize(read);
    return s.isEmpty() || s.length() > 16 ? null : s;
  }

  private static void lists(Connection c, long lotId, String plate, Instant at, Facts f)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, list FROM parking_list_entry WHERE plate = ?"
                + " AND (lot_id = ? OR lot_id IS NULL) AND removed_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > ?) ORDER BY lot_id NULLS LAST")) {
      ps.setString(1, plate);
      ps.setLong(2, lotId);
      ps.setTimestamp(3, Timestamp.from(at));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2).equals("black") && f.blackId == null) {
            f.blackId = rs.getLong(1);
          } else if (rs.getString(2).equals("white") && f.whiteId == null) {
            f.whiteId = rs.getLong(1);
          }
        }
      }
    }
  }

  private static Long card(Connection c, long lotId, String plate, LocalDate day)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM parking_card WHERE plate = ? AND lot_id = ? AND state = 'active'"
                + " AND first_day <= ? AND last_day >= ? ORDER BY id LIMIT 1")) {
      ps.setString(1, plate);
      ps.setLong(2, lotId);
      ps.setDate(3, Date.valueOf(day));
      ps.setDate(4, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static int temporaryInside(Connection c, long lotId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM parking_passage WHERE lot_id = ? AND inside AND temporary"
                + " AND reason <> 'reservation'")) {
      ps.setLong(1, lotId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static Inside inside(Connection c, long lotId, String plate) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, seen_at, temporary, card_id FROM parking_passage"
                + " WHERE lot_id = ? AND plate = ? AND inside ORDER BY seen_at DESC LIMIT 1")) {
      ps.setLong(1, lotId);
      ps.setString(2, plate);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new Inside(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getBoolean(3),
                rs.getObject(4, Long.class))
            : null;
      }
    }
  }

  private static long insert(
      Connection c,
      long lotId,
      long gateId,
      String direction,
      String plate,
      PlateRead read,
      Instant at,
      Decision d,
      Facts f,
      boolean entering)
      throws SQLException {
    boolean inside = entering && d.verdict() == Verdict.OPEN;
    if (inside) {
      // a vehicle read in again without its exit (a missed read, or tailgating out) is out now
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE parking_passage SET inside = false WHERE lot_id = ? AND plate = ? AND inside")) {
        ps.setLong(1, lotId);
        ps.setString(2, plate);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO parking_passage (lot_id, gate_id, direction, plate, read_plate, colour,"
                + " confidence, snapshot, seen_at, decision, reason, card_id, list_entry_id,"
                + " entry_id, fee, inside, temporary) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      int i = 1;
      ps.setLong(i++, lotId);
      ps.setLong(i++, gateId);
      ps.setString(i++, direction);
      ps.setString(i++, plate);
      // another vendor's driver may send more than the columns hold: the read is kept, clipped
      ps.setString(i++, clip(read.plate(), 16));
      ps.setString(
          i++,
          read.colour() == null ? null : read.colour().name().toLowerCase(java.util.Locale.ROOT));
      ps.setInt(i++, read.confidence());
      ps.setString(i++, clip(read.snapshot(), 200));
      ps.setTimestamp(i++, Timestamp.from(at));
      ps.setString(i++, d.verdict().code());
      ps.setString(i++, d.reason());
      Jdbc.setLong(ps, i++, f.cardId);
      Jdbc.setLong(ps, i++, f.blackId != null ? f.blackId : f.whiteId);
      Jdbc.setLong(ps, i++, f.entryId);
      ps.setBigDecimal(i++, d.fee());
      ps.setBoolean(i++, inside);
      ps.setBoolean(i, inside && d.temporary());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String clip(String s, int max) {
    return s == null || s.codePointCount(0, s.length()) <= max
        ? s
        : s.substring(0, s.offsetByCodePoints(0, max));
  }

  /** Whether the entry's vehicle is still counted inside its lot. */
  static boolean stillInside(Connection c, long entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT inside FROM parking_passage WHERE id = ?")) {
      ps.setLong(1, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  static void letOut(Connection c, long entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE parking_passage SET inside = false WHERE id = ?")) {
      ps.setLong(1, entryId);
      ps.executeUpdate();
    }
    // the visitor time and coupons this stay was priced with are used up
    Discounts.useUp(c, entryId);
  }

  /** Notes the open command the camera was sent for the passage. */
  void commandSent(long passageId, long commandId) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE parking_passage SET command_id = ? WHERE id = ?")) {
            ps.setLong(1, commandId);
            ps.setLong(2, passageId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  // ------------------------------------------------------------------------ a person decides

  /**
   * A guard's decision for a read the gate left to a person: open (an entry's vehicle is then
   * inside, on a temporary space unless a card or list said otherwise; an exit lets its entry out)
   * or refuse, with a note. 409 {@code wrong-state} for a passage that is not waiting.
   */
  Handled decide(DataScope scope, long id, DecisionInput input, Long staffUser) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String decision = ParkingRules.oneOf(input.decision(), "decision", DECISIONS, null, errors);
    String note = TextRules.optionalLine(input.note(), "note", 500, errors);
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          PassageView p = find(c, scope, id);
          ZoneId zone = lockLot(c, p.lotId());
          boolean open = decision.equals("open");
          boolean entering = open && p.direction().equals("entry") && p.plate() != null;
          boolean temporary = false;
          Facts f = new Facts();
          if (entering) {
            // a card holder or white-listed plate the guard let in is no temporary stay
            lists(c, p.lotId(), p.plate(), Instant.now(), f);
            f.cardId = card(c, p.lotId(), p.plate(), LocalDate.now(zone));
            temporary = f.cardId == null && f.whiteId == null;
            Bookings.arrivedBy(c, p.lotId(), p.plate(), Instant.now());
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE parking_passage SET inside = false"
                        + " WHERE lot_id = ? AND plate = ? AND inside")) {
              ps.setLong(1, p.lotId());
              ps.setString(2, p.plate());
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_passage SET decision = ?, decided_by = ?, decided_at = now(),"
                      + " note = ?, inside = ?, temporary = ?,"
                      + " card_id = coalesce(?, card_id), list_entry_id = coalesce(?, list_entry_id)"
                      + " WHERE id = ? AND decision = 'guard' AND decided_at IS NULL")) {
            ps.setString(1, decision);
            Jdbc.setLong(ps, 2, staffUser);
            ps.setString(3, note);
            ps.setBoolean(4, entering);
            ps.setBoolean(5, temporary);
            Jdbc.setLong(ps, 6, entering && !temporary ? f.cardId : null);
            Jdbc.setLong(ps, 7, entering && f.cardId == null ? f.whiteId : null);
            ps.setLong(8, id);
            if (ps.executeUpdate() == 0) {
              PassageView now = find(c, scope, id);
              throw TEXTS.problem(409, "wrong-state", "passage.not-waiting", id, now.decision());
            }
          }
          if (open && p.direction().equals("exit") && p.entryId() != null) {
            letOut(c, p.entryId());
          }
          PassageView after = find(c, scope, id);
          return new Handled(after, open ? Optional.of(opening(c, p)) : Optional.empty());
        });
  }

  /**
   * A vehicle the lot counts inside that is not there (its exit was misread, or its gate did not
   * open after all) is let out by hand, with a note: it no longer takes a temporary space. 409
   * {@code wrong-state} for a passage that is not an entry inside.
   */
  PassageView out(DataScope scope, long id, String rawNote, Long staffUser) {
    FieldErrors errors = new FieldErrors();
    String note = TextRules.requiredLine(rawNote, "note", 500, errors);
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          PassageView p = find(c, scope, id);
          lockLot(c, p.lotId());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_passage SET inside = false, note = ?, decided_by ="
                      + " coalesce(decided_by, ?) WHERE id = ? AND inside")) {
            ps.setString(1, note);
            Jdbc.setLong(ps, 2, staffUser);
            ps.setLong(3, id);
            if (ps.executeUpdate() == 0) {
              throw TEXTS.problem(409, "wrong-state", "passage.not-inside", id);
            }
          }
          return find(c, scope, id);
        });
  }

  /** Locks the lot's row (entries and exits of a lot one after another); its zone. */
  static ZoneId lockLot(Connection c, long lotId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT time_zone FROM parking_settings) FROM parking_lot WHERE id = ?"
                + " FOR UPDATE")) {
      ps.setLong(1, lotId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(TEXTS.text("label.lot"), lotId);
        }
        return ZoneId.of(rs.getString(1));
      }
    }
  }

  static Opening opening(Connection c, PassageView p) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT device_id, lane FROM parking_gate WHERE id = ?")) {
      ps.setLong(1, p.gateId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Opening(p.id(), rs.getString(1), rs.getString(2));
      }
    }
  }

  GateView gate(DataScope scope, long id) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + GATE_COLUMNS
                      + ", l.estate_id FROM parking_gate g"
                      + " JOIN parking_lot l ON l.id = g.lot_id WHERE g.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || !scope.covers(rs.getLong(8), null)) {
                throw Problems.notFound(GATE, id);
              }
              return gate(rs);
            }
          }
        });
  }

  // ---------------------------------------------------------------------------- reading

  /** Passages of the lots in scope, newest first; {@code waiting} only those for a person. */
  Page<PassageView> passages(
      DataScope scope, Long lotId, String plate, boolean waiting, long beforeId, int limit) {
    return jdbc.read(
        c ->
            LotPages.newestFirst(
                c,
                "SELECT " + PASSAGE_COLUMNS + PASSAGE_FROM,
                "p",
                waiting ? "p.decision = 'guard' AND p.decided_at IS NULL" : null,
                scope,
                lotId,
                plate,
                beforeId,
                limit,
                Gates::passage,
                PassageView::id));
  }

  PassageView get(DataScope scope, long id) {
    return jdbc.read(c -> find(c, scope, id));
  }

  OccupancyView occupancy(DataScope scope, long lotId) {
    return jdbc.read(
        c -> {
          int spaces = lots.find(c, scope, lotId, false).temporarySpaces();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FILTER (WHERE inside), count(*) FILTER (WHERE inside AND"
                      + " temporary AND reason <> 'reservation'), count(*) FILTER (WHERE decision = 'guard' AND decided_at IS"
                      + " NULL) FROM parking_passage WHERE lot_id = ?"
                      + " AND (inside OR (decision = 'guard' AND decided_at IS NULL))")) {
            ps.setLong(1, lotId);
            int inside;
            int temporary;
            int waiting;
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              inside = rs.getInt(1);
              temporary = rs.getInt(2);
              waiting = rs.getInt(3);
            }
            // the spaces sensors watch: free when their latest reading says so and in service
            try (PreparedStatement sensed =
                c.prepareStatement(
                    "SELECT count(*), count(*) FILTER (WHERE occupied IS FALSE"
                        + " AND state = 'in_service') FROM parking_space"
                        + " WHERE lot_id = ? AND sensor_device_id IS NOT NULL")) {
              sensed.setLong(1, lotId);
              try (ResultSet rs = sensed.executeQuery()) {
                rs.next();
                return new OccupancyView(
                    lotId,
                    inside,
                    spaces,
                    temporary,
                    Math.max(0, spaces - temporary),
                    waiting,
                    rs.getInt(1),
                    rs.getInt(2));
              }
            }
          }
        });
  }

  static PassageView find(Connection c, DataScope scope, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + PASSAGE_COLUMNS + PASSAGE_FROM + " WHERE p.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !scope.covers(rs.getLong(23), null)) {
          throw Problems.notFound(PASSAGE, id);
        }
        return passage(rs);
      }
    }
  }

  private static GateView gate(ResultSet rs) throws SQLException {
    return new GateView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant());
  }

  private static PassageView passage(ResultSet rs) throws SQLException {
    Timestamp decided = rs.getTimestamp(21);
    return new PassageView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getInt(9),
        rs.getString(10),
        rs.getTimestamp(11).toInstant(),
        rs.getString(12),
        rs.getString(13),
        rs.getObject(14, Long.class),
        rs.getObject(15, Long.class),
        rs.getObject(16, Long.class),
        rs.getBigDecimal(17),
        rs.getBoolean(18),
        rs.getObject(19, Long.class),
        rs.getObject(20, Long.class),
        decided == null ? null : decided.toInstant(),
        rs.getString(22));
  }
}
