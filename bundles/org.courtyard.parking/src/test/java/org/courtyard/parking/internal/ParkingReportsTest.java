package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.ReportPeriod;
import org.courtyard.parking.internal.reports.DwellReport;
import org.courtyard.parking.internal.reports.ExpiringCard;
import org.courtyard.parking.internal.reports.OccupancyReport;
import org.courtyard.parking.internal.reports.ParkingReports;
import org.courtyard.parking.internal.reports.ReportCsv;
import org.courtyard.parking.internal.reports.RevenueReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parking's reports on PostgreSQL, at their edges: a vehicle that leaves at the stroke of an hour
 * is not inside at it, one that arrives at it is; revenue by the day billing booked it; stays in
 * their buckets; cards that end within the days asked.
 */
class ParkingReportsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  private static TestSchema schema;
  private static ParkingReports reports;
  private static long lot;
  private static long otherEstateLot;

  private static Instant at(String localTime) {
    return DAY.atTime(java.time.LocalTime.parse(localTime)).atZone(SHANGHAI).toInstant();
  }

  /** An entry and, when {@code out} is given, the exit that let it out. */
  private static long stay(
      long lotId, String plate, String in, String out, boolean temporary, Long card)
      throws Exception {
    long gate = schema.count("SELECT min(id) FROM parking_gate WHERE lot_id = " + lotId);
    long entry =
        schema.count(
            "INSERT INTO parking_passage (lot_id, gate_id, direction, plate, confidence, seen_at,"
                + " decision, reason, inside, temporary, card_id) VALUES ("
                + lotId
                + ", "
                + gate
                + ", 'entry', '"
                + plate
                + "', 95, '"
                + at(in)
                + "', 'open', '"
                + (temporary ? "temporary" : "card")
                + "', "
                + (out == null)
                + ", "
                + temporary
                + ", "
                + card
                + ") RETURNING id");
    if (out != null) {
      schema.execute(
          "INSERT INTO parking_passage (lot_id, gate_id, direction, plate, confidence, seen_at,"
              + " decision, reason, entry_id) VALUES ("
              + lotId
              + ", "
              + gate
              + ", 'exit', '"
              + plate
              + "', 95, '"
              + at(out)
              + "', 'open',"
              + " 'free', "
              + entry
              + ")");
    }
    return entry;
  }

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location, temporary_spaces) VALUES"
            + " (1, 'R1', 'Report garage', 'underground', 50),"
            + " (2, 'R2', 'Other estate', 'above_ground', 5)");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'R1'");
    otherEstateLot = schema.count("SELECT id FROM parking_lot WHERE code = 'R2'");
    schema.execute(
        "INSERT INTO parking_gate (lot_id, device_id, lane, direction, name) VALUES ("
            + lot
            + ", 'cam-r', 'in', 'entry', 'In'), ("
            + otherEstateLot
            + ", 'cam-s', 'in', 'entry', 'In')");
    long card =
        schema.count(
            "INSERT INTO parking_card (lot_id, plate, holder_name, first_day, last_day) VALUES ("
                + lot
                + ", '粤B70001', '王五', '2026-11-01', '2026-12-31') RETURNING id");
    // A: 09:30 to 11:00 on a temporary space; B: 10:00 to 10:10 on a card; C: still inside
    long a = stay(lot, "粤B70000", "09:30", "11:00", true, null);
    stay(lot, "粤B70001", "10:00", "10:10", false, card);
    stay(lot, "粤B70002", "10:20", null, true, null);
    // D: let out by hand at some time nobody knows: counts as an entry, for no hour
    long d = stay(lot, "粤B70003", "08:00", null, true, null);
    schema.execute("UPDATE parking_passage SET inside = false WHERE id = " + d);
    stay(otherEstateLot, "粤B79999", "10:00", "12:00", true, null);
    reports =
        new ParkingReports(
            schema.jdbc(),
            (c, scope, id) -> {
              if (!scope.covers(id == otherEstateLot ? 2L : 1L, null)) {
                throw Problems.notFound("Lot", id);
              }
            });
    schema.execute(
        "INSERT INTO parking_payment (lot_id, entry_id, plate, amount, method, state, income_id,"
            + " receipt_no, posted_at) VALUES ("
            + lot
            + ", "
            + a
            + ", '粤B70000', 7.00, 'wechat',"
            + " 'posted', 1, 'I1', '"
            + at("10:45")
            + "'), ("
            + lot
            + ", "
            + a
            + ", '粤B70000',"
            + " 2.50, 'cash', 'posted', 2, 'I2', '"
            + at("23:59:59")
            + "'), ("
            + lot
            + ", "
            + a
            + ", '粤B70000', 9.00, 'cash', 'pending', null, null, null)");
    schema.execute(
        "UPDATE parking_payment SET exit_id = (SELECT id FROM parking_passage WHERE entry_id = "
            + a
            + ") WHERE receipt_no = 'I2'");
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static final ReportPeriod ONE_DAY = new ReportPeriod(DAY, DAY);
  private static final DataScope ESTATE_1 =
      DataScope.of(java.util.List.of(1L), java.util.List.of());

  @Test
  void occupancyCountsWhoIsInsideAtTheStrokeOfEachHour() {
    OccupancyReport r = reports.occupancy(ONE_DAY, null, ESTATE_1);
    assertThat(r.lots()).extracting(OccupancyReport.Lot::code).containsExactly("R1");
    var hours = r.lots().get(0).hours();
    assertThat(hours).hasSize(24);
    assertThat(hours.get(9).peakInside()).isZero();
    // 10:00: A inside, B arriving at 10:00 counts
    assertThat(hours.get(10).peakInside()).isEqualTo(2);
    assertThat(hours.get(10).avgInside()).isEqualByComparingTo("2.0");
    // 11:00: A left at 11:00 sharp, B at 10:10; C since 10:20 is
    assertThat(hours.get(11).peakInside()).isEqualTo(1);
    assertThat(hours.get(23).peakInside()).isEqualTo(1);
    assertThat(hours.get(9).entries()).isEqualTo(1);
    assertThat(hours.get(8).entries()).isEqualTo(1);
    assertThat(hours.get(8).peakInside()).isZero();
    assertThat(hours.get(10).entries()).isEqualTo(2);
    String csv = new String(ReportCsv.occupancy(r, Languages.ENGLISH), StandardCharsets.UTF_8);
    assertThat(csv).contains("\r\nR1,10:00,2.0,2,2\r\n");
    // the whole company sees both lots
    assertThat(reports.occupancy(ONE_DAY, null, DataScope.ALL).lots()).hasSize(2);
  }

  @Test
  void revenueCountsWhatBillingBookedOnTheDayItBookedIt() {
    RevenueReport r = reports.revenue(ONE_DAY, lot, ESTATE_1);
    assertThat(r.total()).isEqualByComparingTo("9.50");
    assertThat(r.ahead()).isEqualByComparingTo("7.00");
    assertThat(r.atExit()).isEqualByComparingTo("2.50");
    assertThat(r.payments()).isEqualTo(2);
    assertThat(r.methods())
        .extracting(RevenueReport.Method::method)
        .containsExactly("cash", "wechat");
    assertThat(
            reports
                .revenue(new ReportPeriod(DAY.plusDays(1), DAY.plusDays(1)), lot, ESTATE_1)
                .total())
        .isZero();
    ProblemException outside =
        (ProblemException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> reports.revenue(ONE_DAY, otherEstateLot, ESTATE_1));
    assertThat(outside.status()).isEqualTo(404);
  }

  @Test
  void staysFallInTheirBucketsByHowTheyCameIn() {
    DwellReport r = reports.dwell(ONE_DAY, lot, ESTATE_1);
    assertThat(r.buckets()).hasSize(6);
    assertThat(r.buckets().get(0).card()).isEqualTo(1); // B: 10 minutes
    assertThat(r.buckets().get(2).temporary()).isEqualTo(1); // A: 90 minutes
    assertThat(r.buckets().stream().mapToInt(DwellReport.Bucket::total).sum()).isEqualTo(2);
    assertThat(r.medianTemporaryMinutes()).isEqualTo(90L);
  }

  @Test
  void cardsEndingWithinTheDaysAskedAreListedSoonestFirst() throws Exception {
    LocalDate today = LocalDate.now(SHANGHAI);
    schema.execute(
        "INSERT INTO parking_card (lot_id, plate, holder_name, holder_phone, first_day, last_day)"
            + " VALUES ("
            + lot
            + ", '粤B71111', '赵六', '13800000000', '"
            + today.minusDays(20)
            + "', '"
            + today.plusDays(3)
            + "'), ("
            + lot
            + ", '粤B72222', '钱七', null, '"
            + today.minusDays(20)
            + "', '"
            + today.plusDays(40)
            + "')");
    var soon = reports.expiringCards(30, lot, ESTATE_1);
    assertThat(soon).extracting(ExpiringCard::plate).contains("粤B71111").doesNotContain("粤B72222");
    ExpiringCard zhao =
        soon.stream().filter(k -> k.plate().equals("粤B71111")).findFirst().orElseThrow();
    assertThat(zhao.daysLeft()).isEqualTo(3);
    assertThat(reports.expiringCards(60, lot, ESTATE_1))
        .extracting(ExpiringCard::plate)
        .contains("粤B72222");
    String csv =
        new String(ReportCsv.expiringCards(soon, Languages.CHINESE), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\ufeff停车场,车牌,持卡人").contains("粤B71111,赵六,13800000000");
  }
}
