package org.courtyard.admin.property.devices;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Texts;

/**
 * The devices in the user's scope (设备): what each is, where, its state — online, offline, never
 * seen, faulty with the reason, revoked — and when it last sent a message, paged by the API. A row
 * opens the device's page ({@link DeviceView}) with its readings chart and commands.
 */
@Route(value = "devices", layout = PropertyLayout.class)
@PropertyScreen(
    order = 400,
    titleKey = "devices.title",
    icon = "PLUG",
    permission = DevicesView.READ)
public final class DevicesView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "devices.device.read";
  static final String COMMAND = "devices.device.command";

  private final Grid<Device> grid = new Grid<>(Device.class, false);
  private final TextField type = new TextField();
  private final Select<String> status = new Select<>();
  private CursorDataProvider<Device> devices;

  public DevicesView() {
    setId("devices");
    setSizeFull();
    add(new H2(getTranslation("devices.title")));

    type.setId("devices-type");
    type.setLabel(getTranslation("devices.type"));
    type.setPlaceholder("water-meter");
    type.setClearButtonVisible(true);
    type.setValueChangeMode(ValueChangeMode.LAZY);
    type.addValueChangeListener(e -> filter());
    status.setId("devices-status");
    status.setLabel(getTranslation("devices.status"));
    status.setItems("", "active", "revoked");
    status.setItemLabelGenerator(
        s ->
            s.isEmpty()
                ? getTranslation("devices.status.all")
                : getTranslation("devices.status." + s));
    status.setValue("active");
    status.addValueChangeListener(e -> filter());
    HorizontalLayout filters = new HorizontalLayout(type, status);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(filters);

    grid.setId("devices-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Device::name)
        .setKey("name")
        .setHeader(getTranslation("devices.name"))
        .setAutoWidth(true);
    grid.addColumn(Device::id)
        .setKey("id")
        .setHeader(getTranslation("devices.id"))
        .setAutoWidth(true);
    grid.addColumn(Device::type)
        .setKey("type")
        .setHeader(getTranslation("devices.type"))
        .setAutoWidth(true);
    grid.addColumn(d -> state(d))
        .setKey("state")
        .setHeader(getTranslation("devices.state"))
        .setPartNameGenerator(d -> "state-" + d.state())
        .setFlexGrow(1);
    grid.addColumn(d -> When.format(d.lastSeenAt(), getLocale()))
        .setKey("lastSeen")
        .setHeader(getTranslation("devices.lastSeen"))
        .setAutoWidth(true);
    grid.addColumn(d -> where(d))
        .setKey("location")
        .setHeader(getTranslation("devices.location"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            d -> {
              Button open = new Button(getTranslation("devices.open"), e -> open(d));
              open.setId("device-open-" + d.id());
              open.addThemeVariants(ButtonVariant.LUMO_SMALL);
              return open;
            })
        .setKey("open")
        .setHeader(getTranslation("devices.actions"))
        .setAutoWidth(true);
    grid.addItemDoubleClickListener(e -> open(e.getItem()));
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && devices == null) {
      devices = new DevicesClient(PropertySession.api()).devices();
      devices.bind(grid);
      filter();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("devices.title");
  }

  private void filter() {
    if (devices == null) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", type.getValue() == null ? null : type.getValue().strip());
    f.put("status", status.getValue());
    devices.setFilter(f);
  }

  private void open(Device d) {
    getUI().ifPresent(ui -> ui.navigate(DeviceView.class, d.id()));
  }

  /** The state in words, with the reason when the device is faulty. */
  static String state(Device d) {
    String s = Texts.state("devices.state.", d.state());
    return d.fault() == null || d.fault().isBlank() ? s : s + ": " + d.fault();
  }

  /** Where the device is, as registered: "room 1-101", "gate North gate". */
  static String where(Device d) {
    if (d.location() == null) {
      return "";
    }
    return Texts.state("devices.location.", d.location().kind()) + " " + d.location().ref();
  }
}
