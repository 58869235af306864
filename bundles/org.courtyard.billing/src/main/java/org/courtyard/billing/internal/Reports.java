package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.billing.internal.calc.Aging;
import org.courtyard.billing.internal.dto.ArrearsView;
import org.courtyard.billing.internal.dto.BillLineView;
import org.courtyard.billing.internal.dto.BillView;
import org.courtyard.billing.internal.dto.CollectionStats;
import org.courtyard.billing.internal.dto.LedgerCheck;
import org.courtyard.billing.internal.dto.LedgerTxView;
import org.courtyard.billing.internal.dto.PaymentView;
import org.courtyard.billing.internal.dto.RefundView;
import org.courtyard.billing.internal.dto.ReminderView;
import org.courtyard.billing.internal.dto.StatementView;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * Read-only views: bills, the ledger, arrears, statements and collection statistics, each of what
 * the caller's {@link DataScope} covers: bills by their own estate and building, a room's statement
 * by the room's place in estate, a ledger transaction and the ledger check by the place of their
 * room's account.
 */
final class Reports {

  private static final Texts TEXTS = Texts.of(Reports.class);

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Catalog catalog;
  private final EstateDirectory estate;
  private final RoomLabels labels;
  private final Clock clock;

  Reports(TenantSlug tenant, Jdbc jdbc, Catalog catalog, EstateDirectory estate, Clock clock) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.estate = estate;
    this.labels = new RoomLabels(tenant, estate);
    this.clock = clock;
  }

  // ----------------------------------------------------------------------------------- bills

  private static final String BILL_COLUMNS =
      "id, room_id, building_id, period, kind, total, paid, currency, status, due_date, tx_id,"
          + " created_at";
  private static final String BILL_SELECT = "SELECT " + BILL_COLUMNS + " FROM bill";

  /**
   * @throws org.courtyard.api.ProblemException 404 {@code not-found} for a bill that does not exist
   *     or is outside the scope, alike
   */
  BillView bill(long id, DataScope scope) {
    BillView bill =
        jdbc.read(
            c -> {
              List<BillView> bills =
                  bills(
                      c,
                      BILL_SELECT + " WHERE id = ?" + Scopes.and(scope, ""),
                      ps -> {
                        ps.setLong(1, id);
                        Scopes.bind(c, ps, 2, scope);
                      });
              if (bills.isEmpty()) {
                throw Problems.notFound(TEXTS.text("label.bill"), id);
              }
              return bills.get(0);
            });
    return bill.labelled(roomLabel(bill.roomId()));
  }

  /**
   * A page of the bills in scope, by id; a narrow scope's is read by {@link Scopes#page}. The
   * rooms' labels are asked of estate once for the page ({@link RoomLabels}), after the page is
   * read.
   */
  Page<BillView> listBills(
      Long roomId,
      Long buildingId,
      String period,
      String status,
      long after,
      int limit,
      DataScope scope) {
    StringBuilder where = new StringBuilder("id > ?");
    List<Object> params = new ArrayList<>(List.of(after));
    if (roomId != null) {
      where.append(" AND room_id = ?");
      params.add(roomId);
    }
    if (buildingId != null) {
      where.append(" AND building_id = ?");
      params.add(buildingId);
    }
    if (period != null) {
      where.append(" AND period = ?");
      params.add(period);
    }
    if (status != null) {
      where.append(" AND status = ?");
      params.add(status);
    }
    Page<BillView> page =
        jdbc.read(
            c -> {
              List<BillView> items =
                  scope.isAll()
                      ? bills(
                          c,
                          BILL_SELECT + " WHERE " + where + " ORDER BY id LIMIT " + (limit + 1),
                          ps -> Scopes.set(ps, 1, params))
                      : bills(
                          c,
                          Scopes.page(BILL_COLUMNS, "bill", where.toString(), "id", limit + 1),
                          ps -> Scopes.bindPage(c, ps, scope, params));
              String next = null;
              if (items.size() > limit) {
                items = items.subList(0, limit);
                next = Cursor.encode(items.get(limit - 1).id());
              }
              return new Page<>(items, next);
            });
    Map<Long, String> byRoom = labels.of(page.items.stream().map(BillView::roomId).toList());
    return new Page<>(
        page.items.stream().map(b -> b.labelled(byRoom.get(b.roomId()))).toList(), page.nextCursor);
  }

  /**
   * The bills {@code sql} selects ({@link #BILL_COLUMNS}, in that order), with their lines.
   *
   * @param parameters binds the query's parameters
   */
  private static List<BillView> bills(Connection c, String sql, Scopes.Binder parameters)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      parameters.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Object[] {
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                rs.getString(8),
                rs.getString(9),
                rs.getDate(10).toLocalDate(),
                rs.getObject(11),
                Jdbc.instant(rs.getTimestamp(12))
              });
        }
      }
    }
    Map<Long, List<BillLineView>> lines = new LinkedHashMap<>();
    if (!rows.isEmpty()) {
      List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
      try (PreparedStatement ps =
          c.prepareStatement(
              // a join with the page's ids rather than bill_id = ANY(?): the planner then looks
              // each bill's lines up in the key whatever its statistics say; right after a run
              // wrote a period's lines, with no statistics yet, ANY took a scan of every line
              "SELECT l.bill_id, l.fee_item_id, l.fee_code, l.fee_name, l.quantity, l.unit_price,"
                  + " l.months, l.days_effective, l.days_in_cycle, l.calculated, l.amount"
                  + " FROM unnest(?::bigint[]) AS p(id) JOIN bill_line l ON l.bill_id = p.id"
                  + " ORDER BY l.bill_id, l.line")) {
        ps.setArray(1, Jdbc.bigints(c, ids));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(
                    new BillLineView(
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11)));
          }
        }
      }
    }
    List<BillView> result = new ArrayList<>();
    for (Object[] r : rows) {
      BigDecimal total = (BigDecimal) r[5];
      BigDecimal paid = (BigDecimal) r[6];
      String status = (String) r[8];
      BigDecimal outstanding = "cancelled".equals(status) ? ZERO : total.subtract(paid);
      result.add(
          new BillView(
              (Long) r[0],
              (Long) r[1],
              null,
              (Long) r[2],
              (String) r[3],
              (String) r[4],
              total,
              paid,
              outstanding,
              (String) r[7],
              status,
              (LocalDate) r[9],
              (UUID) r[10],
              (java.time.Instant) r[11],
              lines.getOrDefault((Long) r[0], List.of())));
    }
    return result;
  }

  // ---------------------------------------------------------------------------------- ledger

  /**
   * @throws org.courtyard.api.ProblemException 404 {@code not-found} for a transaction that does
   *     not exist or whose room is outside the scope, alike
   */
  LedgerTxView transaction(UUID txId, DataScope scope) {
    return jdbc.read(
        c -> {
          LedgerTxView tx = Ledger.find(c, txId);
          if (tx == null || !Ledger.inScope(c, tx.roomId(), scope)) {
            throw Problems.notFound(TEXTS.text("label.ledger-tx"), txId);
          }
          return tx;
        });
  }

  /** The check of the entries of the rooms in scope (all of them for the whole company). */
  LedgerCheck ledgerCheck(String period, DataScope scope) {
    if (period != null) {
      Periods.parse(period);
    }
    return jdbc.read(c -> Ledger.check(c, period, scope));
  }

  // --------------------------------------------------------------------------------- arrears

  private record RoomDues(long roomId, long buildingId, List<Aging.Due> dues) {}

  /**
   * One page of the rooms in scope with something past due on {@code asOf}, in room id order, and
   * the total past due over all rooms in scope. Rooms are picked in SQL (open bills due before
   * {@code asOf}, in the order of index {@code bill_room_idx}) and aged here, so a page ages its
   * own rooms only.
   */
  ArrearsView arrears(LocalDate asOf, long afterRoom, int limit, DataScope scope) {
    Catalog.Settings settings = catalog.settings();
    return jdbc.read(
        c -> {
          List<Long> ids = new ArrayList<>();
          // a narrow scope's rooms come from their accounts, read from the (estate_id, room_id)
          // and (building_id, room_id) indexes: the bills' room order would walk every other
          // estate's bills first
          List<Object> params = List.of(afterRoom, Date.valueOf(asOf));
          try (PreparedStatement ps =
              c.prepareStatement(
                  scope.isAll()
                      ? "SELECT DISTINCT room_id FROM bill WHERE status = 'open' AND due_date < ?"
                          + " AND room_id > ? ORDER BY room_id LIMIT ?"
                      : Scopes.page(
                          "room_id",
                          "room_account",
                          "room_id > ? AND EXISTS (SELECT 1 FROM bill b"
                              + " WHERE b.room_id = room_account.room_id AND b.status = 'open'"
                              + " AND b.due_date < ?)",
                          "room_id",
                          limit + 1))) {
            if (scope.isAll()) {
              ps.setDate(1, Date.valueOf(asOf));
              ps.setLong(2, afterRoom);
              ps.setInt(3, limit + 1);
            } else {
              Scopes.bindPage(c, ps, scope, params);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          String next = null;
          if (ids.size() > limit) {
            ids = ids.subList(0, limit);
            next = Cursor.encode(ids.get(limit - 1));
          }
          List<ArrearsView.RoomArrears> rooms = new ArrayList<>();
          for (RoomDues r : openDues(c, asOf, ids, scope)) {
            Optional<Aging.Buckets> aged = Aging.age(r.dues(), asOf);
            if (aged.isPresent()) {
              Aging.Buckets b = aged.get();
              rooms.add(
                  new ArrearsView.RoomArrears(
                      r.roomId(),
                      r.buildingId(),
                      b.total(),
                      b.oldestDueDate(),
                      b.maxDaysPastDue(),
                      b.days0to30(),
                      b.days31to90(),
                      b.days90plus()));
            }
          }
          BigDecimal total = ZERO;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(total - paid), 0) FROM bill"
                      + " WHERE status = 'open' AND due_date < ?"
                      + Scopes.and(scope, ""))) {
            ps.setDate(1, Date.valueOf(asOf));
            Scopes.bind(c, ps, 2, scope);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getBigDecimal(1).setScale(2, RoundingMode.UNNECESSARY);
            }
          }
          return new ArrearsView(asOf, settings.currency(), total, rooms, next);
        });
  }

  /**
   * One page of the rooms in scope to remind, largest outstanding first, then by room id. The order
   * is by an amount, so the cursor is a {@link ReminderCursor} of (outstanding, room id) rather
   * than an id; the ordering itself happens in SQL over the rooms' past-due sums.
   */
  ReminderView reminders(LocalDate asOfOrNull, ReminderCursor after, int limit, DataScope scope) {
    Catalog.Settings settings = catalog.settings();
    LocalDate asOf =
        asOfOrNull != null ? asOfOrNull : LocalDate.now(clock.withZone(settings.zone()));
    return jdbc.read(
        c -> {
          List<Long> ids = new ArrayList<>();
          List<BigDecimal> amounts = new ArrayList<>();
          // past due: due_date < asOf; more than 30 days past due: due_date < asOf - 30 (Aging)
          String sql =
              "SELECT room_id, SUM(total - paid) AS outstanding FROM bill"
                  + " WHERE status = 'open' AND due_date < ?"
                  + Scopes.and(scope, "")
                  + " GROUP BY room_id"
                  + " HAVING COUNT(*) FILTER (WHERE due_date < ?) > 0"
                  + (after == null
                      ? ""
                      : " AND (SUM(total - paid) < ?"
                          + " OR (SUM(total - paid) = ? AND room_id > ?))")
                  + " ORDER BY outstanding DESC, room_id LIMIT ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setDate(i++, Date.valueOf(asOf));
            i = Scopes.bind(c, ps, i, scope);
            ps.setDate(i++, Date.valueOf(asOf.minusDays(30)));
            if (after != null) {
              ps.setBigDecimal(i++, after.outstanding());
              ps.setBigDecimal(i++, after.outstanding());
              ps.setLong(i++, after.roomId());
            }
            ps.setInt(i, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
                amounts.add(rs.getBigDecimal(2));
              }
            }
          }
          String next = null;
          if (ids.size() > limit) {
            ids = ids.subList(0, limit);
            next = new ReminderCursor(amounts.get(limit - 1), ids.get(limit - 1)).encode();
          }
          Map<Long, RoomDues> dues = new LinkedHashMap<>();
          for (RoomDues r : openDues(c, asOf, ids, scope)) {
            dues.put(r.roomId(), r);
          }
          List<ReminderView.Reminder> rooms = new ArrayList<>();
          for (long id : ids) {
            RoomDues r = dues.get(id);
            Optional<Aging.Buckets> aged = r == null ? Optional.empty() : Aging.age(r.dues(), asOf);
            if (aged.isPresent() && aged.get().over30().signum() > 0) {
              Aging.Buckets b = aged.get();
              String label = estate.room(tenant, id).map(s -> s.label).orElse(null);
              rooms.add(
                  new ReminderView.Reminder(
                      id,
                      label,
                      r.buildingId(),
                      b.total(),
                      b.over30(),
                      b.oldestDueDate(),
                      b.maxDaysPastDue()));
            }
          }
          return new ReminderView(asOf, settings.currency(), rooms, next);
        });
  }

  /**
   * Open bills of these rooms due before {@code asOf}, in scope, grouped by room in room order;
   * outstanding as it is now.
   */
  private static List<RoomDues> openDues(
      Connection c, LocalDate asOf, List<Long> roomIds, DataScope scope) throws SQLException {
    Map<Long, RoomDues> byRoom = new LinkedHashMap<>();
    if (roomIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT room_id, building_id, due_date, total - paid FROM bill"
                + " WHERE status = 'open' AND due_date < ? AND room_id = ANY(?)"
                + Scopes.and(scope, "")
                + " ORDER BY room_id, due_date, id")) {
      ps.setDate(1, Date.valueOf(asOf));
      ps.setArray(2, Jdbc.bigints(c, roomIds));
      Scopes.bind(c, ps, 3, scope);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long room = rs.getLong(1);
          RoomDues r = byRoom.get(room);
          if (r == null) {
            r = new RoomDues(room, rs.getLong(2), new ArrayList<>());
            byRoom.put(room, r);
          }
          r.dues().add(new Aging.Due(rs.getDate(3).toLocalDate(), rs.getBigDecimal(4)));
        }
      }
    }
    return new ArrayList<>(byRoom.values());
  }

  // ------------------------------------------------------------------------------ statement

  /**
   * The statement of a room: all its bills, payments and refunds. A caller of some estates or
   * buildings gets the statements of their rooms only, judged by where estate has the room.
   *
   * @throws org.courtyard.api.ProblemException 404 {@code not-found} for a room neither estate nor
   *     billing knows, or outside the scope, alike
   */
  StatementView statement(long roomId, DataScope scope) {
    Catalog.Settings settings = catalog.settings();
    Optional<RoomSummary> room = estate.room(tenant, roomId);
    if (!scope.isAll() && room.filter(r -> Scopes.covers(scope, r)).isEmpty()) {
      throw Problems.notFound(TEXTS.text("label.room"), roomId);
    }
    return jdbc.read(
        c -> {
          List<BillView> bills =
              bills(
                  c,
                  BILL_SELECT + " WHERE room_id = ? ORDER BY period, id",
                  ps -> ps.setLong(1, roomId));
          List<PaymentView> payments = payments(c, roomId, settings.currency());
          List<RefundView> refunds = refunds(c, roomId, settings.currency());
          if (room.isEmpty() && bills.isEmpty() && payments.isEmpty()) {
            throw Problems.notFound(TEXTS.text("label.room"), roomId);
          }
          BigDecimal prepayment = ZERO;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT prepayment FROM room_account WHERE room_id = ?")) {
            ps.setLong(1, roomId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                prepayment = rs.getBigDecimal(1);
              }
            }
          }
          BigDecimal billed = ZERO;
          BigDecimal paid = ZERO;
          BigDecimal outstanding = ZERO;
          for (BillView b : bills) {
            if (!"cancelled".equals(b.status())) {
              billed = billed.add(b.total());
              paid = paid.add(b.paid());
              outstanding = outstanding.add(b.outstanding());
            }
          }
          String label = room.map(r -> r.label).orElse(null);
          return new StatementView(
              roomId,
              label,
              settings.currency(),
              bills.stream().map(b -> b.labelled(label)).toList(),
              payments,
              refunds,
              billed,
              paid,
              outstanding,
              prepayment,
              prepayment.subtract(outstanding),
              clock.instant());
        });
  }

  /** The room's label as estate has it, or null for a room estate no longer has. */
  String roomLabel(long roomId) {
    return estate.room(tenant, roomId).map(r -> r.label).orElse(null);
  }

  /** Whether estate has the room, in {@code scope}. */
  boolean covers(long roomId, DataScope scope) {
    return scope.isAll()
        || estate.room(tenant, roomId).filter(r -> Scopes.covers(scope, r)).isPresent();
  }

  /**
   * One payment as its receipt shows it: amount, method, the bills it paid.
   *
   * @throws org.courtyard.api.ProblemException 404 {@code not-found} for an unknown payment or one
   *     whose room is outside the scope, alike
   */
  PaymentView payment(long id, DataScope scope) {
    String currency = catalog.settings().currency();
    PaymentView found =
        jdbc.read(
            c -> {
              List<PaymentView> one = payments(c, "p.id", id, currency);
              return one.isEmpty() ? null : one.get(0);
            });
    if (found == null || !covers(found.roomId(), scope)) {
      throw Problems.notFound(TEXTS.text("label.payment"), id);
    }
    return found;
  }

  private static List<PaymentView> payments(Connection c, long roomId, String currency)
      throws SQLException {
    return payments(c, "p.room_id", roomId, currency);
  }

  /** The payments whose {@code column} ({@code p.room_id} or {@code p.id}) is {@code key}. */
  private static List<PaymentView> payments(Connection c, String column, long key, String currency)
      throws SQLException {
    List<PaymentView> result = new ArrayList<>();
    Map<Long, List<PaymentView.Applied>> applied = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.payment_id, a.bill_id, b.period, a.amount FROM allocation a"
                + " JOIN bill b ON b.id = a.bill_id JOIN payment p ON p.id = a.payment_id"
                + " WHERE "
                + column
                + " = ? ORDER BY a.id")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          applied
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new PaymentView.Applied(
                      rs.getLong(2), rs.getString(3), rs.getBigDecimal(4), null));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.amount, p.method, p.status, p.to_prepayment, p.tx_id, p.created_at,"
                + " p.room_id FROM payment p WHERE "
                + column
                + " = ? ORDER BY p.id")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(
              new PaymentView(
                  rs.getLong(1),
                  rs.getLong(8),
                  rs.getBigDecimal(2),
                  rs.getString(3),
                  rs.getString(4),
                  applied.getOrDefault(rs.getLong(1), List.of()),
                  rs.getBigDecimal(5),
                  null,
                  currency,
                  (UUID) rs.getObject(6),
                  Jdbc.instant(rs.getTimestamp(7))));
        }
      }
    }
    return result;
  }

  private static List<RefundView> refunds(Connection c, long roomId, String currency)
      throws SQLException {
    List<RefundView> result = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, amount, method, status, tx_id, created_at FROM refund WHERE room_id = ? ORDER BY id")) {
      ps.setLong(1, roomId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(
              new RefundView(
                  rs.getLong(1),
                  roomId,
                  rs.getBigDecimal(2),
                  rs.getString(3),
                  rs.getString(4),
                  null,
                  currency,
                  (UUID) rs.getObject(5),
                  Jdbc.instant(rs.getTimestamp(6))));
        }
      }
    }
    return result;
  }

  // ----------------------------------------------------------------------------- statistics

  /** Billed and collected in a period, over the bills in scope. */
  CollectionStats collection(String periodText, DataScope scope) {
    YearMonth period = Periods.parse(periodText);
    Catalog.Settings settings = catalog.settings();
    return jdbc.read(
        c -> {
          BigDecimal billed = ZERO;
          BigDecimal collected = ZERO;
          List<CollectionStats.BuildingGroup> buildings = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT building_id, SUM(total), SUM(paid) FROM bill WHERE period = ?"
                      + " AND status <> 'cancelled'"
                      + Scopes.and(scope, "")
                      + " GROUP BY building_id ORDER BY building_id")) {
            ps.setString(1, period.toString());
            Scopes.bind(c, ps, 2, scope);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                BigDecimal b = rs.getBigDecimal(2);
                BigDecimal p = rs.getBigDecimal(3);
                buildings.add(new CollectionStats.BuildingGroup(rs.getLong(1), b, p, rate(p, b)));
                billed = billed.add(b);
                collected = collected.add(p);
              }
            }
          }
          List<CollectionStats.FeeItemGroup> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.fee_item_id, l.fee_code, MIN(l.fee_name), SUM(l.amount),"
                      + " ROUND(SUM(l.amount * b.paid / b.total), 2) FROM bill_line l"
                      + " JOIN bill b ON b.id = l.bill_id WHERE b.period = ? AND b.status <> 'cancelled'"
                      + Scopes.and(scope, "b.")
                      + " GROUP BY l.fee_item_id, l.fee_code ORDER BY l.fee_item_id")) {
            ps.setString(1, period.toString());
            Scopes.bind(c, ps, 2, scope);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                BigDecimal b = rs.getBigDecimal(4);
                BigDecimal p = rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP);
                items.add(
                    new CollectionStats.FeeItemGroup(
                        rs.getLong(1), rs.getString(2), rs.getString(3), b, p, rate(p, b)));
              }
            }
          }
          return new CollectionStats(
              period.toString(),
              settings.currency(),
              billed,
              collected,
              rate(collected, billed),
              buildings,
              items);
        });
  }

  static BigDecimal rate(BigDecimal collected, BigDecimal billed) {
    return billed.signum() == 0 ? null : collected.divide(billed, 4, RoundingMode.HALF_UP);
  }
}
