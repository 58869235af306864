package org.courtyard.admin.property.devices;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.admin.contract.FakeDevicesArea;
import org.courtyard.admin.property.NotAllowedView;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevicesViewTest extends PropertyTestBase {

  @BeforeAll
  static void devices() {
    FakeDevicesArea area = fake.area(FakeDevicesArea.class);
    area.device("meter-1", "water-meter", "Water meter 1-101", 1L, "online", null);
    area.device(
        "gate-n", "door-controller", "North gate", 2L, "faulty", "driver gateframe is quarantined");
    area.device("meter-9", "water-meter", "Meter of estate 9", 9L, "offline", null);
    area.device("old-1", "water-meter", "Old meter", 1L, "revoked", null);
    area.device("lobby", "water-meter", "Lobby meter", null, "never-seen", null);
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    for (int day = 0; day < 5; day++) {
      area.reading(
          "meter-1", "1", String.valueOf(100 + day * 2.5), "m3", start.plus(Duration.ofDays(day)));
    }
    area.reading("meter-9", "2", "5.5", "m3", Instant.parse("2026-12-05T00:00:00Z"));
    fake.staff(COMPANY, "pm.east", PASSWORD).grantInEstates("project_manager", 1L);
  }

  @SuppressWarnings("unchecked")
  private static Grid<Device> devicesGrid() {
    return _get(Grid.class, s -> s.withId("devices-grid"));
  }

  private static List<String> listedIds() {
    return GridKt._fetch(devicesGrid(), 0, 100).stream().map(Device::id).toList();
  }

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  private static void type(String id, String value) {
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId(id)), value);
  }

  private static String commandStatus() {
    return _get(Span.class, s -> s.withId("device-command-status")).getText();
  }

  private static void poll() {
    UI ui = UI.getCurrent();
    ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
  }

  @Test
  void theListShowsEachDevicesStateWithTheReasonAndItsLastMessage() {
    signIn("admin");
    UI.getCurrent().navigate(DevicesView.class);

    assertThat(listedIds()).containsExactly("gate-n", "lobby", "meter-1", "meter-9");
    int gate = listedIds().indexOf("gate-n");
    assertThat(GridKt._getFormatted(devicesGrid(), gate, "state"))
        .isEqualTo("faulty: driver gateframe is quarantined");
    assertThat(GridKt._getFormatted(devicesGrid(), listedIds().indexOf("meter-9"), "state"))
        .isEqualTo("offline");
    assertThat(GridKt._getFormatted(devicesGrid(), listedIds().indexOf("lobby"), "lastSeen"))
        .isEqualTo("—");
    assertThat(GridKt._getFormatted(devicesGrid(), listedIds().indexOf("meter-1"), "lastSeen"))
        .contains("2026");
  }

  @Test
  @SuppressWarnings("unchecked")
  void filtersGoToTheApi() {
    signIn("admin");
    UI.getCurrent().navigate(DevicesView.class);

    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("devices-status")), "revoked");
    assertThat(listedIds()).containsExactly("old-1");
    HasValueUtilsKt._setValue(_get(Select.class, s -> s.withId("devices-status")), "");
    type("devices-type", "door-controller");
    assertThat(listedIds()).containsExactly("gate-n");
  }

  @Test
  void staffScopedToAnEstateSeeOnlyItsDevices() {
    signIn("pm.east");
    UI.getCurrent().navigate(DevicesView.class);

    assertThat(listedIds()).containsExactly("meter-1");
    UI.getCurrent().navigate(DeviceView.class, "gate-n");
    assertThat(_get(Span.class, s -> s.withId("device-facts")).getText())
        .contains("This tenant has no device gate-n.");
  }

  @Test
  void aMetersPageChartsItsLastReadingsOnTheServer() {
    signIn("admin");
    UI.getCurrent().navigate(DevicesView.class);
    ButtonKt._click(
        (Button) GridKt._getCellComponent(devicesGrid(), listedIds().indexOf("meter-1"), "open"));

    DeviceView page = _get(DeviceView.class);
    assertThat(_get(H2.class, s -> s.withText("Water meter 1-101 (meter-1)"))).isNotNull();
    assertThat(_get(Span.class, s -> s.withId("device-facts")).getText())
        .contains("State: online")
        .contains("(#41)");
    String svg = page.chartSvg();
    assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("Water meter 1-101");
    assertThat(svg.split("class=\"reading\"", -1)).hasSize(6);
    assertThat(svg).contains("110 m3");
  }

  @Test
  void theDevicePageSaysWhatItsLastMessageWas() {
    signIn("admin");
    UI.getCurrent().navigate(DeviceView.class, "meter-9");
    assertThat(_get(Span.class, s -> s.withId("device-facts")).getText())
        .contains("State: offline")
        .contains("Last record: meter reading at ")
        .contains("\"channel\":\"2\"");

    UI.getCurrent().navigate(DeviceView.class, "lobby");
    assertThat(_get(Span.class, s -> s.withId("device-facts")).getText())
        .contains("State: never seen")
        .doesNotContain("Last record");
  }

  @Test
  void aCommandIsSentAndThePagePollsUntilTheDeviceAcknowledges() {
    signIn("admin");
    UI.getCurrent().navigate(DeviceView.class, "meter-1");
    DeviceView page = _get(DeviceView.class);

    type("device-command-name", "set-interval");
    type("device-command-args", "seconds=900");
    click("device-command-send");

    assertThat(page.waiting()).isTrue();
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DeviceView.POLL_MS);
    assertThat(commandStatus()).contains("set-interval").contains("Waiting");
    poll();
    assertThat(page.waiting()).isTrue();

    FakeDevicesArea area = fake.area(FakeDevicesArea.class);
    area.answer("meter-1", area.lastCommand("meter-1"), true, null);
    poll();

    assertThat(page.waiting()).isFalse();
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    assertThat(commandStatus()).isEqualTo("The device acknowledged set-interval.");
    @SuppressWarnings("unchecked")
    Grid<DeviceCommand> commands = _get(Grid.class, s -> s.withId("device-commands"));
    assertThat(GridKt._getFormatted(commands, 0, "status")).isEqualTo("acknowledged");
    assertThat(GridKt._getFormatted(commands, 0, "arguments")).isEqualTo("seconds=900");
  }

  @Test
  void aRefusalByTheDeviceOrTheApiIsShownInWords() {
    signIn("admin");
    UI.getCurrent().navigate(DeviceView.class, "meter-1");

    type("device-command-name", "set-interval");
    type("device-command-args", "seconds=600");
    click("device-command-send");
    FakeDevicesArea area = fake.area(FakeDevicesArea.class);
    area.answer("meter-1", area.lastCommand("meter-1"), false, "busy");
    poll();
    assertThat(commandStatus()).isEqualTo("The device refused set-interval: busy");

    type("device-command-name", "reboot");
    click("device-command-send");
    assertThat(commandStatus())
        .isEqualTo("Command not supported: Driver jsonmeter: command reboot; known: set-interval");

    type("device-command-args", "seconds");
    click("device-command-send");
    assertThat(_get(TextField.class, s -> s.withId("device-command-args")).isInvalid()).isTrue();
  }

  @Test
  void withoutAnAnswerThePageStopsWaitingAfterTwoMinutes() {
    signIn("admin");
    UI.getCurrent().navigate(DeviceView.class, "meter-1");
    DeviceView page = _get(DeviceView.class);
    type("device-command-name", "set-interval");
    type("device-command-args", "seconds=900");
    click("device-command-send");

    page.useClock(Clock.offset(Clock.systemUTC(), DeviceView.GIVE_UP.plusSeconds(1)));
    poll();

    assertThat(page.waiting()).isFalse();
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    assertThat(commandStatus()).startsWith("No answer from the device yet");
  }

  @Test
  void aGuardSeesTheDeviceButIsNotOfferedCommands() {
    signIn("guard");
    UI.getCurrent().navigate(DeviceView.class, "meter-1");

    assertThat(_get(DeviceView.class).chartSvg()).startsWith("<svg");
    assertThat(_find(TextField.class, s -> s.withId("device-command-name"))).isEmpty();
    assertThat(_find(Button.class, s -> s.withId("device-command-send"))).isEmpty();
  }

  @Test
  void staffWithoutDevicePermissionsGetNotAllowed() {
    signIn("cashier");
    UI.getCurrent().navigate(DevicesView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("devices.device.read");
  }

  @Test
  void inChineseStatesAreChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("admin");
    UI.getCurrent().navigate(DevicesView.class);

    assertThat(_get(H2.class, s -> s.withText("设备"))).isNotNull();
    assertThat(GridKt._getFormatted(devicesGrid(), listedIds().indexOf("meter-9"), "state"))
        .isEqualTo("离线");
  }

  @Test
  void argumentsAreKeyValuePairs() {
    assertThat(DeviceView.parseArguments("seconds=900, mode = fast"))
        .isEqualTo(Map.of("seconds", "900", "mode", "fast"));
    assertThat(DeviceView.parseArguments(" ")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceView.parseArguments("oops"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
