package org.courtyard.admin.property.security;

import com.vaadin.flow.component.AttachEvent;
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
 * The access log (门禁记录): who was let through which door or gate, or refused and why, newest first,
 * filtered by controller and by decision, paged by the API.
 */
@Route(value = "security/access", layout = PropertyLayout.class)
@PropertyScreen(
    order = 510,
    titleKey = "security.access.title",
    icon = "SIGN_IN",
    permission = AccessEventsView.READ)
public final class AccessEventsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "security.access-event.read";

  private final Grid<AccessEvent> grid = new Grid<>(AccessEvent.class, false);
  private final TextField device = new TextField();
  private final Select<String> granted = new Select<>();
  private CursorDataProvider<AccessEvent> events;

  public AccessEventsView() {
    setId("access-events");
    setSizeFull();
    add(new H2(getTranslation("security.access.title")));

    device.setId("access-device");
    device.setLabel(getTranslation("security.access.device"));
    device.setClearButtonVisible(true);
    device.setValueChangeMode(ValueChangeMode.LAZY);
    device.addValueChangeListener(e -> filter());
    granted.setId("access-granted");
    granted.setLabel(getTranslation("security.access.decision"));
    granted.setItems("", "true", "false");
    granted.setItemLabelGenerator(
        g -> getTranslation(g.isEmpty() ? "security.access.all" : "security.access." + g));
    granted.setValue("");
    granted.addValueChangeListener(e -> filter());
    HorizontalLayout filters = new HorizontalLayout(device, granted);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(filters);

    grid.setId("access-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(a -> When.format(a.at(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("security.access.at"))
        .setAutoWidth(true);
    grid.addColumn(AccessEvent::door)
        .setKey("door")
        .setHeader(getTranslation("security.access.door"))
        .setAutoWidth(true);
    grid.addColumn(AccessEvent::deviceId)
        .setKey("device")
        .setHeader(getTranslation("security.access.device"))
        .setAutoWidth(true);
    grid.addColumn(
            a -> getTranslation(a.granted() ? "security.access.true" : "security.access.false"))
        .setKey("granted")
        .setHeader(getTranslation("security.access.decision"))
        .setPartNameGenerator(a -> a.granted() ? "granted" : "refused")
        .setAutoWidth(true);
    grid.addColumn(AccessEvent::reason)
        .setKey("reason")
        .setHeader(getTranslation("security.access.reason"))
        .setAutoWidth(true);
    grid.addColumn(a -> Texts.state("security.access.kind.", a.credentialKind()))
        .setKey("credential")
        .setHeader(getTranslation("security.access.credential"))
        .setAutoWidth(true);
    grid.addColumn(AccessEvent::holder)
        .setKey("holder")
        .setHeader(getTranslation("security.access.holder"))
        .setFlexGrow(1);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && events == null) {
      events = new SecurityClient(PropertySession.api()).accessEvents();
      events.bind(grid);
      device.focus();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("security.access.title");
  }

  private void filter() {
    if (events == null) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("deviceId", device.getValue() == null ? null : device.getValue().strip());
    f.put("granted", granted.getValue());
    events.setFilter(f);
  }
}
