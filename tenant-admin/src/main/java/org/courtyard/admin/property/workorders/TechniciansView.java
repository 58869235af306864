package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.Estate;

/**
 * The technicians (维修人员): who covers what, by name, with their skills, the estates and buildings
 * they work in, their teams, their open orders and whether they are on shift now; managers with
 * {@code workorders.technician.manage} set skills and areas ({@link TechnicianDialog}) and the
 * week's shifts ({@link ShiftsDialog}) that automatic dispatch and the dispatcher's view rely on.
 */
@Route(value = "workorders/technicians", layout = PropertyLayout.class)
@PropertyScreen(
    order = 812,
    titleKey = "workorders.technicians.title",
    icon = "USERS",
    permission = WorkOrdersView.READ)
public final class TechniciansView extends VerticalLayout implements HasDynamicTitle {

  static final String MANAGE = "workorders.technician.manage";

  private final Grid<Technician> grid = new Grid<>();
  private Map<Long, String> estateNames = Map.of();
  private List<Estate> estates = List.of();

  public TechniciansView() {
    setId("wo-technicians");
    setSizeFull();
    Button refresh = new Button(getTranslation("action.refresh"), e -> load());
    refresh.setId("wo-technicians-refresh");
    HorizontalLayout head =
        new HorizontalLayout(new H2(getTranslation("workorders.technicians.title")), refresh);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(head);
    grid.setId("wo-technicians-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(TechniciansView::name)
        .setKey("name")
        .setHeader(getTranslation("workorders.technicians.name"))
        .setSortable(true)
        .setAutoWidth(true);
    grid.addColumn(t -> String.join(", ", t.skills()))
        .setKey("skills")
        .setHeader(getTranslation("workorders.technicians.skills"))
        .setFlexGrow(1);
    grid.addColumn(this::areas)
        .setKey("areas")
        .setHeader(getTranslation("workorders.technicians.areas"))
        .setFlexGrow(1);
    grid.addColumn(
            t -> t.teams().stream().map(Technician.Team::name).collect(Collectors.joining(", ")))
        .setKey("teams")
        .setHeader(getTranslation("workorders.technicians.teams"))
        .setAutoWidth(true);
    grid.addColumn(Technician::openOrders)
        .setKey("open")
        .setHeader(getTranslation("workorders.technicians.open"))
        .setTextAlign(ColumnTextAlign.END)
        .setSortable(true)
        .setAutoWidth(true);
    grid.addComponentColumn(this::duty)
        .setKey("duty")
        .setHeader(getTranslation("workorders.technicians.duty"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::buttons).setKey("actions").setAutoWidth(true);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workorders.technicians.title");
  }

  void load() {
    estates = WorkOrdersView.estates();
    estateNames = estates.stream().collect(Collectors.toMap(Estate::id, Estate::name, (a, b) -> a));
    try {
      grid.setItems(new WorkOrdersClient(PropertySession.api()).technicians());
    } catch (ApiProblem | ApiUnreachable e) {
      Refused.show(e);
      grid.setItems(List.of());
    }
  }

  static String name(Technician t) {
    return t.displayName() == null ? "#" + t.userId() : t.displayName();
  }

  private String areas(Technician t) {
    return t.areas().stream()
        .map(
            a -> {
              String estate = estateNames.getOrDefault(a.estateId(), "#" + a.estateId());
              return a.buildingId() == null
                  ? estate
                  : getTranslation("workorders.technicians.building", estate, a.buildingId());
            })
        .collect(Collectors.joining(", "));
  }

  private Span duty(Technician t) {
    Span s =
        new Span(
            getTranslation(
                t.onDutyNow()
                    ? "workorders.technicians.onDuty"
                    : "workorders.technicians.offDuty"));
    s.getElement().getThemeList().add(t.onDutyNow() ? "badge success" : "badge contrast");
    return s;
  }

  private HorizontalLayout buttons(Technician t) {
    HorizontalLayout row = new HorizontalLayout();
    row.setSpacing(false);
    Button shifts =
        new Button(
            getTranslation("workorders.technicians.shifts"),
            e -> new ShiftsDialog(client(), t, PropertySession.can(MANAGE), this::load).open());
    shifts.setId("wo-technician-shifts-" + t.userId());
    shifts.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    row.add(shifts);
    if (PropertySession.can(MANAGE)) {
      Button edit =
          new Button(
              getTranslation("workorders.technicians.editButton"),
              e -> new TechnicianDialog(client(), t, estates, this::load).open());
      edit.setId("wo-technician-edit-" + t.userId());
      edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      row.add(edit);
    }
    return row;
  }

  private static WorkOrdersClient client() {
    return new WorkOrdersClient(PropertySession.api());
  }
}
