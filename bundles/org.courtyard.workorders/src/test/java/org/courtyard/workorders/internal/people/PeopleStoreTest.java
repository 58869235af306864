package org.courtyard.workorders.internal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.workorders.internal.people.RefusedFields.fields;
import static org.courtyard.workorders.internal.people.RefusedFields.refusal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.workorders.internal.MutableClock;
import org.courtyard.workorders.internal.TestSchema;
import org.courtyard.workorders.internal.people.DutyInput.ShiftInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Technicians, teams, shifts and the dispatcher's load against a real tenant schema. */
class PeopleStoreTest {

  /** 2026-12-07 10:00 in Shanghai, the schema's default zone. */
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  private static final PeopleRules.AreaCheck ANY_AREA = (estate, building) -> true;

  private TestSchema db;
  private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
  private Teams teams;
  private Technicians technicians;
  private DutyRoster duty;
  private DispatchLoad load;
  private int numbers;

  @BeforeEach
  void schema() throws Exception {
    db = TestSchema.fresh();
    teams = new Teams(db.jdbc());
    technicians = new Technicians(db.jdbc(), clock);
    duty = new DutyRoster(db.jdbc(), clock);
    load = new DispatchLoad(db.jdbc(), clock);
    db.execute(
        "insert into workorder_category (code, name_en, name_zh, kind, response_normal,"
            + " response_urgent, response_emergency, resolution_normal, resolution_urgent,"
            + " resolution_emergency) values ('plumbing', 'Plumbing', '水管', 'repair',"
            + " 120, 60, 30, 1440, 480, 240)");
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  /**
   * An open order of estate {@code estate} (building {@code building}) assigned to a technician or
   * a team; {@code responseDue} decides whether it is overdue.
   */
  private void order(
      String state, Long user, Long team, long estate, Long building, Instant responseDue)
      throws SQLException {
    boolean responded = !state.equals("dispatched");
    boolean paused = state.equals("paused");
    Instant created = NOW.minus(Duration.ofHours(5));
    db.execute(
        String.format(
            "insert into workorder (number, kind, category_id, state, description, estate_id,"
                + " building_id, place, reporter_kind, reporter_user_id, channel,"
                + " assignee_user_id, assignee_team_id, responded_at, pause_reason,"
                + " working_hours, response_minutes, resolution_minutes, response_due,"
                + " response_warn_at, resolution_running_since, paused_since, resolution_due,"
                + " resolution_warn_at) values ('WO-%d', 'repair',"
                + " (select id from workorder_category), '%s', 'a leak', %d, %s, 'lobby',"
                + " 'staff', 9, 'phone', %s, %s, %s, %s, false, 120, 1440, '%s', '%s', %s, %s,"
                + " %s, %s)",
            ++numbers,
            state,
            estate,
            building,
            user,
            team,
            responded ? "'" + created.plusSeconds(60) + "'" : "null",
            paused ? "'parts'" : "null",
            responseDue,
            responseDue.minusSeconds(600),
            paused ? "null" : "'" + created + "'",
            paused ? "'" + NOW + "'" : "null",
            paused ? "null" : "'" + NOW.plus(Duration.ofDays(1)) + "'",
            paused ? "null" : "'" + NOW.plus(Duration.ofHours(20)) + "'"));
  }

  @Test
  void teamsAreCreatedRenamedAndDeletedUnderTheirRules() throws Exception {
    TeamView water = teams.create(new TeamInput("水电班", List.of(12L, 11L, 12L), null));
    assertThat(water).isEqualTo(new TeamView(water.id(), "水电班", List.of(11L, 12L), 0));
    assertThat(refusal(() -> teams.create(new TeamInput(" 水电班 ", List.of(), null)), 409).type())
        .isEqualTo("duplicate");
    TeamView lift = teams.create(new TeamInput("电梯班", List.of(), null));

    TeamView renamed = teams.update(water.id(), new TeamInput("水电一班", List.of(13L), 0));
    assertThat(renamed).isEqualTo(new TeamView(water.id(), "水电一班", List.of(13L), 1));
    assertThat(
            refusal(() -> teams.update(water.id(), new TeamInput("x", List.of(), 0)), 409).type())
        .isEqualTo("stale-version");
    assertThat(
            refusal(() -> teams.update(water.id(), new TeamInput("电梯班", List.of(), 1)), 409).type())
        .isEqualTo("duplicate");
    assertThat(refusal(() -> teams.get(999), 404).type()).isEqualTo("not-found");
    assertThat(fields(() -> teams.update(water.id(), new TeamInput("", List.of(), null))))
        .containsExactly("name", "version");

    Page<TeamView> first = teams.page(1, null);
    assertThat(first.items).containsExactly(renamed);
    assertThat(teams.page(1, first.nextCursor).items).containsExactly(lift);
    assertThat(teams.page(1, first.nextCursor).nextCursor).isNull();

    // a team an order names stays in its history
    order("dispatched", null, water.id(), 1, null, NOW.plusSeconds(3600));
    assertThat(refusal(() -> teams.delete(water.id()), 409).type()).isEqualTo("team-in-use");
    teams.delete(lift.id());
    assertThat(refusal(() -> teams.get(lift.id()), 404).type()).isEqualTo("not-found");
    assertThat(refusal(() -> teams.delete(lift.id()), 404).type()).isEqualTo("not-found");
    assertThat(db.count("select count(*) from workorder_team_member")).isEqualTo(1);
  }

  @Test
  void aTechniciansSkillsAreasTeamsOrdersAndDutyAreReadTogether() throws Exception {
    TeamView water = teams.create(new TeamInput("水电班", List.of(7L), null));
    TechnicianView seven =
        technicians.update(
            7,
            new TechnicianInput(
                List.of("plumbing", "electrical"), List.of(new Area(1L, null), new Area(2L, 20L))),
            ANY_AREA,
            DataScope.ALL);
    assertThat(seven.skills()).containsExactly("electrical", "plumbing");
    assertThat(seven.areas()).containsExactly(new Area(1L, null), new Area(2L, 20L));
    assertThat(seven.teams()).containsExactly(new TechnicianView.TeamRef(water.id(), "水电班"));
    assertThat(seven.onDutyNow()).isFalse();

    // a second edit replaces, it does not add
    assertThat(
            technicians
                .update(7, new TechnicianInput(List.of("lift"), List.of()), ANY_AREA, DataScope.ALL)
                .skills())
        .containsExactly("lift");
    assertThat(
            fields(
                () ->
                    technicians.update(
                        7,
                        new TechnicianInput(List.of(), List.of(new Area(5L, null))),
                        (estate, building) -> false,
                        DataScope.ALL)))
        .containsExactly("areas[0].estateId");

    order("accepted", 7L, null, 1, null, NOW.plusSeconds(3600));
    order("in_progress", 7L, null, 2, 20L, NOW.plusSeconds(3600));
    order("in_progress", 8L, null, 2, null, NOW.plusSeconds(3600));
    // 10:00 in Shanghai is inside 08:00-20:00
    duty.replace(
        7,
        "2026-12-07",
        "2026-12-07",
        new DutyInput(List.of(new ShiftInput("2026-12-07", "08:00", "20:00"))));

    TechnicianView read = technicians.get(7, DataScope.ALL);
    assertThat(read.openOrders()).isEqualTo(2);
    assertThat(read.onDutyNow()).isTrue();
    assertThat(technicians.get(7, DataScope.of(List.of(), List.of(20L))).openOrders()).isEqualTo(1);
    assertThat(technicians.list(DataScope.ALL))
        .extracting(TechnicianView::userId, TechnicianView::openOrders, TechnicianView::onDutyNow)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(7L, 2, true),
            org.assertj.core.groups.Tuple.tuple(8L, 1, false));
    assertThat(technicians.get(99, DataScope.ALL))
        .isEqualTo(new TechnicianView(99, List.of(), List.of(), List.of(), 0, false));

    clock.set(Instant.parse("2026-12-07T12:00:00Z"));
    assertThat(technicians.get(7, DataScope.ALL).onDutyNow()).isFalse();
  }

