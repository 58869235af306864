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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
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
  }

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
    HasValueUtilsKt._setValue(status, "acknowledged");
    int row = alarmIds().indexOf(id);
    assertThat(GridKt._getFormatted(alarmsGrid(), row, "handled")).isEqualTo("taken by guard");
    assertThat(rowOffers("alarm-acknowledge-", id)).isFalse();
    assertThat(rowOffers("alarm-resolve-", id)).isTrue();

    clickInRow("alarm-resolve-", id);
    click("alarm-dialog-ok");
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
}
