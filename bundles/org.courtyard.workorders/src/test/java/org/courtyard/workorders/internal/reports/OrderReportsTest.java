package org.courtyard.workorders.internal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.ReportPeriod;
import org.courtyard.workorders.internal.TestSchema;
import org.courtyard.workorders.internal.WorkordersModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports over a small set of orders written directly in SQL, every number known by hand
 * (Asia/Shanghai, March 2024). Estate 1 (building 11, and public areas), estate 2 (building 21).
 *
 * <pre>
 * order cat   state        created (local)   response  resolution  reopen tech rating visit
 * P1    plmb  closed       03-05 09:00       20 ok     120 ok      0      101  5      2 then 4
 * P2    plmb  confirmed    03-10 10:00       60 late   360 late    1      101  3
 * P3    plmb  done         03-31 23:30       10 ok     120 ok      0      102         (done 04-01)
 * P4    plmb  in_progress  03-20 08:00       30 ok     -           1      102
 * P6    plmb  new          03-01 00:00       -         -           0      -          (public area)
 * P0    plmb  new          02-29 23:50       outside the period
 * P5    plmb  new          04-01 00:10       outside the period
 * N1    noise cancelled    03-15 12:00       -         -           0      -          (public area)
 * N2    noise closed       03-15 13:00       5 ok      1440 ok(=)  0      103  4      5
 * N3    noise done         03-18 10:00       10 ok     120 late    0      103  1      (estate 2)
 * </pre>
 */
class OrderReportsTest {

