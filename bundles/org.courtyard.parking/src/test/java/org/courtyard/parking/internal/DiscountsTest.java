package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.driver.DeviceRecord.Direction;
import org.courtyard.driver.DeviceRecord.PlateColour;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.courtyard.parking.internal.dto.DiscountInput;
import org.courtyard.parking.internal.dto.GateInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Residents' visitor time and merchants' coupons on PostgreSQL: who may grant, how often, a coupon
 * used once, and what they take off a stay at the exit.
 */
class DiscountsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate TODAY = LocalDate.now(SHANGHAI);

  private static TestSchema schema;
  private static Gates gates;
  private static Discounts discounts;
  private static long lot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location, temporary_spaces) VALUES"
            + " (1, 'D1', 'Visitors welcome', 'above_ground', 20)");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'D1'");
    Lots lots = new Lots(schema.jdbc(), null, null);
    gates = new Gates(schema.jdbc(), lots);
    discounts = new Discounts(schema.jdbc(), lots, Clock.systemUTC());
    gates.addGate(DataScope.ALL, new GateInput(lot, "cam-d", "in", "entry", "In"));
    gates.addGate(DataScope.ALL, new GateInput(lot, "cam-d", "out", "exit", "Out"));
    // 15 free minutes, 5 yuan the first hour, 2 each half hour; a visitor's grant is 2 hours
    schema.execute(
        "INSERT INTO parking_tariff (lot_id, free_minutes, first_minutes, first_price,"
            + " unit_minutes, unit_price, visitor_minutes) VALUES ("
            + lot
            + ", 15, 60, 5, 30, 2, 120)");
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static Instant today(String time) {
    return TODAY.atTime(LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
  }

  private static Gates.Handled pass(String lane, Direction d, String plate, Instant at) {
    return gates
        .read("cam-d", new PlateRead(lane, d, plate, PlateColour.BLUE, 95, null, at), at)
        .orElseThrow();
  }

  private static ProblemException refused(Runnable r) {
    return (ProblemException) catchThrowable(r::run);
  }

  @Test
  void aResidentsVisitorLeavesWithTheirTimeOff() {
    Discounts.Made grant =
        discounts.grantVisitor(
            5L, Set.of(1L), new DiscountInput(lot, "粤B30001", null, null, null, null));
    assertThat(grant.replayed()).isFalse();
    assertThat(grant.discount().minutes()).isEqualTo(120);
    assertThat(grant.discount().day()).isEqualTo(TODAY);
    assertThat(
            discounts
                .grantVisitor(
                    5L, Set.of(1L), new DiscountInput(lot, "粤b·30001", TODAY, null, null, null))
                .replayed())
        .isTrue();
    pass("in", Direction.ENTRY, "粤B30001", today("09:00"));
    // 2½ hours, 2 of them given: the last half hour costs the first period, 5 (not 11)
    Gates.Handled out = pass("out", Direction.EXIT, "粤B30001", today("11:30"));
    assertThat(out.passage().fee()).isEqualByComparingTo("5.00");
  }

  @Test
  void onlyResidentsOfTheLotsEstateGrantAndThreeADay() {
    ProblemException elsewhere =
        refused(
            () ->
                discounts.grantVisitor(
                    6L, Set.of(2L), new DiscountInput(lot, "粤B30009", null, null, null, null)));
    assertThat(elsewhere.status()).isEqualTo(422);
    assertThat(elsewhere.type()).endsWith("not-your-estate");
    for (String plate : new String[] {"粤B31001", "粤B31002", "粤B31003"}) {
      discounts.grantVisitor(7L, Set.of(1L), new DiscountInput(lot, plate, null, null, null, null));
    }
    ProblemException fourth =
        refused(
            () ->
                discounts.grantVisitor(
                    7L, Set.of(1L), new DiscountInput(lot, "粤B31004", null, null, null, null)));
    assertThat(fourth.status()).isEqualTo(409);
    assertThat(fourth.type()).endsWith("visitor-limit");
    ProblemException farAhead =
        refused(
            () ->
                discounts.grantVisitor(
                    8L,
                    Set.of(1L),
                    new DiscountInput(lot, "粤B31005", TODAY.plusDays(8), null, null, null)));
    assertThat(farAhead.status()).isEqualTo(422);
    assertThat(discounts.mine(7L)).hasSize(3);
  }

  @Test
  void aCouponIsUsedOnceAndTakesItsMinutesOff() {
    DiscountInput coffee = new DiscountInput(null, "粤B30002", null, 60, "咖啡馆", "CAFE-0001");
    Discounts.Made made = discounts.coupon(DataScope.ALL, lot, coffee, 9L);
    assertThat(made.replayed()).isFalse();
    assertThat(made.discount().grantedBy()).isEqualTo(9L);
    assertThat(discounts.coupon(DataScope.ALL, lot, coffee, 9L).replayed()).isTrue();
    ProblemException other =
        refused(
            () ->
                discounts.coupon(
                    DataScope.ALL,
                    lot,
                    new DiscountInput(null, "粤B39999", null, 60, "咖啡馆", "CAFE-0001"),
                    9L));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.type()).endsWith("coupon-used");
    pass("in", Direction.ENTRY, "粤B30002", today("09:00"));
    // 90 minutes, 60 given: 7 becomes 5
    assertThat(pass("out", Direction.EXIT, "粤B30002", today("10:30")).passage().fee())
        .isEqualByComparingTo("5.00");
    assertThat(discounts.list(DataScope.ALL, lot, "粤B30002", 0, 10).items).hasSize(1);
  }

  @Test
  void aDaysCouponServesOneStayAndAnUnknownLotIsNoResidentsLot() {
    discounts.coupon(
        DataScope.ALL, lot, new DiscountInput(null, "粤B30003", null, 60, "书店", "BOOK-1"), 9L);
    pass("in", Direction.ENTRY, "粤B30003", today("09:00"));
    // half an hour, an hour given: free, and the coupon is used up as the car leaves
    Gates.Handled first = pass("out", Direction.EXIT, "粤B30003", today("09:30"));
    assertThat(first.passage().decision() + " " + first.passage().reason()).isEqualTo("open free");
    assertThat(discounts.list(DataScope.ALL, lot, "粤B30003", 0, 10).items.get(0).usedByEntryId())
        .isNotNull();
    pass("in", Direction.ENTRY, "粤B30003", today("11:00"));
    // 90 minutes and nothing left to give: 7
    assertThat(pass("out", Direction.EXIT, "粤B30003", today("12:30")).passage().fee())
        .isEqualByComparingTo("7.00");
    ProblemException unknown =
        refused(
            () ->
                discounts.grantVisitor(
                    5L, Set.of(1L), new DiscountInput(987654L, "粤B30004", null, null, null, null)));
    assertThat(unknown.status()).isEqualTo(422);
  }
}
