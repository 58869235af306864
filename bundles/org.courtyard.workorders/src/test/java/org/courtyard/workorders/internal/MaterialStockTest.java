package org.courtyard.workorders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.workorders.internal.stock.MaterialInput;
import org.courtyard.workorders.internal.stock.MaterialUses;
import org.courtyard.workorders.internal.stock.MaterialView;
import org.courtyard.workorders.internal.stock.Materials;
import org.courtyard.workorders.internal.stock.MovementInput;
import org.courtyard.workorders.internal.stock.MovementView;
import org.courtyard.workorders.internal.stock.OrderAccess;
import org.courtyard.workorders.internal.stock.OrderMaterialsView;
import org.courtyard.workorders.internal.stock.UseInput;
import org.courtyard.workorders.internal.stock.UseView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Materials and their stock against a real tenant schema (V1, V2 and V4): receipts at a moving
 * average, uses on orders found within reach as the orders' own reads find them, returns, stocktake
 * corrections, and a stock that never goes below zero under concurrent use.
 */
class MaterialStockTest {

  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final long ESTATE = 1;
  private static final long OTHER_ESTATE = 2;
  private static final long TECHNICIAN = 7;

  private static final Materials.EstateCheck ESTATES = e -> e == ESTATE || e == OTHER_ESTATE;
  private static final OrderAccess EVERYWHERE =
      OrderMaterialsResource.access(Reach.staff(DataScope.ALL));
  private static final MaterialUses.Taker THE_TECHNICIAN = new MaterialUses.Taker(TECHNICIAN, true);
  private static final MaterialUses.Taker CLERK = new MaterialUses.Taker(9, true);

  private TestSchema db;
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private Materials materials;
  private MaterialUses uses;
  private long category;
  private int numbers;