  private static final ReportPeriod MARCH =
      new ReportPeriod(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));

  private TestSchema db;
  private OrderReports reports;
  private long plumbing;
  private long noise;
  private int numbers;

  @BeforeEach
  void schema() throws Exception {
    db = TestSchema.fresh();
    for (String migration : List.of("V6__workorders_feedback.sql", "V7__workorders_reports.sql")) {
      String path = new WorkordersModule().migrationLocation() + "/" + migration;
      try (InputStream in = WorkordersModule.class.getClassLoader().getResourceAsStream(path)) {
        assertThat(in).as(path).isNotNull();
        db.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    plumbing = category("plumbing", "Plumbing, \"hot\" water", "水管", "repair");
    noise = category("noise", "Noise\nat night", "噪音", "complaint");
    category("lift", "Lift", "电梯", "repair");
    reports = new OrderReports(db.jdbc());
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  private long category(String code, String en, String zh, String kind) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into workorder_category (code, name_en, name_zh, kind, response_normal,"
                    + " response_urgent, response_emergency, resolution_normal,"
                    + " resolution_urgent, resolution_emergency) values (?, ?, ?, ?, 30, 30, 30,"
                    + " 120, 120, 120) returning id")) {
      ps.setString(1, code);
      ps.setString(2, en);
      ps.setString(3, zh);
      ps.setString(4, kind);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * An order as the lifecycle would leave it; instants are local Shanghai times ('2024-03-05
   * 09:00'), null for none. Open orders keep their resolution clock running; finished and cancelled
   * ones have it met.
   */
  private long order(
      long category,
      String state,
      long estate,
      Long building,
      String created,
      String responded,
      String responseDue,
      String done,
      String resolutionDue,
      int reopen,
      Long technician)
      throws Exception {
    boolean finished = Set.of("done", "confirmed", "closed").contains(state);
    boolean cancelled = state.equals("cancelled");
    String kind = category == noise ? "complaint" : "repair";
    String due = responseDue == null ? created : responseDue;
    String resolution = resolutionDue == null ? created : resolutionDue;
    String sql =
        "insert into workorder (number, kind, category_id, state, description, estate_id,"
            + " building_id, place, reporter_kind, reporter_user_id, channel, assignee_user_id,"
            + " cancel_reason, done_at, reopen_count, working_hours, response_minutes,"
            + " resolution_minutes, response_due, response_warn_at, responded_at,"
            + " resolution_running_since, resolution_met_at, resolution_due, resolution_warn_at,"
            + " created_at) values (?, ?, ?, ?, 'leak', ?, ?, 'Lobby', 'staff', 1, 'phone', ?, ?,"
            + " ?::timestamp at time zone 'Asia/Shanghai', ?, false, 30, 120,"
            + " ?::timestamp at time zone 'Asia/Shanghai', ?::timestamp at time zone"
            + " 'Asia/Shanghai', ?::timestamp at time zone 'Asia/Shanghai', ?::timestamp at time"
            + " zone 'Asia/Shanghai', ?::timestamp at time zone 'Asia/Shanghai', ?::timestamp at"
            + " time zone 'Asia/Shanghai', ?::timestamp at time zone 'Asia/Shanghai', ?::timestamp"
            + " at time zone 'Asia/Shanghai') returning id";
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, "WO-" + (++numbers));
      ps.setString(i++, kind);
      ps.setLong(i++, category);
      ps.setString(i++, state);
      ps.setLong(i++, estate);
      ps.setObject(i++, building);
      ps.setObject(i++, technician);
      ps.setString(i++, cancelled ? "duplicate" : null);
      ps.setString(i++, done);
      ps.setInt(i++, reopen);
      ps.setString(i++, due);
      ps.setString(i++, due);
      ps.setString(i++, responded);
      ps.setString(i++, finished || cancelled ? null : created);
      ps.setString(i++, finished ? done : cancelled ? created : null);
      ps.setString(i++, resolution);
      ps.setString(i++, resolution);
      ps.setString(i++, created);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void rating(long order, int score) throws Exception {
    db.execute(
        "insert into workorder_rating (order_id, person_id, score, at) values ("
            + order
            + ", 7, "
            + score
            + ", now())");
  }

  private void visit(long order, String at, boolean reached, Integer satisfaction)
      throws Exception {
    db.execute(
        "insert into workorder_return_visit (order_id, user_id, at, reached, satisfaction)"
            + " values ("
            + order
            + ", 9, '"
            + at
            + "+08', "
            + reached
            + ", "
            + satisfaction
            + ")");
  }

  private void theOrders() throws Exception {
    long p1 =
        order(
            plumbing,
            "closed",
            1,
            11L,
            "2024-03-05 09:00",
            "2024-03-05 09:20",
            "2024-03-05 09:30",
            "2024-03-05 11:00",
            "2024-03-05 12:00",
            0,
            101L);
    long p2 =
        order(
            plumbing,
            "confirmed",
            1,
            11L,
            "2024-03-10 10:00",
            "2024-03-10 11:00",
            "2024-03-10 10:30",
            "2024-03-10 16:00",
            "2024-03-10 14:00",
            1,
            101L);
    order(
        plumbing,
        "done",
        1,
        11L,
        "2024-03-31 23:30",
        "2024-03-31 23:40",
        "2024-04-01 00:30",
        "2024-04-01 01:30",
        "2024-04-01 03:30",
        0,
        102L);
    order(
        plumbing,
        "in_progress",
        1,
        11L,
        "2024-03-20 08:00",
        "2024-03-20 08:30",
        "2024-03-20 09:00",
        null,
        "2024-03-20 12:00",
        1,
        102L);
    order(plumbing, "new", 1, null, "2024-03-01 00:00", null, null, null, null, 0, null);
    order(plumbing, "new", 1, 11L, "2024-02-29 23:50", null, null, null, null, 0, null);
    order(plumbing, "new", 1, 11L, "2024-04-01 00:10", null, null, null, null, 0, null);
    order(noise, "cancelled", 1, null, "2024-03-15 12:00", null, null, null, null, 0, null);
    long n2 =
        order(
            noise,
            "closed",
            1,
            11L,
            "2024-03-15 13:00",
            "2024-03-15 13:05",
            "2024-03-15 13:30",
            "2024-03-16 13:00",
            "2024-03-16 13:00",
            0,
            103L);
    long n3 =
        order(
            noise,
            "done",
            2,
            21L,
            "2024-03-18 10:00",
            "2024-03-18 10:10",
            "2024-03-18 11:00",
            "2024-03-18 12:00",
            "2024-03-18 11:30",
            0,
            103L);
    rating(p1, 5);
    rating(p2, 3);
    rating(n2, 4);
    rating(n3, 1);
    visit(p1, "2024-03-06 10:00", true, 2);
    visit(p1, "2024-03-07 10:00", true, 4);
    visit(p1, "2024-03-08 10:00", false, null);
    visit(n2, "2024-03-17 10:00", true, 5);
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  @Test
  void summaryCountsEveryNumberPerCategoryAndInTotal() throws Exception {
    theOrders();

    SummaryReport report = reports.summary(MARCH, null, DataScope.ALL);

    assertThat(report.timeZone()).isEqualTo("Asia/Shanghai");
    assertThat(report.from()).isEqualTo(MARCH.from());
    assertThat(report.categories())
        .extracting(SummaryRow::code)
        .containsExactly("noise", "plumbing");
    assertThat(report.categories().get(1))
        .isEqualTo(
            new SummaryRow(
                plumbing,
                "plumbing",
                "Plumbing, \"hot\" water",
                "水管",
                "repair",
                5,
                2,
                1,
                1,
                1,
                0,
                3,
                1,
                2,
                1,
                dec("30.0"),
                dec("200.0"),
                2,
                dec("0.5000"),
                dec("4.00"),
                2,
                dec("4.00"),
                1));
    assertThat(report.categories().get(0))
        .isEqualTo(
            new SummaryRow(
                noise,
                "noise",
                "Noise\nat night",
                "噪音",
                "complaint",
                3,
                0,
                1,
                0,
                1,
                1,
                2,
                0,
                1,
                1,
                dec("7.5"),
                dec("780.0"),
                0,
                dec("0.0000"),
                dec("2.50"),
                2,
                dec("5.00"),
                1));
    assertThat(report.totals())
        .isEqualTo(
            new SummaryRow(
                null,
                null,
                null,
                null,
                null,
                8,
                2,
                2,
                1,
                2,
                1,
                5,
                1,
                3,
                2,
                dec("22.5"),
                dec("432.0"),
                2,
                dec("0.3333"),
                dec("3.25"),
                4,
                dec("4.50"),
                2));
  }

  @Test
  void summaryOfOneEstateAndWithinTheScope() throws Exception {
    theOrders();

    SummaryReport estate1 = reports.summary(MARCH, 1L, DataScope.ALL);
    assertThat(estate1.estateId()).isEqualTo(1L);
    SummaryRow noiseIn1 = estate1.categories().get(0);
    assertThat(noiseIn1.reported()).isEqualTo(2);
    assertThat(noiseIn1.done()).isZero();
    assertThat(noiseIn1.resolutionLate()).isZero();
    assertThat(noiseIn1.avgResponseMinutes()).isEqualByComparingTo("5.0");
    assertThat(noiseIn1.avgRating()).isEqualByComparingTo("4.00");
    assertThat(estate1.totals().reported()).isEqualTo(7);

    // building 11 only: not the public areas of estate 1 (P6, N1), not estate 2 (N3)
    DataScope building11 = DataScope.of(Set.of(), Set.of(11L));
    SummaryReport scoped = reports.summary(MARCH, null, building11);
    assertThat(scoped.totals().reported()).isEqualTo(5);
    assertThat(scoped.totals().open()).isEqualTo(1);
    assertThat(scoped.totals().cancelled()).isZero();
    assertThat(scoped.categories()).extracting(SummaryRow::reported).containsExactly(1, 4);

    // an estate outside the scope: nothing, not an error
    SummaryReport outside = reports.summary(MARCH, 2L, building11);
    assertThat(outside.categories()).isEmpty();
    assertThat(outside.totals().reported()).isZero();
    assertThat(outside.totals().avgRating()).isNull();
    assertThat(outside.totals().reopenRate()).isNull();

    DataScope estate2 = DataScope.of(Set.of(2L), Set.of());
    assertThat(reports.summary(MARCH, null, estate2).totals().reported()).isEqualTo(1);
  }

  @Test
  void thePeriodIsReckonedInTheTenantsZone() throws Exception {
    theOrders();

    LocalDate last = LocalDate.of(2024, 3, 31);
    LocalDate next = LocalDate.of(2024, 4, 1);
    LocalDate leap = LocalDate.of(2024, 2, 29);
    // 23:30 local on the last day counts (15:30 UTC), 00:10 the next day (16:10 UTC of the 31st)
    // does not
    assertThat(
            reports.summary(new ReportPeriod(last, last), null, DataScope.ALL).totals().reported())
        .isEqualTo(1);
    assertThat(
            reports.summary(new ReportPeriod(next, next), null, DataScope.ALL).totals().reported())
        .isEqualTo(1);
    assertThat(
            reports.summary(new ReportPeriod(leap, leap), null, DataScope.ALL).totals().reported())
        .isEqualTo(1);
    // 00:00 local on the first day counts
    LocalDate first = LocalDate.of(2024, 3, 1);
    assertThat(reports.summary(new ReportPeriod(first, first), null, DataScope.ALL).totals().open())
        .isEqualTo(1);

    db.execute("update workorder_settings set time_zone = 'UTC'");
    // in UTC, 03-31 23:30 +08 is 03-31 15:30 and 04-01 00:10 +08 is 03-31 16:10: both on the 31st
    assertThat(
            reports.summary(new ReportPeriod(last, last), null, DataScope.ALL).totals().reported())
        .isEqualTo(2);
  }

  @Test
  void techniciansCountTheOrdersDoneInThePeriod() throws Exception {
    theOrders();

    TechniciansReport march = reports.technicians(MARCH, null, DataScope.ALL);
    assertThat(march.timeZone()).isEqualTo("Asia/Shanghai");
    assertThat(march.technicians())
        .containsExactly(
            new TechnicianRow(101, null, 2, 1, dec("0.5000"), dec("240.0"), 1, dec("4.00"), 2),
            new TechnicianRow(103, null, 2, 1, dec("0.5000"), dec("780.0"), 0, dec("2.50"), 2));

    LocalDate april1 = LocalDate.of(2024, 4, 1);
    assertThat(
            reports
                .technicians(new ReportPeriod(april1, april1), null, DataScope.ALL)
                .technicians())
        .containsExactly(
            new TechnicianRow(102, null, 1, 1, dec("1.0000"), dec("120.0"), 0, null, 0));

    assertThat(reports.technicians(MARCH, 1L, DataScope.ALL).technicians())
        .extracting(TechnicianRow::userId, TechnicianRow::done)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(101L, 2),
            org.assertj.core.groups.Tuple.tuple(103L, 1));
    assertThat(reports.technicians(MARCH, null, DataScope.of(Set.of(2L), Set.of())).technicians())
        .extracting(TechnicianRow::userId)
        .containsExactly(103L);
    assertThat(reports.technicians(MARCH, 2L, DataScope.of(Set.of(), Set.of(11L))).technicians())
        .isEmpty();
  }

  @Test
  void periodsRunForwardAndAtMostAYear() {
    assertThat(ReportPeriod.of("2024-01-01", "2024-12-31").to())
        .isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(ReportPeriod.of("2024-03-01", "2024-03-01").from())
        .isEqualTo(LocalDate.of(2024, 3, 1));
    assertThatThrownBy(() -> ReportPeriod.of("2024-01-01", "2025-01-01"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(() -> ReportPeriod.of("2024-03-02", "2024-03-01"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(() -> ReportPeriod.of(null, "2024-03-01"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> ReportPeriod.of("2024-3-1", "2024-03-01"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void csvHasABomHeadersInTheCallersLanguageAndQuotesWhatNeedsIt() throws Exception {
    theOrders();
    SummaryReport report = reports.summary(MARCH, null, DataScope.ALL);

    byte[] english = ReportCsv.summary(report, Languages.ENGLISH);
    assertThat(english).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(english, 3, english.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n", -1);
    assertThat(lines[0])
        .startsWith("Code,Category,Kind,Reported,Open,Done,Confirmed,Closed,Cancelled,")
        .endsWith(",Average return-visit satisfaction,Return visits");
    assertThat(lines[1])
        .isEqualTo(
            "noise,\"Noise\nat night\",complaint,3,0,1,0,1,1,2,0,1,1,7.5,780.0,0,0.0000,2.50,2,5.00,1");
    assertThat(lines[2])
        .isEqualTo(
            "plumbing,\"Plumbing, \"\"hot\"\" water\",repair,5,2,1,1,1,0,3,1,2,1,30.0,200.0,2,0.5000,4.00,2,4.00,1");
    assertThat(lines[3]).isEqualTo(",Total,,8,2,2,1,2,1,5,1,3,2,22.5,432.0,2,0.3333,3.25,4,4.50,2");
    assertThat(lines[4]).isEmpty();
    assertThat(lines).hasSize(5);

    String chinese =
        new String(ReportCsv.summary(report, Languages.CHINESE), StandardCharsets.UTF_8);
    assertThat(chinese).startsWith("\ufeff编码,类别,类型,报单数,");
    assertThat(chinese).contains("\r\nplumbing,水管,repair,5,").contains("\r\n,合计,,8,");

    String technicians =
        new String(
            ReportCsv.technicians(
                reports.technicians(MARCH, null, DataScope.ALL), Languages.ENGLISH),
            StandardCharsets.UTF_8);
    assertThat(technicians)
        .isEqualTo(
            "\ufeffTechnician (user id),Name,Done,Resolved on time,On-time share,Average resolution"
                + " (minutes),Reopened,Average rating,Ratings\r\n"
                + "101,,2,1,0.5000,240.0,1,4.00,2\r\n"
                + "103,,2,1,0.5000,780.0,0,2.50,2\r\n");
    String named =
        new String(
            ReportCsv.technicians(
                reports
                    .technicians(MARCH, null, DataScope.ALL)
                    .named(java.util.Map.of(101L, "李师傅")),
                Languages.ENGLISH),
            StandardCharsets.UTF_8);
    assertThat(named).contains("\r\n101,李师傅,2,").contains("\r\n103,,2,");
    assertThat(named).doesNotContain(",=");
  }

  @Test
  void theQueriesReadThePeriodFromTheirIndexes() throws Exception {
    theOrders();
    // three years of orders, a few thousand, a handful a day
    db.execute(
        "insert into workorder (number, kind, category_id, state, description, estate_id,"
            + " building_id, place, reporter_kind, reporter_user_id, channel, assignee_user_id,"
            + " done_at, working_hours, response_minutes, resolution_minutes, response_due,"
            + " response_warn_at, responded_at, resolution_met_at, resolution_due,"
            + " resolution_warn_at, created_at)"
            + " select 'BULK-' || g, 'repair', "
            + plumbing
            + ", 'closed', 'bulk', 1 + g % 2, 11 + (g % 2) * 10, 'Lobby', 'staff', 1, 'phone',"
            + " 100 + g % 7, t + interval '3 hours', false, 30, 120, t + interval '30 minutes',"
            + " t + interval '30 minutes', t + interval '20 minutes', t + interval '3 hours',"
            + " t + interval '2 hours', t + interval '2 hours', t"
            + " from generate_series(1, 6000) g,"
            + " lateral (select timestamptz '2021-01-01 00:00+08' + g * interval '4 hours 23 minutes') x(t)");
    db.execute("analyze workorder");
    assertThat(db.count("select count(*) from workorder")).isGreaterThan(6000);

    String summary = plan(OrderReports.summaryQuery(MARCH, null, DataScope.ALL, null));
    assertThat(summary).contains("workorder_created_idx").doesNotContain("Seq Scan on workorder o");
    String technicians = plan(OrderReports.techniciansQuery(MARCH, null, DataScope.ALL, null));
    assertThat(technicians)
        .contains("workorder_done_at_idx")
        .doesNotContain("Seq Scan on workorder o");

    // and the numbers of the bulk: March 2024 reported (by created_at)
    assertThat(reports.summary(MARCH, null, DataScope.ALL).totals().reported())
        .isEqualTo(
            8
                + db.count(
                    "select count(*) from workorder where number like 'BULK-%' and created_at >="
                        + " '2024-03-01 00:00+08' and created_at < '2024-04-01 00:00+08'"));
  }

  private String plan(OrderReports.Query query) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.connection();
        PreparedStatement ps =
            new OrderReports.Query("EXPLAIN " + query.sql(), query.params()).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
