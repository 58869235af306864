package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.courtyard.api.Plates;
import org.courtyard.api.Problems;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.parking.internal.dto.ListEntryInput;
import org.courtyard.parking.internal.dto.ListEntryView;

/**
 * The white and black lists: a plate always let in (staff, emergency services) or never, in one lot
 * or in every lot of the company. A plate has one entry in force per lot, or company-wide, on
 * either list (the partial unique index of V4): putting it on the other list means removing the
 * first entry, on purpose. An entry past its expiry no longer counts and makes way for a new one.
 * Company-wide entries are seen by everyone who may read the lists and written only by staff whose
 * scope is the whole company.
 */
final class ListEntries {

  private static final Texts TEXTS = Texts.of(ListEntries.class);
  private static final Text ENTRY = TEXTS.text("label.list-entry");

  private static final String COLUMNS =
      "e.id, e.list, e.plate, e.lot_id, l.name, e.reason, e.expires_at,"
          + " e.removed_at IS NULL AND (e.expires_at IS NULL OR e.expires_at > now()),"
          + " e.created_by, e.created_at, e.removed_at, l.estate_id";

  private static final String FROM =
      " FROM parking_list_entry e LEFT JOIN parking_lot l ON l.id = e.lot_id";

  private final Jdbc jdbc;
  private final Lots lots;
  private final Clock clock;

  ListEntries(Jdbc jdbc, Lots lots, Clock clock) {
    this.jdbc = jdbc;
    this.lots = lots;
    this.clock = clock;
  }

  /**
   * Entries not removed, of the lots in scope and company-wide, by id; filters list, plate (in its
   * stored form) and lotId (that lot's entries and the company-wide ones, which hold there too).
   */
  Page<ListEntryView> list(
      DataScope scope, String list, String plate, Long lotId, long afterId, int limit) {
    String stored = plate == null ? null : Plates.normalize(plate);
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + FROM
                      + " WHERE e.id > ? AND e.removed_at IS NULL"
                      + " AND (?::text IS NULL OR e.list = ?) AND (?::text IS NULL OR e.plate = ?)"
                      + " AND (?::bigint IS NULL OR e.lot_id = ? OR e.lot_id IS NULL)"
                      + " AND (e.lot_id IS NULL OR ? OR l.estate_id = ANY(?))"
                      + " ORDER BY e.id LIMIT ?")) {
            int i = 1;
            ps.setLong(i++, afterId);
            ps.setString(i++, list);
            ps.setString(i++, list);
            ps.setString(i++, stored);
            ps.setString(i++, stored);
            Jdbc.setLong(ps, i++, lotId);
            Jdbc.setLong(ps, i++, lotId);
            ps.setBoolean(i++, scope.isAll());
            ps.setArray(i++, Jdbc.bigints(c, scope.estates()));
            ps.setInt(i, limit + 1);
            List<ListEntryView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(view(rs));
              }
            }
            return Page.byId(rows, limit, ListEntryView::id);
          }
        });
  }

  ListEntryView get(DataScope scope, long id) {
    return jdbc.read(c -> find(c, scope, id));
  }

  /**
   * Puts a plate on a list. 403 for a company-wide entry by staff of some estates, 404 for a lot
   * outside the scope, 409 {@code already-listed} naming the entry in force for the plate there.
   */
  ListEntryView create(DataScope scope, ListEntryInput input, Long staffUser) {
    ParkingRules.ListEntry v =
        ParkingRules.listEntry(Objects.requireNonNull(input, "input"), clock.instant());
    if (v.lotId() == null && !scope.isAll()) {
      throw Problems.outsideScope(TEXTS.text("list.scope-change"), TEXTS.text("list.scope-needed"));
    }
    return jdbc.transaction(
        c -> {
          if (v.lotId() != null) {
            lots.find(c, scope, v.lotId(), false);
          }
          // an expired entry makes way: it is removed as of its expiry
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_list_entry SET removed_at = expires_at WHERE plate = ?"
                      + " AND lot_id IS NOT DISTINCT FROM ? AND removed_at IS NULL"
                      + " AND expires_at <= now()")) {
            ps.setString(1, v.plate());
            Jdbc.setLong(ps, 2, v.lotId());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO parking_list_entry (list, plate, lot_id, reason, expires_at,"
                      + " created_by) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (plate, coalesce(lot_id, 0)) WHERE removed_at IS NULL"
                      + " DO NOTHING RETURNING id")) {
            ps.setString(1, v.list());
            ps.setString(2, v.plate());
            Jdbc.setLong(ps, 3, v.lotId());
            ps.setString(4, v.reason());
            ps.setTimestamp(5, v.expiresAt() == null ? null : Timestamp.from(v.expiresAt()));
            Jdbc.setLong(ps, 6, staffUser);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                return find(c, scope, rs.getLong(1));
              }
            }
          }
          throw listed(c, v);
        });
  }

  /** Removes an entry in force; 404 when there is none the caller may change. */
  void remove(DataScope scope, long id, Long staffUser) {
    jdbc.transaction(
        c -> {
          ListEntryView e = find(c, scope, id);
          if (e.lotId() == null && !scope.isAll()) {
            throw Problems.outsideScope(
                TEXTS.text("list.scope-change"), TEXTS.text("list.scope-needed"));
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_list_entry SET removed_at = now(), removed_by = ?"
                      + " WHERE id = ? AND removed_at IS NULL")) {
            Jdbc.setLong(ps, 1, staffUser);
            ps.setLong(2, id);
            if (ps.executeUpdate() == 0) {
              throw Problems.notFound(ENTRY, id);
            }
          }
          return null;
        });
  }

  private static RuntimeException listed(Connection c, ParkingRules.ListEntry v)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, list FROM parking_list_entry WHERE plate = ?"
                + " AND lot_id IS NOT DISTINCT FROM ? AND removed_at IS NULL")) {
      ps.setString(1, v.plate());
      Jdbc.setLong(ps, 2, v.lotId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          // removed between the insert and this read: the caller may simply try again
          return TEXTS.problem(409, "already-listed", "list.listed-meanwhile", v.plate());
        }
        Map<String, Object> held = Map.of("entryId", rs.getLong(1), "list", rs.getString(2));
        return "white".equals(rs.getString(2))
            ? TEXTS.problem(409, "already-listed", held, "list.on-white", v.plate(), rs.getLong(1))
            : TEXTS.problem(409, "already-listed", held, "list.on-black", v.plate(), rs.getLong(1));
      }
    }
  }

  private static ListEntryView find(Connection c, DataScope scope, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + FROM + " WHERE e.id = ? AND e.removed_at IS NULL")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(ENTRY, id);
        }
        ListEntryView e = view(rs);
        long estate = rs.getLong(12);
        if (e.lotId() != null && !scope.covers(estate, null)) {
          throw Problems.notFound(ENTRY, id);
        }
        return e;
      }
    }
  }

  private static ListEntryView view(ResultSet rs) throws SQLException {
    Timestamp expires = rs.getTimestamp(7);
    Timestamp removed = rs.getTimestamp(11);
    return new ListEntryView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getObject(4, Long.class),
        rs.getString(5),
        rs.getString(6),
        expires == null ? null : expires.toInstant(),
        rs.getBoolean(8),
        rs.getObject(9, Long.class),
        rs.getTimestamp(10).toInstant(),
        removed == null ? null : removed.toInstant());
  }
}