  @Test
  void shiftsAreReplacedByRangeAndNeverOverlapAcrossIt() throws Exception {
    DutyView week =
        duty.replace(
            7,
            "2026-12-07",
            "2026-12-13",
            new DutyInput(
                List.of(
                    new ShiftInput("2026-12-07", "20:00", "08:00"),
                    new ShiftInput("2026-12-13", "20:00", "08:00"))));
    assertThat(week.timeZone()).isEqualTo("Asia/Shanghai");
    assertThat(week.shifts())
        .extracting(
            DutyView.Shift::day, DutyView.Shift::from, DutyView.Shift::to, DutyView.Shift::endsAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "2026-12-07", "20:00", "08:00", Instant.parse("2026-12-08T00:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "2026-12-13", "20:00", "08:00", Instant.parse("2026-12-14T00:00:00Z")));
    // the default range: today (in the tenant's zone) and the six days after
    assertThat(duty.get(7, null, null)).isEqualTo(week);

    // the next week's first morning would begin inside Sunday's night shift
    assertThat(
            refusal(
                    () ->
                        duty.replace(
                            7,
                            "2026-12-14",
                            "2026-12-20",
                            new DutyInput(List.of(new ShiftInput("2026-12-14", "07:00", "12:00")))),
                    409)
                .type())
        .isEqualTo("duty-overlap");
    // another technician's shift may overlap, and touching shifts are fine
    duty.replace(
        8,
        "2026-12-14",
        "2026-12-14",
        new DutyInput(List.of(new ShiftInput("2026-12-14", "07:00", "12:00"))));
    duty.replace(
        7,
        "2026-12-14",
        "2026-12-14",
        new DutyInput(List.of(new ShiftInput("2026-12-14", "08:00", "12:00"))));

    // replacing a range removes what it does not list, only in that range
    assertThat(duty.replace(7, "2026-12-13", "2026-12-13", new DutyInput(List.of())).shifts())
        .isEmpty();
    assertThat(duty.get(7, "2026-12-01", "2026-12-31").shifts()).hasSize(2);

    // the database holds the rule for every writer
    assertThat(
            refusal(
                    () -> {
                      try {
                        db.execute(
                            "insert into workorder_duty (user_id, day, from_time, to_time,"
                                + " starts_at, ends_at) values (7, '2026-12-14', '09:00', '10:00',"
                                + " '2026-12-14T01:00:00Z', '2026-12-14T02:00:00Z')");
                      } catch (SQLException e) {
                        throw new org.courtyard.api.ProblemException(409, e.getSQLState(), "", "");
                      }
                    },
                    409)
                .type())
        .isEqualTo("23P01");
  }

  @Test
  void theLoadCountsOpenOrdersPerTechnicianAndTeamWithinTheScope() throws Exception {
    TeamView water = teams.create(new TeamInput("水电班", List.of(7L), null));
    Instant late = NOW.minusSeconds(60);
    Instant later = NOW.plusSeconds(3600);
    order("accepted", 7L, null, 1, null, later);
    order("in_progress", 7L, null, 1, 10L, later);
    order("paused", 7L, null, 2, 20L, later);
    order("dispatched", 7L, null, 2, null, late);
    order("dispatched", null, water.id(), 1, null, late);
    order("dispatched", null, water.id(), 2, 20L, later);
    // a breach the sweep marked counts although its instant is the response's, long met
    order("in_progress", 8L, null, 1, null, later);
    db.execute("update workorder set resolution_breached_at = now() where assignee_user_id = 8");
    // finished and new orders are nobody's load
    db.execute(
        "update workorder set state = 'new', assignee_user_id = null, responded_at = null"
            + " where id = (select max(id) from workorder where assignee_user_id = 8)");
    order("in_progress", 8L, null, 1, null, later);
    db.execute("update workorder set resolution_breached_at = now() where assignee_user_id = 8");

    assertThat(load.load(DataScope.ALL))
        .containsExactly(
            new LoadRow(7L, null, 4, 1, 1, 1, 1, 1),
            new LoadRow(8L, null, 1, 0, 0, 1, 0, 1),
            new LoadRow(null, water.id(), 2, 2, 0, 0, 0, 1));
    // estate 2 whole, and building 10 of estate 1
    assertThat(load.load(DataScope.of(List.of(2L), List.of(10L))))
        .containsExactly(
            new LoadRow(7L, null, 3, 1, 0, 1, 1, 1),
            new LoadRow(null, water.id(), 1, 1, 0, 0, 0, 0));
    assertThat(load.load(DataScope.of(List.of(), List.of(99L)))).isEmpty();
  }
}
