package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.courtyard.api.Plates;
import org.courtyard.api.Problems;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.CardInput;
import org.courtyard.parking.internal.dto.CardView;

/**
 * Monthly cards (月卡): a plate's right to enter a lot on a run of whole days, counted in the
 * module's zone. A card is written with its lot's row locked after looking for an active card of
 * the same plate in the lot sharing a day, so two cashiers selling the same days at once leave one
 * card and a 409 {@code card-overlaps} naming it. The holder is a resident of the residents module
 * (their name taken from there when none is given) or someone named on the card.
 */
final class Cards {

  private static final Texts TEXTS = Texts.of(Cards.class);
  private static final Text CARD = TEXTS.text("label.card");

  private static final String COLUMNS =
      "k.id, k.lot_id, l.name, l.estate_id, k.plate, k.person_id, k.holder_name, k.holder_phone,"
          + " k.first_day, k.last_day, k.state,"
          + " k.state = 'active' AND (now() AT TIME ZONE (SELECT time_zone FROM parking_settings))"
          + "::date BETWEEN k.first_day AND k.last_day,"
          + " k.cancel_reason, k.note, k.created_at, k.version";

  private static final String FROM = " FROM parking_card k JOIN parking_lot l ON l.id = k.lot_id";

  private final Jdbc jdbc;
  private final Lots lots;

  Cards(Jdbc jdbc, Lots lots) {
    this.jdbc = jdbc;
    this.lots = lots;
  }

  /** Cards of the lots in scope, by id; a plate filter is compared in its stored form. */
  Page<CardView> list(
      DataScope scope, Long lotId, String plate, String state, long afterId, int limit) {
    String stored = plate == null ? null : Plates.normalize(plate);
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + FROM
                      + " WHERE k.id > ? AND (?::bigint IS NULL OR k.lot_id = ?)"
                      + " AND (?::text IS NULL OR k.plate = ?) AND (?::text IS NULL OR k.state = ?)"
                      + " AND (? OR l.estate_id = ANY(?)) ORDER BY k.id LIMIT ?")) {
            int i = 1;
            ps.setLong(i++, afterId);
            Jdbc.setLong(ps, i++, lotId);
            Jdbc.setLong(ps, i++, lotId);
            ps.setString(i++, stored);
            ps.setString(i++, stored);
            ps.setString(i++, state);
            ps.setString(i++, state);
            ps.setBoolean(i++, scope.isAll());
            ps.setArray(i++, Jdbc.bigints(c, scope.estates()));
            ps.setInt(i, limit + 1);
            List<CardView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(view(rs));
              }
            }
            return Page.byId(rows, limit, CardView::id);
          }
        });
  }

  CardView get(DataScope scope, long id) {
    return jdbc.read(c -> find(c, scope, id));
  }

  /**
   * Sells a card. 422 {@code unknown-person} for a person the residents module does not know (or
   * when the company has none), 409 {@code card-overlaps} when the plate has an active card in the
   * lot on one of the days.
   *
   * @param residents the company's residents, or null when the residents bundle is not there
   */
  CardView create(
      DataScope scope,
      CardInput input,
      LongFunction<Optional<ResidentContacts.Contact>> residents,
      Long staffUser) {
    ParkingRules.Card v = ParkingRules.card(Objects.requireNonNull(input, "input"));
    String name = v.holderName();
    String phone = v.holderPhone();
    if (v.personId() != null) {
      ResidentContacts.Contact person =
          (residents == null
                  ? Optional.<ResidentContacts.Contact>empty()
                  : residents.apply(v.personId()))
              .orElseThrow(
                  () -> TEXTS.problem(422, "unknown-person", "card.unknown-person", v.personId()));
      // the residents module answers for the whole company: staff of some estates name the
      // holder themselves rather than read another estate's resident's contact through a card
      if (name == null && !scope.isAll()) {
        throw TEXTS.problem(422, "holder-name-needed", "card.holder-needed", v.personId());
      }
      if (scope.isAll()) {
        name = name == null ? person.fullName() : name;
        phone = phone == null ? person.phone() : phone;
      }
    }
    String holderName = name;
    String holderPhone = phone;
    return jdbc.transaction(
        c -> {
          // the lot's row lock orders every card written for it
          lots.find(c, scope, v.lotId(), true);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, first_day, last_day FROM parking_card WHERE plate = ? AND lot_id = ?"
                      + " AND state = 'active' AND first_day <= ? AND last_day >= ?"
                      + " ORDER BY first_day LIMIT 1")) {
            ps.setString(1, v.plate());
            ps.setLong(2, v.lotId());
            ps.setDate(3, Date.valueOf(v.lastDay()));
            ps.setDate(4, Date.valueOf(v.firstDay()));
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                throw TEXTS.problem(
                    409,
                    "card-overlaps",
                    Map.of(
                        "heldBy",
                        Map.of(
                            "cardId", rs.getLong(1),
                            "firstDay", rs.getDate(2).toString(),
                            "lastDay", rs.getDate(3).toString())),
                    "card.overlaps",
                    v.plate(),
                    rs.getDate(2).toString(),
                    rs.getDate(3).toString(),
                    rs.getLong(1));
              }
            }
          }
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO parking_card (lot_id, plate, person_id, holder_name, holder_phone,"
                      + " first_day, last_day, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " RETURNING id")) {
            int i = 1;
            ps.setLong(i++, v.lotId());
            ps.setString(i++, v.plate());
            Jdbc.setLong(ps, i++, v.personId());
            ps.setString(i++, holderName);
            ps.setString(i++, holderPhone);
            ps.setDate(i++, Date.valueOf(v.firstDay()));
            ps.setDate(i++, Date.valueOf(v.lastDay()));
            ps.setString(i++, v.note());
            Jdbc.setLong(ps, i, staffUser);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          return find(c, scope, id);
        });
  }

  /** Cancels an active card at the version read, with the reason; the card stays on record. */
  CardView cancel(DataScope scope, long id, CancelInput input) {
    ParkingRules.Cancel v = ParkingRules.cancel(Objects.requireNonNull(input, "input"));
    return jdbc.transaction(
        c -> {
          find(c, scope, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_card SET state = 'cancelled', cancel_reason = ?,"
                      + " updated_at = now(), version = version + 1"
                      + " WHERE id = ? AND version = ? AND state = 'active'")) {
            ps.setString(1, v.reason());
            ps.setLong(2, id);
            ps.setInt(3, v.version());
            if (ps.executeUpdate() == 0) {
              CardView now = find(c, scope, id);
              if (!"active".equals(now.state())) {
                throw TEXTS.problem(409, "wrong-state", "card.cancelled-already", id);
              }
              throw Problems.staleVersion(CARD, id, now.version(), v.version());
            }
          }
          return find(c, scope, id);
        });
  }

  private static CardView find(Connection c, DataScope scope, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE k.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(CARD, id);
        }
        CardView card = view(rs);
        if (!scope.covers(card.estateId(), null)) {
          throw Problems.notFound(CARD, id);
        }
        return card;
      }
    }
  }

  private static CardView view(ResultSet rs) throws SQLException {
    return new CardView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getObject(6, Long.class),
        rs.getString(7),
        rs.getString(8),
        rs.getDate(9).toLocalDate(),
        rs.getDate(10).toLocalDate(),
        rs.getString(11),
        rs.getBoolean(12),
        rs.getString(13),
        rs.getString(14),
        rs.getTimestamp(15).toInstant(),
        rs.getInt(16));
  }
}