  @BeforeEach
  void schema() throws Exception {
    db = TestSchema.fresh();
    if (db.count(
            "select count(*) from pg_tables where tablename = 'workorder_material'"
                + " and schemaname = current_schema()")
        == 0) {
      String path = new WorkordersModule().migrationLocation() + "/V4__workorders_materials.sql";
      try (InputStream in = WorkordersModule.class.getClassLoader().getResourceAsStream(path)) {
        assertThat(in).as(path).isNotNull();
        db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    db.execute(
        "insert into workorder_category (code, name_en, name_zh, kind, response_normal,"
            + " response_urgent, response_emergency, resolution_normal, resolution_urgent,"
            + " resolution_emergency) values ('plumbing', 'Plumbing', '水管', 'repair',"
            + " 120, 60, 30, 1440, 480, 240)");
    category = db.count("select id from workorder_category");
    materials = new Materials(db.jdbc(), clock);
    uses = new MaterialUses(db.jdbc(), clock);
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** An order of {@code estate} in {@code state}, its technician {@link #TECHNICIAN}. */
  private long order(long estate, String state) throws Exception {
    boolean assigned = !List.of("new", "cancelled").contains(state);
    boolean responded = !List.of("new", "dispatched", "cancelled").contains(state);
    boolean paused = state.equals("paused");
    boolean met = List.of("done", "confirmed", "closed", "cancelled").contains(state);
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into workorder (number, kind, category_id, state, description, estate_id,"
                    + " place, reporter_kind, reporter_user_id, channel, assignee_user_id,"
                    + " responded_at, pause_reason, cancel_reason, done_at, working_hours,"
                    + " response_minutes, resolution_minutes, response_due, response_warn_at,"
                    + " resolution_running_since, paused_since, resolution_met_at,"
                    + " resolution_due, resolution_warn_at)"
                    + " values (?, 'repair', ?, ?, 'a leak', ?, 'lobby', 'staff', 9, 'phone', ?,"
                    + " ?, ?, ?, ?, false, 120, 1440, ?, ?, ?, ?, ?, ?, ?) returning id")) {
      java.sql.Timestamp t = java.sql.Timestamp.from(NOW);
      ps.setString(1, "WO-" + (++numbers));
      ps.setLong(2, category);
      ps.setString(3, state);
      ps.setLong(4, estate);
      ps.setObject(5, assigned ? TECHNICIAN : null);
      ps.setObject(6, responded ? t : null);
      ps.setString(7, paused ? "parts" : null);
      ps.setString(8, state.equals("cancelled") ? "withdrawn" : null);
      ps.setObject(9, List.of("done", "confirmed", "closed").contains(state) ? t : null);
      ps.setTimestamp(10, t);
      ps.setTimestamp(11, t);
      ps.setObject(12, paused || met ? null : t);
      ps.setObject(13, paused ? t : null);
      ps.setObject(14, met ? t : null);
      ps.setObject(15, paused ? null : t);
      ps.setObject(16, paused ? null : t);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private MaterialView material(long estate, String code, String stock, String cost) {
    MaterialView m =
        materials.create(
            new MaterialInput(estate, code, "Material " + code, "个", null, null, null),
            DataScope.ALL,
            ESTATES);
    if (stock != null) {
      materials.receive(m.id(), new MovementInput(d(stock), d(cost), null), DataScope.ALL, 9);
    }
    return materials.get(m.id(), DataScope.ALL);
  }

  private static ProblemException refusal(Runnable r, int status, String type) {
    ProblemException p = catchThrowableOfType(r::run, ProblemException.class);
    assertThat(p).as("refused").isNotNull();
    assertThat(p.status()).as(p.getMessage()).isEqualTo(status);
    assertThat(p.type()).isEqualTo(type);
    return p;
  }

  private BigDecimal quantity(long material) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement("select quantity from workorder_material where id = ?")) {
      ps.setLong(1, material);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  @Test
  void stockNeverGoesBelowZeroUnderConcurrentUse() throws Exception {
    MaterialView m = material(ESTATE, "fuse", "10", "1.50");
    // 20 technicians' takes of 1 on 5 orders: those of one order queue on its row, the others
    // meet on the material's row only
    List<Long> orders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      orders.add(order(ESTATE, "in_progress"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger taken = new AtomicInteger();
    Set<String> refusals = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        long order = orders.get(i % orders.size());
        Callable<Void> take =
            () -> {
              start.await();
              try {
                uses.use(
                    order, new UseInput(m.id(), BigDecimal.ONE, null), EVERYWHERE, THE_TECHNICIAN);
                taken.incrementAndGet();
              } catch (ProblemException p) {
                refusals.add(p.status() + " " + p.type());
              }
              return null;
            };
        futures.add(pool.submit(take));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(taken).hasValue(10);
    assertThat(refusals).containsExactly("409 insufficient-stock");
    assertThat(quantity(m.id())).isEqualByComparingTo("0");
    assertThat(db.count("select count(*) from workorder_material_use where kind = 'use'"))
        .isEqualTo(10);
    // each use left the stock one less: balances 9 down to 0, each once
    assertThat(db.count("select count(distinct balance_after) from workorder_material_use"))
        .isEqualTo(10);
    assertThat(db.count("select min(balance_after) from workorder_material_use")).isZero();
  }

  @Test
  void aShortStockWritesNothingAndSaysWhatIsLeft() throws Exception {
    MaterialView m = material(ESTATE, "tape", "2.5", "4.00");
    long order = order(ESTATE, "accepted");
    ProblemException p =
        refusal(
            () -> uses.use(order, new UseInput(m.id(), d("3"), null), EVERYWHERE, THE_TECHNICIAN),
            409,
            "insufficient-stock");
    assertThat(p.extensions()).containsEntry("available", d("2.500")).containsEntry("unit", "个");
    assertThat(p.detail()).contains("2.5").contains("tape");
    assertThat(quantity(m.id())).isEqualByComparingTo("2.5");
    assertThat(db.count("select count(*) from workorder_material_use")).isZero();

    UseView u =
        uses.use(order, new UseInput(m.id(), d("2.5"), "all of it"), EVERYWHERE, THE_TECHNICIAN);
    assertThat(u.cost()).isEqualByComparingTo("10.00");
    assertThat(u.actorKind()).isEqualTo("technician");
    assertThat(quantity(m.id())).isEqualByComparingTo("0");
  }

  @Test
  void materialIsUsedOnlyOnAWorkedOrderWithinReachFromItsOwnEstate() throws Exception {
    MaterialView m = material(ESTATE, "valve", "5", "12.00");
    MaterialView elsewhere = material(OTHER_ESTATE, "valve", "5", "12.00");
    UseInput one = new UseInput(m.id(), BigDecimal.ONE, null);
    for (String state : List.of("new", "dispatched", "done", "confirmed", "closed", "cancelled")) {
      long order = order(ESTATE, state);
      ProblemException p =
          refusal(() -> uses.use(order, one, EVERYWHERE, THE_TECHNICIAN), 409, "wrong-state");
      assertThat(p.extensions())
          .containsEntry("state", state)
          .containsEntry("allowedStates", List.of("accepted", "in_progress", "paused"));
    }
    long paused = order(ESTATE, "paused");
    assertThat(uses.use(paused, one, EVERYWHERE, CLERK).actorKind()).isEqualTo("staff");

    long order = order(ESTATE, "in_progress");
    refusal(
        () ->
            uses.use(order, new UseInput(elsewhere.id(), BigDecimal.ONE, null), EVERYWHERE, CLERK),
        422,
        "material-other-estate");
    refusal(
        () -> uses.use(order, new UseInput(99999L, BigDecimal.ONE, null), EVERYWHERE, CLERK),
        422,
        "unknown-material");
    OrderAccess otherEstateOnly =
        OrderMaterialsResource.access(Reach.staff(DataScope.of(List.of(OTHER_ESTATE), List.of())));
    refusal(() -> uses.use(order, one, otherEstateOnly, CLERK), 404, "not-found");
    refusal(() -> uses.list(order, otherEstateOnly), 404, "not-found");

    materials.update(
        m.id(),
        new MaterialInput(null, "valve", "Valve", "个", null, false, m.version()),
        DataScope.ALL);
    refusal(() -> uses.use(order, one, EVERYWHERE, CLERK), 409, "material-inactive");
    assertThat(quantity(m.id())).isEqualByComparingTo("4");
  }

  @Test
  void unusedMaterialGoesBackOnceWhileTheOrderIsOpen() throws Exception {
    MaterialView pipe = material(ESTATE, "pipe", "10", "2.00");
    MaterialView glue = material(ESTATE, "glue", "3", "7.25");
    long order = order(ESTATE, "in_progress");
    UseView p = uses.use(order, new UseInput(pipe.id(), d("4"), "4 m"), EVERYWHERE, THE_TECHNICIAN);
    UseView g = uses.use(order, new UseInput(glue.id(), d("1"), null), EVERYWHERE, THE_TECHNICIAN);
    OrderMaterialsView before = uses.list(order, EVERYWHERE);
    assertThat(before.totalCost()).isEqualByComparingTo("15.25");
    assertThat(before.uses()).extracting(UseView::id).containsExactly(p.id(), g.id());

    uses.giveBack(order, p.id(), EVERYWHERE, THE_TECHNICIAN);

    assertThat(quantity(pipe.id())).isEqualByComparingTo("10");
    OrderMaterialsView after = uses.list(order, EVERYWHERE);
    assertThat(after.totalCost()).isEqualByComparingTo("7.25");
    assertThat(after.uses().get(0).returnedAt()).isEqualTo(NOW);
    assertThat(after.uses().get(1).returnedAt()).isNull();
    refusal(() -> uses.giveBack(order, p.id(), EVERYWHERE, CLERK), 409, "already-returned");
    assertThat(quantity(pipe.id())).isEqualByComparingTo("10");
    // a use of another order is not found on this one
    long other = order(ESTATE, "in_progress");
    refusal(() -> uses.giveBack(other, g.id(), EVERYWHERE, CLERK), 404, "not-found");

    db.execute(
        "update workorder set state = 'done', done_at = now(), resolution_met_at = now(),"
            + " resolution_running_since = null where id = "
            + order);
    refusal(() -> uses.giveBack(order, g.id(), EVERYWHERE, CLERK), 409, "wrong-state");
    assertThat(quantity(glue.id())).isEqualByComparingTo("2");
  }

  @Test
  void receiptsMoveTheUnitCostToTheMovingAverage() {
    MaterialView m =
        materials.create(
            new MaterialInput(ESTATE, "cable", "Cable 2.5mm²", "米", d("9.99"), null, null),
            DataScope.ALL,
            ESTATES);
    assertThat(m.quantity()).isEqualByComparingTo("0");
    // an empty stock takes the receipt's cost
    MovementView first =
        materials.receive(m.id(), new MovementInput(d("10"), d("2.00"), "lot 1"), DataScope.ALL, 9);
    assertThat(first.balance()).isEqualByComparingTo("10");
    assertThat(first.unitCostAfter()).isEqualByComparingTo("2.00");
    // (10 * 2.00 + 5 * 3.50) / 15 = 2.50
    MovementView second =
        materials.receive(m.id(), new MovementInput(d("5"), d("3.50"), null), DataScope.ALL, 9);
    assertThat(second.balance()).isEqualByComparingTo("15");
    assertThat(second.unitCostAfter()).isEqualByComparingTo("2.50");
    // (15 * 2.50 + 1 * 3.00) / 16 = 2.53125, to the fen
    materials.receive(m.id(), new MovementInput(d("1"), d("3.00"), null), DataScope.ALL, 9);
    MaterialView after = materials.get(m.id(), DataScope.ALL);
    assertThat(after.quantity()).isEqualByComparingTo("16");
    assertThat(after.unitCost()).isEqualByComparingTo("2.53");
    // movements do not touch the version that guards the edits
    assertThat(after.version()).isEqualTo(m.version());
  }

  @Test
  void aReturnComesBackAtTheCostItWasTakenAt() throws Exception {
    MaterialView m = material(ESTATE, "paint", "10", "2.00");
    long order = order(ESTATE, "in_progress");
    UseView u = uses.use(order, new UseInput(m.id(), d("4"), null), EVERYWHERE, THE_TECHNICIAN);
    assertThat(u.unitCost()).isEqualByComparingTo("2.00");
    // 6 at 2.00 and 4 at 5.00: 3.20
    materials.receive(m.id(), new MovementInput(d("4"), d("5.00"), null), DataScope.ALL, 9);
    assertThat(materials.get(m.id(), DataScope.ALL).unitCost()).isEqualByComparingTo("3.20");
    // 10 at 3.20 and 4 back at 2.00: 40 / 14 = 2.857...
    uses.giveBack(order, u.id(), EVERYWHERE, THE_TECHNICIAN);
    MaterialView after = materials.get(m.id(), DataScope.ALL);
    assertThat(after.quantity()).isEqualByComparingTo("14");
    assertThat(after.unitCost()).isEqualByComparingTo("2.86");
  }

  @Test
  void aStocktakeCorrectsTheStockButNeverBelowZero() throws Exception {
    MaterialView m = material(ESTATE, "bulb", "2", "3.00");
    refusal(
        () ->
            materials.adjust(m.id(), new MovementInput(d("-3"), null, "counted"), DataScope.ALL, 9),
        409,
        "insufficient-stock");
    assertThat(quantity(m.id())).isEqualByComparingTo("2");
    MovementView lost =
        materials.adjust(m.id(), new MovementInput(d("-2"), null, "broken"), DataScope.ALL, 9);
    assertThat(lost.balance()).isEqualByComparingTo("0");
    MovementView found =
        materials.adjust(m.id(), new MovementInput(d("1"), null, "found"), DataScope.ALL, 9);
    assertThat(found.balance()).isEqualByComparingTo("1");
    assertThat(materials.get(m.id(), DataScope.ALL).unitCost()).isEqualByComparingTo("3.00");
  }

  @Test
  void movementsAreListedNewestFirstPageByPage() throws Exception {
    MaterialView m = material(ESTATE, "screw", "100", "0.10");
    long order = order(ESTATE, "in_progress");
    UseView u = uses.use(order, new UseInput(m.id(), d("30"), null), EVERYWHERE, THE_TECHNICIAN);
    materials.adjust(m.id(), new MovementInput(d("-1"), null, "lost"), DataScope.ALL, 9);
    uses.giveBack(order, u.id(), EVERYWHERE, CLERK);

    Page<MovementView> first = materials.movements(m.id(), DataScope.ALL, null, 3);
    assertThat(first.items)
        .extracting(
            v ->
                v.kind()
                    + " "
                    + v.quantity().stripTrailingZeros().toPlainString()
                    + " "
                    + v.balance().stripTrailingZeros().toPlainString())
        .containsExactly("return 30 99", "adjustment -1 69", "use -30 70");
    assertThat(first.items.get(0).returnsUseId()).isEqualTo(u.id());
    assertThat(first.items.get(2).orderNumber()).startsWith("WO-");
    assertThat(first.nextCursor).isNotNull();
    Page<MovementView> second = materials.movements(m.id(), DataScope.ALL, first.nextCursor, 3);
    assertThat(second.items).extracting(MovementView::kind).containsExactly("receipt");
    assertThat(second.nextCursor).isNull();
  }

  @Test
  void materialsAreSeenAndManagedWithinTheScope() {
    MaterialView mine = material(ESTATE, "nut", null, null);
    MaterialView theirs = material(OTHER_ESTATE, "nut", null, null);
    DataScope estateOne = DataScope.of(List.of(ESTATE), List.of());
    // a building of estate 1 granted alone does not cover the estate's stores
    DataScope building = DataScope.of(List.of(), List.of(11L));

    assertThat(materials.list(estateOne, null, null, null, null, 50).items)
        .extracting(MaterialView::id)
        .containsExactly(mine.id());
    assertThat(materials.list(building, null, null, null, null, 50).items).isEmpty();
    assertThat(materials.list(DataScope.ALL, OTHER_ESTATE, null, null, null, 50).items)
        .extracting(MaterialView::id)
        .containsExactly(theirs.id());
    assertThat(materials.list(DataScope.ALL, null, "NU", true, null, 50).items).hasSize(2);
    assertThat(materials.list(DataScope.ALL, null, "terial n", null, null, 50).items).hasSize(2);
    assertThat(materials.list(DataScope.ALL, null, null, false, null, 50).items).isEmpty();
    refusal(() -> materials.get(theirs.id(), estateOne), 404, "not-found");
    refusal(
        () ->
            materials.receive(
                theirs.id(), new MovementInput(BigDecimal.ONE, BigDecimal.ONE, null), estateOne, 9),
        404,
        "not-found");
    refusal(
        () ->
            materials.create(
                new MaterialInput(OTHER_ESTATE, "bolt", "Bolt", "个", null, null, null),
                estateOne,
                ESTATES),
        403,
        "outside-scope");
    refusal(
        () ->
            materials.create(
                new MaterialInput(5L, "bolt", "Bolt", "个", null, null, null),
                DataScope.ALL,
                ESTATES),
        422,
        "unknown-estate");
    refusal(
        () ->
            materials.create(
                new MaterialInput(ESTATE, "nut", "Nut", "个", null, null, null),
                DataScope.ALL,
                ESTATES),
        409,
        "duplicate");
  }

  @Test
  void editsNeedTheVersionReadAndKeepTheEstate() {
    MaterialView m = material(ESTATE, "hinge", "3", "8.00");
    MaterialView edited =
        materials.update(
            m.id(),
            new MaterialInput(null, "hinge-l", "Left hinge", "副", null, true, m.version()),
            DataScope.ALL);
    assertThat(edited.version()).isEqualTo(m.version() + 1);
    assertThat(edited.quantity()).isEqualByComparingTo("3");
    refusal(
        () ->
            materials.update(
                m.id(),
                new MaterialInput(null, "hinge", "Hinge", "副", null, true, m.version()),
                DataScope.ALL),
        409,
        "stale-version");
    refusal(
        () ->
            materials.update(
                m.id(),
                new MaterialInput(
                    OTHER_ESTATE, "hinge", "Hinge", "副", null, true, edited.version()),
                DataScope.ALL),
        422,
        "validation-failed");
    material(ESTATE, "latch", null, null);
    refusal(
        () ->
            materials.update(
                m.id(),
                new MaterialInput(null, "latch", "Hinge", "副", null, true, edited.version()),
                DataScope.ALL),
        409,
        "duplicate");
  }
}
