package org.courtyard.admin.property.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.courtyard.admin.contract.FakeSecurityArea;
import org.courtyard.admin.property.NotAllowedView;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecurityViewsTest extends PropertyTestBase {

  private static long leak;
  private static long forced;

  @BeforeAll
  static void seed() {
    FakeSecurityArea area = fake.area(FakeSecurityArea.class);
    leak =
        area.alarm(
            "water_leak",
            "meter-1",
            1L,
            "leak at channel 1",
            Instant.parse("2026-12-06T07:00:00Z"));
    forced =
        area.alarm(
            "door_forced",
            "gate-n",
            2L,
            "north gate forced",
            Instant.parse("2026-12-06T08:00:00Z"));
    area.alarm("smoke", "smoke-9", 9L, "estate 9", Instant.parse("2026-12-06T06:00:00Z"));
    area.accessEvent(
        "gate-n",
        "North gate",
        2L,
        true,
        "card valid",
        "Li Lei",
        Instant.parse("2026-12-06T08:01:00Z"));
    area.accessEvent(
        "gate-n",
        "North gate",
        2L,
        false,
        "card revoked",
        "Han Meimei",
        Instant.parse("2026-12-06T08:02:00Z"));
    area.accessEvent(
        "gate-s",
        "South gate",
        1L,
        true,
        "pin valid",
        "Wang Fang",
        Instant.parse("2026-12-06T08:03:00Z"));
    fake.staff(COMPANY, "guard.east", PASSWORD).grantInEstates("guard", 1L);

    area.device("gate-n", 2L);
    area.device("gate-s", 1L);
    Instant now = Instant.now();
    area.credential(
        "card", "04A1B2C3", "Li Lei", List.of("gate-n:1"), now.minusSeconds(86_400), null);
    area.credential("pin", "482913", "Wang Fang", List.of("gate-s"), now, null);
    revocable =
        area.credential(
            "qr", "QR-77", "Zhang Wei", List.of("gate-n:2"), now, now.plusSeconds(86_400));
    northLoop =
        area.route("North loop", List.of("gate-n:1", "gate-n:2"), List.of("08:00", "20:00"), 30);
    // a round three hours ago that reached only the first checkpoint, and one still to come
    missedRound =
        area.round(
            northLoop,
            now.minusSeconds(3 * 3600),
            java.util.Map.of("gate-n:1", now.minusSeconds(3 * 3600 - 300)));
    upcomingRound = area.round(northLoop, now.plusSeconds(3600), java.util.Map.of());
    area.route("South loop", List.of("gate-s:1"), List.of("09:00"), 15);
    lostCard =
        area.credential("card", "R-88", "Sun Li", List.of("gate-s:3"), now.minusSeconds(60), null);
    editable = area.route("West loop", List.of("gate-s:4", "tag-w"), List.of("07:00"), 20);
    retirable = area.route("Old loop", List.of("gate-s:5"), List.of("06:00"), 10);
  }

  private static long lostCard;
  private static long editable;
  private static long retirable;

  private static long revocable;
  private static long northLoop;
  private static long missedRound;
  private static long upcomingRound;

  @SuppressWarnings("unchecked")
  private static Grid<Alarm> alarmsGrid() {
    return _get(Grid.class, s -> s.withId("alarms-grid"));
  }

  private static List<Long> alarmIds() {
    return GridKt._fetch(alarmsGrid(), 0, 100).stream().map(Alarm::id).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<AccessEvent> events() {
    return GridKt._fetch(
        (Grid<AccessEvent>) _get(Grid.class, s -> s.withId("access-grid")), 0, 100);
  }

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  /** Clicks a button of the alarm's row ({@code alarm-acknowledge-} or {@code alarm-resolve-}). */
  private static void clickInRow(String prefix, long alarm) {
    HorizontalLayout cell =
        (HorizontalLayout)
            GridKt._getCellComponent(alarmsGrid(), alarmIds().indexOf(alarm), "actions");
    ButtonKt._click(
        (Button)
            cell.getChildren()
                .filter(c -> c.getId().orElse("").equals(prefix + alarm))
                .findFirst()
                .orElseThrow());
  }

  private static boolean rowOffers(String prefix, long alarm) {
    HorizontalLayout cell =
        (HorizontalLayout)
            GridKt._getCellComponent(alarmsGrid(), alarmIds().indexOf(alarm), "actions");
    return cell.getChildren().anyMatch(c -> c.getId().orElse("").equals(prefix + alarm));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void openAlarmsAreListedNewestFirstAndRefreshWhileShown() {
    signIn("guard");
    UI.getCurrent().navigate(AlarmsView.class);

    List<Long> open = alarmIds();
    assertThat(open).startsWith(forced, leak);
    assertThat(GridKt._getFormatted(alarmsGrid(), 0, "kind")).isEqualTo("Door forced open");

    long fresh =
        fake.area(FakeSecurityArea.class)
            .alarm("tamper", "meter-1", 1L, "cover opened", Instant.parse("2026-12-06T09:00:00Z"));
    // nothing is clicked or reloaded: the screen's feed notices and the change is pushed
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (alarmIds().get(0) != fresh && System.nanoTime() < deadline) {
      MockVaadin.clientRoundtrip();
      sleep(50);
    }
    assertThat(alarmIds().get(0)).isEqualTo(fresh);
  }

  @Test
  void aGuardAcknowledgesThenResolvesWithANote() {
    long id =
        fake.area(FakeSecurityArea.class)
            .alarm(
                "low_battery", "meter-1", 1L, "battery 9%", Instant.parse("2026-12-05T09:00:00Z"));
    signIn("guard");
    UI.getCurrent().navigate(AlarmsView.class);

    clickInRow("alarm-acknowledge-", id);
    HasValueUtilsKt._setValue(_get(TextArea.class, s -> s.withId("alarm-note")), "on my way");
    click("alarm-dialog-ok");
    assertThat(alarmIds()).doesNotContain(id);

    @SuppressWarnings("unchecked")
    Select<String> status = _get(Select.class, s -> s.withId("alarms-status"));
    HasValueUtilsKt._setValue(status, AlarmsView.OPEN);
    assertThat(alarmIds()).contains(id);
    HasValueUtilsKt._setValue(status, "acknowledged");
    int row = alarmIds().indexOf(id);
    assertThat(GridKt._getFormatted(alarmsGrid(), row, "handled")).isEqualTo("taken by guard");
    assertThat(rowOffers("alarm-acknowledge-", id)).isFalse();
    assertThat(rowOffers("alarm-resolve-", id)).isTrue();

    clickInRow("alarm-resolve-", id);
    click("alarm-dialog-ok");
    HasValueUtilsKt._setValue(status, AlarmsView.OPEN);
    assertThat(alarmIds()).doesNotContain(id);
    HasValueUtilsKt._setValue(status, "resolved");
    row = alarmIds().indexOf(id);
    assertThat(GridKt._getFormatted(alarmsGrid(), row, "status")).isEqualTo("resolved");
    assertThat(GridKt._getFormatted(alarmsGrid(), row, "handled")).isEqualTo("resolved by guard");
  }

  @Test
  void aConflictSaysWhereTheAlarmIsNow() {
    long id =
        fake.area(FakeSecurityArea.class)
            .alarm("smoke", "meter-1", 1L, "kitchen", Instant.parse("2026-12-05T10:00:00Z"));
    signIn("guard");
    UI.getCurrent().navigate(AlarmsView.class);
    clickInRow("alarm-acknowledge-", id);
    // someone else resolves it meanwhile
    org.courtyard.admin.api.TenantApi other =
        org.courtyard.admin.api.TenantApi.signIn(fake.baseUrl(), COMPANY, "admin", PASSWORD, null);
    other.post("security/alarms/" + id + "/resolve", new Alarm.Action("admin", null), Alarm.class);

    click("alarm-dialog-ok");
    assertThat(
            _find(
                Span.class,
                s ->
                    s.withText(
                        "Alarm is resolved: Alarm "
                            + id
                            + " is resolved; it cannot be acknowledged.")))
        .hasSize(1);
  }

  @Test
  void staffSeeOnlyTheAlarmsOfTheirEstates() {
    signIn("guard.east");
    UI.getCurrent().navigate(AlarmsView.class);
    assertThat(alarmIds()).contains(leak).doesNotContain(forced);
  }

  @Test
  void readersSeeEveryAlarmButGetNoButtons() {
    fake.staff(COMPANY, "auditor.1", PASSWORD).grant("auditor");
    signIn("auditor.1");
    UI.getCurrent().navigate(AlarmsView.class);
    assertThat(alarmIds()).contains(leak, forced);
    assertThat(alarmsGrid().getColumnByKey("actions")).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theAccessLogFiltersByDecisionAndDevice() {
    signIn("guard");
    UI.getCurrent().navigate(AccessEventsView.class);

    assertThat(events())
        .extracting(AccessEvent::holder)
        .containsExactly("Wang Fang", "Han Meimei", "Li Lei");
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("access-granted")), "false");
    assertThat(events()).extracting(AccessEvent::holder).containsExactly("Han Meimei");
    Grid<AccessEvent> grid = _get(Grid.class, s -> s.withId("access-grid"));
    assertThat(GridKt._getFormatted(grid, 0, "granted")).isEqualTo("refused");
    assertThat(GridKt._getFormatted(grid, 0, "reason")).isEqualTo("card revoked");

    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("access-granted")), "");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("access-device")), "gate-s");
    assertThat(events()).extracting(AccessEvent::door).containsExactly("South gate");
  }

  @Test
  void staffWithoutSecurityPermissionsAreNotAllowed() {
    signIn("cashier");
    UI.getCurrent().navigate(AlarmsView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("security.alarm.read");
  }

  @Test
  void inChineseTheAlarmsSpeakChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("guard");
    UI.getCurrent().navigate(AlarmsView.class);

    assertThat(_get(H2.class, s -> s.withText("告警"))).isNotNull();
    assertThat(GridKt._getFormatted(alarmsGrid(), 0, "status")).isEqualTo("待处理");
  }

  // ------------------------------------------------------------------------------ credentials

  @SuppressWarnings("unchecked")
  private static Grid<Credential> credentialsGrid() {
    return _get(Grid.class, s -> s.withId("credentials-grid"));
  }

  private static List<Credential> credentials() {
    return GridKt._fetch(credentialsGrid(), 0, 100);
  }

  private static TextField field(String id) {
    return _get(TextField.class, s -> s.withId(id));
  }

  @Test
  @SuppressWarnings("unchecked")
  void credentialsAreListedNewestFirstAndFilteredByHolder() {
    signIn("guard");
    UI.getCurrent().navigate(CredentialsView.class);

    assertThat(credentials())
        .extracting(Credential::holder)
        .containsSubsequence("Wang Fang", "Li Lei");
    int li = credentials().stream().map(Credential::holder).toList().indexOf("Li Lei");
    assertThat(GridKt._getFormatted(credentialsGrid(), li, "kind")).isEqualTo("card");
    assertThat(GridKt._getFormatted(credentialsGrid(), li, "doors")).isEqualTo("gate-n:1");
    assertThat(GridKt._getFormatted(credentialsGrid(), li, "status")).isEqualTo("active");

    HasValueUtilsKt._setValue(field("credentials-holder"), "wang");
    assertThat(credentials()).extracting(Credential::holder).containsExactly("Wang Fang");
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("credentials-status")), "revoked");
    assertThat(credentials()).isEmpty();
  }

  @Test
  void issuingPutsEachRefusalOnItsFieldThenIssues() {
    signIn("guard");
    UI.getCurrent().navigate(CredentialsView.class);
    click("credential-issue");
    HasValueUtilsKt._setValue(field("credential-value"), "04FFEE01");
    HasValueUtilsKt._setValue(field("credential-doors"), "Not A Door!");
    HasValueUtilsKt._setValue(field("credential-to"), "next week");
    click("credential-dialog-ok");

    assertThat(field("credential-holder").isInvalid()).isTrue();
    assertThat(field("credential-holder").getErrorMessage()).isEqualTo("1-100 characters");
    assertThat(field("credential-doors").isInvalid()).isTrue();
    assertThat(field("credential-to").getErrorMessage()).contains("ISO-8601");
    assertThat(field("credential-value").isInvalid()).isFalse();

    HasValueUtilsKt._setValue(field("credential-holder"), "Chen Jing");
    HasValueUtilsKt._setValue(field("credential-doors"), "gate-s:1, gate-s:2");
    HasValueUtilsKt._setValue(field("credential-to"), "2099-12-31T18:00");
    Dialog dialog = _get(Dialog.class, s -> s.withId("credential-dialog"));
    click("credential-dialog-ok");

    assertThat(dialog.isOpened()).isFalse();
    Credential issued = credentials().get(0);
    assertThat(issued.holder()).isEqualTo("Chen Jing");
    assertThat(issued.credential()).isEqualTo("04FFEE01");
    assertThat(issued.doors()).containsExactly("gate-s:1", "gate-s:2");
    assertThat(issued.validTo()).isAfter(Instant.parse("2099-12-31T00:00:00Z"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void revokingAsksFirstThenTheCredentialIsRevoked() {
    signIn("guard");
    UI.getCurrent().navigate(CredentialsView.class);
    int row = credentials().stream().map(Credential::id).toList().indexOf(revocable);
    HorizontalLayout cell =
        (HorizontalLayout) GridKt._getCellComponent(credentialsGrid(), row, "actions");
    ButtonKt._click((Button) cell.getComponentAt(0));
    assertThat(_find(Paragraph.class))
        .anyMatch(p -> p.getText().contains("QR code QR-77 of Zhang Wei will open no door"));
    click("credential-revoke-ok");

    assertThat(credentials()).extracting(Credential::id).doesNotContain(revocable);
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("credentials-status")), "revoked");
    assertThat(credentials()).extracting(Credential::id).containsExactly(revocable);
    assertThat(GridKt._getFormatted(credentialsGrid(), 0, "status")).isEqualTo("revoked");
    HorizontalLayout done =
        (HorizontalLayout) GridKt._getCellComponent(credentialsGrid(), 0, "actions");
    assertThat(done.getComponentCount()).isZero();
  }

  @Test
  void readersOfCredentialsMayNeitherIssueNorRevoke() {
    fake.staff(COMPANY, "auditor.2", PASSWORD).grant("auditor");
    signIn("auditor.2");
    UI.getCurrent().navigate(CredentialsView.class);
    assertThat(credentials()).extracting(Credential::holder).contains("Li Lei", "Wang Fang");
    assertThat(_find(Button.class, s -> s.withId("credential-issue"))).isEmpty();
    assertThat(credentialsGrid().getColumnByKey("actions")).isNull();
  }

  @Test
  void staffSeeOnlyTheCredentialsOfTheirEstatesDoors() {
    signIn("guard.east");
    UI.getCurrent().navigate(CredentialsView.class);
    assertThat(credentials()).extracting(Credential::holder).contains("Wang Fang");
    assertThat(credentials()).extracting(Credential::holder).doesNotContain("Li Lei");
  }

  // ------------------------------------------------------------------------------ patrol

  @SuppressWarnings("unchecked")
  private static Grid<Patrol.Round> roundsGrid() {
    return _get(Grid.class, s -> s.withId("patrol-rounds"));
  }

  private static List<Patrol.Round> rounds() {
    return GridKt._fetch(roundsGrid(), 0, 100);
  }

  private static int rowOf(long round) {
    return rounds().stream().map(Patrol.Round::id).toList().indexOf(round);
  }

  @Test
  @SuppressWarnings("unchecked")
  void patrolShowsRoutesRoundsWithMissedCheckpointsAndARoundsCheckins() {
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);

    Grid<Patrol.Route> routes = _get(Grid.class, s -> s.withId("patrol-routes"));
    assertThat(GridKt._fetch(routes, 0, 10))
        .extracting(Patrol.Route::name)
        .startsWith("North loop", "South loop");
    assertThat(GridKt._getFormatted(routes, 0, "checkpoints")).isEqualTo("gate-n:1 → gate-n:2");

    List<Patrol.Round> all = rounds();
    int gone = rowOf(missedRound);
    int next = rowOf(upcomingRound);
    assertThat(gone).isLessThan(next);
    assertThat(GridKt._getFormatted(roundsGrid(), gone, "status")).isEqualTo("missed");
    Span missed = (Span) GridKt._getCellComponent(roundsGrid(), gone, "missed");
    assertThat(missed.getText()).isEqualTo("gate-n:2");
    assertThat(missed.getClassNames()).contains("patrol-missed");
    assertThat(GridKt._getFormatted(roundsGrid(), next, "status")).isEqualTo("scheduled");
    assertThat(((Span) GridKt._getCellComponent(roundsGrid(), next, "missed")).getClassNames())
        .isEmpty();

    roundsGrid().select(all.get(gone));
    Grid<Patrol.Checkin> checkins = _get(Grid.class, s -> s.withId("patrol-checkins"));
    assertThat(GridKt._fetch(checkins, 0, 10))
        .extracting(Patrol.Checkin::checkpoint)
        .containsExactly("gate-n:1");
    assertThat(GridKt._getFormatted(checkins, 0, "source")).isEqualTo("the app");
    assertThat(_get(H3.class, s -> s.withId("patrol-round-title")).getText())
        .startsWith("Check-ins of North loop");
  }

  @Test
  void schedulingTodayAddsTheRoutesRoundsOnce() {
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);
    int before = rounds().size();
    click("patrol-schedule");
    int after = rounds().size();
    assertThat(after).isGreaterThan(before);
    click("patrol-schedule");
    assertThat(rounds()).hasSize(after);
  }

  @Test
  void aPastDayShowsThatDaysRoundsAndClearingItTheCurrentOnes() {
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);
    int current = rounds().size();
    assertThat(current).isPositive();
    DatePicker day = _get(DatePicker.class, s -> s.withId("patrol-day"));
    HasValueUtilsKt._setValue(day, java.time.LocalDate.of(2001, 1, 1));
    assertThat(rounds()).isEmpty();
    HasValueUtilsKt._setValue(day, null);
    assertThat(rounds()).hasSize(current);
  }

  @Test
  void patrolReadersGetNoScheduleButton() {
    fake.staff(COMPANY, "auditor.3", PASSWORD).grant("auditor");
    signIn("auditor.3");
    UI.getCurrent().navigate(PatrolView.class);
    assertThat(rounds()).isNotEmpty();
    assertThat(_find(Button.class, s -> s.withId("patrol-schedule"))).isEmpty();
  }

  @Test
  void staffWithoutPatrolPermissionsAreNotAllowed() {
    signIn("cashier");
    UI.getCurrent().navigate(PatrolView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("security.patrol.read");
  }

  @Test
  void inChinesePatrolAndCredentialsSpeakChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);
    assertThat(_get(H2.class, s -> s.withText("巡更"))).isNotNull();
    assertThat(GridKt._getFormatted(roundsGrid(), rowOf(missedRound), "status")).isEqualTo("漏巡");
    UI.getCurrent().navigate(CredentialsView.class);
    assertThat(_get(H2.class, s -> s.withText("门禁凭证"))).isNotNull();
  }

  // ------------------------------------------------------------------------------ #12 filters

  @Test
  @SuppressWarnings("unchecked")
  void credentialsAreFilteredByKindAndByADoorOrController() {
    signIn("guard");
    UI.getCurrent().navigate(CredentialsView.class);
    Select<String> kind = _get(Select.class, s -> s.withId("credentials-kind"));
    HasValueUtilsKt._setValue(kind, "pin");
    assertThat(credentials()).extracting(Credential::holder).containsExactly("Wang Fang");
    HasValueUtilsKt._setValue(kind, "");

    TextField door = field("credentials-door");
    HasValueUtilsKt._setValue(door, "gate-n:1");
    assertThat(credentials()).extracting(Credential::holder).containsExactly("Li Lei");
    // a controller: any of its doors; a door: also a credential for its whole controller
    HasValueUtilsKt._setValue(door, "gate-s");
    assertThat(credentials()).extracting(Credential::holder).contains("Wang Fang");
    assertThat(credentials()).extracting(Credential::holder).doesNotContain("Li Lei");
    HasValueUtilsKt._setValue(door, "gate-s:9");
    assertThat(credentials()).extracting(Credential::holder).containsExactly("Wang Fang");

    // what the API would refuse is marked on the field, and the list stays as it was
    HasValueUtilsKt._setValue(door, "Gate S");
    assertThat(door.isInvalid()).isTrue();
    assertThat(door.getErrorMessage()).contains("gate-1:2");
    assertThat(credentials()).extracting(Credential::holder).containsExactly("Wang Fang");
    HasValueUtilsKt._setValue(door, "");
    assertThat(door.isInvalid()).isFalse();
    assertThat(credentials()).extracting(Credential::holder).contains("Li Lei", "Wang Fang");
  }

  @Test
  @SuppressWarnings("unchecked")
  void revokingTakesAReasonAndTheListSaysWhoRevokedAndWhy() {
    signIn("guard");
    UI.getCurrent().navigate(CredentialsView.class);
    int row = credentials().stream().map(Credential::id).toList().indexOf(lostCard);
    HorizontalLayout cell =
        (HorizontalLayout) GridKt._getCellComponent(credentialsGrid(), row, "actions");
    ButtonKt._click((Button) cell.getComponentAt(0));

    TextField reason = field("credential-revoke-reason");
    HasValueUtilsKt._setValue(reason, "y".repeat(201));
    click("credential-revoke-ok");
    Dialog dialog = _get(Dialog.class, s -> s.withId("credential-revoke-dialog"));
    assertThat(dialog.isOpened()).isTrue();
    assertThat(reason.isInvalid()).isTrue();
    assertThat(reason.getErrorMessage()).contains("200");

    HasValueUtilsKt._setValue(reason, "card lost 卡丢失");
    click("credential-revoke-ok");
    assertThat(dialog.isOpened()).isFalse();
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("credentials-status")), "revoked");
    HasValueUtilsKt._setValue(field("credentials-holder"), "sun li");
    Credential revoked = credentials().get(0);
    assertThat(revoked.id()).isEqualTo(lostCard);
    assertThat(revoked.revokedBy()).isEqualTo("guard");
    assertThat(revoked.reason()).isEqualTo("card lost 卡丢失");
    assertThat(GridKt._getFormatted(credentialsGrid(), 0, "revoked"))
        .startsWith("guard, ")
        .endsWith(": card lost 卡丢失");
  }

  // ------------------------------------------------------------------------------ #12 routes

  @SuppressWarnings("unchecked")
  private static Grid<Patrol.Route> routesGrid() {
    return _get(Grid.class, s -> s.withId("patrol-routes"));
  }

  private static int routeRow(long id) {
    return GridKt._fetch(routesGrid(), 0, 100).stream().map(Patrol.Route::id).toList().indexOf(id);
  }

  private static Patrol.Route listedRoute(long id) {
    return GridKt._fetch(routesGrid(), 0, 100).get(routeRow(id));
  }

  private static void clickRouteAction(String prefix, long id) {
    HorizontalLayout cell =
        (HorizontalLayout) GridKt._getCellComponent(routesGrid(), routeRow(id), "actions");
    ButtonKt._click(
        (Button)
            cell.getChildren()
                .filter(c -> c.getId().orElse("").equals(prefix + id))
                .findFirst()
                .orElseThrow());
  }

  @Test
  void aManagerEditsARouteInTheDialogAndARefusalLandsOnItsField() {
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);
    clickRouteAction("patrol-route-edit-", editable);
    assertThat(field("patrol-route-name").getValue()).isEqualTo("West loop");
    assertThat(field("patrol-route-checkpoints").getValue()).isEqualTo("gate-s:4, tag-w");
    assertThat(field("patrol-route-times").getValue()).isEqualTo("07:00");

    HasValueUtilsKt._setValue(field("patrol-route-name"), " ");
    HasValueUtilsKt._setValue(field("patrol-route-times"), "7 o'clock");
    click("patrol-route-dialog-ok");
    assertThat(field("patrol-route-name").isInvalid()).isTrue();
    assertThat(field("patrol-route-name").getErrorMessage()).isEqualTo("1-100 characters");
    assertThat(field("patrol-route-times").isInvalid()).isTrue();
    assertThat(field("patrol-route-checkpoints").isInvalid()).isFalse();

    HasValueUtilsKt._setValue(field("patrol-route-name"), "West loop 西线");
    HasValueUtilsKt._setValue(field("patrol-route-times"), "19:00，07:30");
    HasValueUtilsKt._setValue(
        _get(
            com.vaadin.flow.component.textfield.IntegerField.class,
            s -> s.withId("patrol-route-minutes")),
        25);
    Dialog dialog = _get(Dialog.class, s -> s.withId("patrol-route-dialog"));
    click("patrol-route-dialog-ok");
    assertThat(dialog.isOpened()).isFalse();
    Patrol.Route saved = listedRoute(editable);
    assertThat(saved.name()).isEqualTo("West loop 西线");
    assertThat(saved.times()).containsExactly("07:30", "19:00");
    assertThat(saved.roundMinutes()).isEqualTo(25);
    assertThat(saved.version()).isEqualTo(1);
  }

  @Test
  void anEditMadeMeanwhileIsNotOverwritten() {
    long route =
        fake.area(FakeSecurityArea.class)
            .route("Race loop", List.of("gate-s:6"), List.of("10:00"), 15);
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);
    clickRouteAction("patrol-route-edit-", route);
    // someone else saves first
    new SecurityClient(org.courtyard.admin.property.PropertySession.api())
        .updateRoute(
            route,
            new Patrol.RouteInput("Race loop A", List.of("gate-s:6"), List.of("10:00"), 15, 0),
            "Asia/Shanghai");
    HasValueUtilsKt._setValue(field("patrol-route-name"), "Race loop B");
    Dialog dialog = _get(Dialog.class, s -> s.withId("patrol-route-dialog"));
    click("patrol-route-dialog-ok");
    assertThat(dialog.isOpened()).isTrue();
    assertThat(
            new SecurityClient(org.courtyard.admin.property.PropertySession.api())
                .route(route)
                .name())
        .isEqualTo("Race loop A");
  }

  @Test
  void aNewRouteIsAddedFromTheSameDialog() {
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);
    click("patrol-route-new");
    HasValueUtilsKt._setValue(field("patrol-route-name"), "Garage loop");
    HasValueUtilsKt._setValue(field("patrol-route-checkpoints"), "gate-s:7 tag-g1, tag-g2");
    HasValueUtilsKt._setValue(field("patrol-route-times"), "22:00");
    click("patrol-route-dialog-ok");
    assertThat(GridKt._fetch(routesGrid(), 0, 100))
        .filteredOn(r -> r.name().equals("Garage loop"))
        .singleElement()
        .satisfies(r -> assertThat(r.checkpoints()).containsExactly("gate-s:7", "tag-g1", "tag-g2"))
        .satisfies(r -> assertThat(r.roundMinutes()).isEqualTo(30));
  }

  @Test
  void aRetiredRouteStaysListedAsRetiredWithNothingToDo() {
    signIn("guard");
    UI.getCurrent().navigate(PatrolView.class);
    assertThat(GridKt._getFormatted(routesGrid(), routeRow(retirable), "status"))
        .isEqualTo("active");
    clickRouteAction("patrol-route-retire-", retirable);
    assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().contains("Old loop"));
    click("patrol-route-retire-ok");
    assertThat(GridKt._getFormatted(routesGrid(), routeRow(retirable), "status"))
        .isEqualTo("retired");
    HorizontalLayout cell =
        (HorizontalLayout) GridKt._getCellComponent(routesGrid(), routeRow(retirable), "actions");
    assertThat(cell.getComponentCount()).isZero();
    assertThat(listedRoute(retirable).retiredAt()).isNotNull();
  }

  @Test
  void patrolReadersMayNeitherAddEditNorRetireRoutes() {
    fake.staff(COMPANY, "auditor.4", PASSWORD).grant("auditor");
    signIn("auditor.4");
    UI.getCurrent().navigate(PatrolView.class);
    assertThat(GridKt._fetch(routesGrid(), 0, 10)).isNotEmpty();
    assertThat(_find(Button.class, s -> s.withId("patrol-route-new"))).isEmpty();
    assertThat(routesGrid().getColumnByKey("actions")).isNull();
  }
}
