package org.courtyard.admin.property.devices;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * One device's page: its state and why, its last message, a chart of a meter's last readings (drawn
 * on the server), and its commands. Whoever may command devices sends one here and watches for the
 * device's acknowledgement: the page polls the API every {@link #POLL_MS} ms until the command is
 * acknowledged or failed, or {@link #GIVE_UP} passed.
 */
@Route(value = "devices/device", layout = PropertyLayout.class)
@PropertyScreen(
    order = 401,
    titleKey = "devices.device.title",
    permission = DevicesView.READ,
    menu = false)
public final class DeviceView extends VerticalLayout
    implements HasUrlParameter<String>, HasDynamicTitle {

  static final int POLL_MS = 2000;
  static final Duration GIVE_UP = Duration.ofMinutes(2);
  static final int READINGS = 100;

  private final H2 title = new H2();
  private final Span facts = new Span();
  private final VerticalLayout readings = new VerticalLayout();
  private final Select<String> channel = new Select<>();
  private final Div chart = new Div();
  private final Paragraph noReadings = new Paragraph();
  private final Grid<DeviceCommand> commands = new Grid<>(DeviceCommand.class, false);
  private final VerticalLayout commandForm = new VerticalLayout();
  private final TextField commandName = new TextField();
  private final TextField commandArgs = new TextField();
  private final Span commandStatus = new Span();
  private List<DeviceRecord> meterRecords = List.of();
  private String id;

  /**
   * The Idempotency-Key of the command being sent: made at its first click, kept while the same
   * command is tried again (a double click, a retry after a lost answer), dropped once it is sent
   * or the command is edited.
   */
  private String commandKey;

  private Device device;
  private Long waitingFor;
  private Instant waitingSince;
  private Registration polling;
  private Clock clock = Clock.systemUTC();

  public DeviceView() {
    setId("device");
    RouterLink back = new RouterLink(getTranslation("devices.back"), DevicesView.class);
    back.setId("device-back");
    facts.setId("device-facts");
    facts.getStyle().set("white-space", "pre-line");
    add(back, title, facts);

    readings.setPadding(false);
    channel.setId("device-channel");
    channel.setLabel(getTranslation("devices.channel"));
    channel.addValueChangeListener(e -> drawChart());
    chart.setId("device-chart");
    chart.setWidthFull();
    chart.setMaxWidth("48em");
    noReadings.setId("device-no-readings");
    noReadings.setText(getTranslation("devices.readings.none"));
    readings.add(new H3(getTranslation("devices.readings")), channel, chart, noReadings);
    add(readings);

    commands.setId("device-commands");
    commands.addThemeVariants(GridVariant.LUMO_COMPACT);
    commands.setAllRowsVisible(true);
    commands
        .addColumn(DeviceCommand::name)
        .setKey("name")
        .setHeader(getTranslation("devices.command.name"))
        .setAutoWidth(true);
    commands
        .addColumn(c -> arguments(c.arguments()))
        .setKey("arguments")
        .setHeader(getTranslation("devices.command.arguments"))
        .setAutoWidth(true);
    commands
        .addColumn(c -> Texts.state("devices.command.status.", c.status()))
        .setKey("status")
        .setHeader(getTranslation("devices.command.status"))
        .setAutoWidth(true);
    commands
        .addColumn(DeviceCommand::detail)
        .setKey("detail")
        .setHeader(getTranslation("devices.command.detail"))
        .setFlexGrow(1);
    commands
        .addColumn(c -> When.format(c.createdAt(), getLocale()))
        .setKey("sent")
        .setHeader(getTranslation("devices.command.sent"))
        .setAutoWidth(true);
    commands
        .addColumn(c -> When.format(c.answeredAt(), getLocale()))
        .setKey("answered")
        .setHeader(getTranslation("devices.command.answered"))
        .setAutoWidth(true);

    commandName.setId("device-command-name");
    commandName.setLabel(getTranslation("devices.command.name"));
    commandName.setPlaceholder("set-interval");
    commandArgs.setId("device-command-args");
    commandArgs.setLabel(getTranslation("devices.command.arguments"));
    commandArgs.setPlaceholder("seconds=900");
    commandName.addValueChangeListener(e -> commandKey = null);
    commandArgs.addValueChangeListener(e -> commandKey = null);
    commandArgs.setHelperText(getTranslation("devices.command.arguments.help"));
    Button send = new Button(getTranslation("devices.command.send"), e -> send());
    send.setId("device-command-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickShortcut(Key.ENTER).listenOn(commandForm);
    commandStatus.setId("device-command-status");
    commandStatus.getElement().setAttribute("aria-live", "polite");
    HorizontalLayout row = new HorizontalLayout(commandName, commandArgs, send);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    commandForm.setPadding(false);
    commandForm.add(row, commandStatus);
    add(new H3(getTranslation("devices.commands")), commandForm, commands);
  }

  @Override
  public void setParameter(BeforeEvent event, String deviceId) {
    this.id = deviceId;
    if (isAttached() && PropertySession.signedIn()) {
      // another device's page in the same view (Vaadin keeps the view): start afresh
      waitingFor = null;
      commandStatus.setText("");
      getUI().ifPresent(this::stopPolling);
      load();
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      polling = event.getUI().addPollListener(e -> poll());
      load();
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    stopPolling(event.getUI());
    if (polling != null) {
      polling.remove();
      polling = null;
    }
    super.onDetach(event);
  }

  @Override
  public String getPageTitle() {
    return device == null
        ? getTranslation("devices.device.title")
        : getTranslation("devices.device.title") + " · " + device.name();
  }

  private DevicesClient client() {
    return new DevicesClient(PropertySession.api());
  }

  void load() {
    try {
      device = client().device(id);
    } catch (ApiProblem | ApiUnreachable e) {
      title.setText(getTranslation("devices.device.title"));
      facts.setText(Errors.show(e));
      readings.setVisible(false);
      commandForm.setVisible(false);
      return;
    }
    title.setText(device.name() + " (" + device.id() + ")");
    facts.setText(facts(device) + lastRecord());
    commandForm.setVisible(PropertySession.can(DevicesView.COMMAND) && !device.revoked());
    loadReadings();
    loadCommands();
  }

  private String facts(Device d) {
    List<String> lines = new ArrayList<>();
    lines.add(getTranslation("devices.state") + ": " + DevicesView.state(d));
    String last = When.format(d.lastSeenAt(), getLocale());
    lines.add(
        getTranslation("devices.lastSeen")
            + ": "
            + (d.lastSequence() == null ? last : last + " (#" + d.lastSequence() + ")"));
    lines.add(getTranslation("devices.counts", d.messages(), d.duplicates(), d.rejected()));
    if (d.lastRefusal() != null && !d.lastRefusal().isBlank()) {
      lines.add(
          getTranslation("devices.lastRefusal")
              + ": "
              + d.lastRefusal()
              + " ("
              + When.format(d.lastRefusedAt(), getLocale())
              + ")");
    }
    lines.add(d.type() + " · " + d.driver() + " · " + DevicesView.where(d));
    return String.join("\n", lines);
  }

  /** The device's last decoded record, as a line: what it said and when (blank when none). */
  private String lastRecord() {
    try {
      List<DeviceRecord> last = client().records(id, null, 1);
      if (last.isEmpty()) {
        return "";
      }
      DeviceRecord r = last.get(0);
      String data = r.data() == null ? "" : r.data().toString();
      if (data.length() > 200) {
        data = data.substring(0, 199) + "…";
      }
      return "\n"
          + getTranslation(
              "devices.lastRecord",
              Texts.state("devices.kind.", r.kind()),
              When.format(r.at(), getLocale()),
              data);
    } catch (ApiProblem | ApiUnreachable e) {
      return "";
    }
  }

  // ------------------------------------------------------------------------------ readings

  private void loadReadings() {
    try {
      meterRecords = client().records(id, "meter_reading", READINGS);
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
      meterRecords = List.of();
    }
    LinkedHashSet<String> channels = new LinkedHashSet<>();
    meterRecords.forEach(r -> channels.add(r.channel()));
    boolean meter = !meterRecords.isEmpty() || device.type().endsWith("meter");
    readings.setVisible(meter);
    channel.setItems(new ArrayList<>(channels));
    channel.setVisible(channels.size() > 1);
    if (!channels.isEmpty()) {
      channel.setValue(channels.iterator().next());
    }
    drawChart();
  }

  private void drawChart() {
    String ch = channel.getValue();
    List<MeterChart.Point> points = new ArrayList<>();
    String unit = "";
    for (DeviceRecord r : meterRecords) {
      if (ch == null || ch.equals(r.channel())) {
        if (r.value() != null) {
          points.add(new MeterChart.Point(r.at(), r.value()));
          unit = r.unit();
        }
      }
    }
    noReadings.setVisible(points.isEmpty());
    chart.setVisible(!points.isEmpty());
    if (!points.isEmpty()) {
      chart
          .getElement()
          .setProperty(
              "innerHTML",
              MeterChart.svg(
                  points,
                  unit,
                  getLocale(),
                  getTranslation("devices.readings.chart", device.name(), points.size())));
    }
  }

  /** The chart as drawn, for tests. */
  String chartSvg() {
    return chart.isVisible() ? chart.getElement().getProperty("innerHTML") : "";
  }

  // ------------------------------------------------------------------------------ commands

  private void loadCommands() {
    try {
      List<DeviceCommand> list = client().commands(id, 20);
      commands.setItems(list);
      if (waitingFor != null) {
        list.stream()
            .filter(c -> c.id() == waitingFor)
            .findFirst()
            .filter(c -> !c.waiting())
            .ifPresent(this::answered);
      }
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private void send() {
    Map<String, String> args;
    try {
      args = parseArguments(commandArgs.getValue());
      commandArgs.setInvalid(false);
    } catch (IllegalArgumentException e) {
      commandArgs.setErrorMessage(getTranslation("devices.command.arguments.invalid"));
      commandArgs.setInvalid(true);
      return;
    }
    if (commandKey == null) {
      commandKey = TenantApi.newIdempotencyKey();
    }
    try {
      DeviceCommand sent =
          client()
              .send(id, new DeviceCommand.Input(commandName.getValue().strip(), args), commandKey);
      commandKey = null;
      waitingFor = sent.id();
      waitingSince = clock.instant();
      commandStatus.setText(getTranslation("devices.command.waiting", sent.name()));
      getUI().ifPresent(ui -> ui.setPollInterval(POLL_MS));
      loadCommands();
    } catch (ApiProblem | ApiUnreachable e) {
      commandStatus.setText(Errors.message(e));
    }
  }

  /** Each poll: has the device answered? Gives up waiting after {@link #GIVE_UP}. */
  void poll() {
    if (waitingFor == null) {
      return;
    }
    loadCommands();
    if (waitingFor != null && clock.instant().isAfter(waitingSince.plus(GIVE_UP))) {
      waitingFor = null;
      commandStatus.setText(getTranslation("devices.command.noAnswer"));
      getUI().ifPresent(this::stopPolling);
    }
  }

  private void answered(DeviceCommand c) {
    waitingFor = null;
    getUI().ifPresent(this::stopPolling);
    if ("acked".equals(c.status())) {
      commandStatus.setText(getTranslation("devices.command.acked", c.name()));
    } else {
      commandStatus.setText(
          getTranslation("devices.command.failed", c.name(), c.detail() == null ? "" : c.detail()));
    }
  }

  private void stopPolling(UI ui) {
    ui.setPollInterval(-1);
  }

  /** Whether the page waits for a command's answer (polling). */
  boolean waiting() {
    return waitingFor != null;
  }

  void useClock(Clock clock) {
    this.clock = clock;
  }

  /** {@code "seconds=900, mode=fast"} as arguments; a part without '=' is refused. */
  static Map<String, String> parseArguments(String text) {
    Map<String, String> args = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return args;
    }
    for (String part : text.split("[,;\\n]")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(part);
      }
      args.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
    }
    return args;
  }

  static String arguments(Map<String, String> args) {
    if (args == null || args.isEmpty()) {
      return "";
    }
    return args.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
