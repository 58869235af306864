package org.courtyard.admin.property.residents;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.property.estate.EstateClient;
import org.courtyard.admin.property.estate.EstateTree;
import org.courtyard.admin.property.estate.Refusals;

/**
 * The rooms lived in (有住户的房间): every room someone currently owns, rents or lives in, in the user's
 * scope, as the residents API derives them from occupancies (not the room status typed in estate),
 * paged by the API, narrowed to an estate and a building. The Today tile {@code
 * residents.occupied-rooms} counts exactly this list and leads here. A row opens to its current
 * occupants, whose names open their page.
 */
@Route(value = "residents/occupied-rooms", layout = PropertyLayout.class)
@PropertyScreen(
    order = 210,
    titleKey = "residents.occupied.title",
    icon = "HOME",
    permission = OccupiedRoomsView.READ)
public final class OccupiedRoomsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "residents.occupancy.read";

  /** Occupants shown when a room is opened: a room has a handful, never hundreds. */
  static final int OCCUPANTS = 50;

  private final Grid<OccupiedRoom> grid = new Grid<>();
  private final Select<Estate> estate = new Select<>();
  private final Select<EstateTree.BuildingNode> building = new Select<>();
  private ResidentsClient client;
  private EstateClient estates;
  private CursorDataProvider<OccupiedRoom> data;

  public OccupiedRoomsView() {
    setId("occupied-rooms");
    setSizeFull();
    add(new H2(getTranslation("residents.occupied.title")));

    estate.setId("occupied-estate");
    estate.setLabel(getTranslation("residents.room.estate"));
    estate.setEmptySelectionAllowed(true);
    estate.setEmptySelectionCaption(getTranslation("residents.occupied.anyEstate"));
    estate.setItemLabelGenerator(e -> e == null ? "" : e.name() + " (" + e.code() + ")");
    estate.setWidth("16em");
    estate.addValueChangeListener(e -> estateChosen(e.getValue()));
    building.setId("occupied-building");
    building.setLabel(getTranslation("residents.room.building"));
    building.setEmptySelectionAllowed(true);
    building.setEmptySelectionCaption(getTranslation("residents.occupied.anyBuilding"));
    building.setItemLabelGenerator(
        b -> b == null ? "" : b.building().name() + " (" + b.building().code() + ")");
    building.setWidth("12em");
    building.setEnabled(false);
    building.addValueChangeListener(e -> filter());

    grid.setId("occupied-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(OccupiedRoom::room)
        .setKey("room")
        .setHeader(getTranslation("residents.room"))
        .setFlexGrow(2);
    grid.addColumn(OccupiedRoom::occupants)
        .setKey("occupants")
        .setHeader(getTranslation("residents.occupied.occupants"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::occupants));
    grid.setDetailsVisibleOnClick(true);
    grid.setWidthFull();
    grid.getElement().setAttribute("aria-label", getTranslation("residents.occupied.title"));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (!PropertySession.signedIn() || client != null) {
      return;
    }
    client = new ResidentsClient(PropertySession.api());
    if (PropertySession.can("estate.estate.read")) {
      estates = new EstateClient(PropertySession.api());
      HorizontalLayout filters = new HorizontalLayout(estate, building);
      filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      filters.setWrap(true);
      add(filters);
      try {
        estate.setItems(estates.estateList(RoomPicker.CHOICES));
      } catch (ApiProblem | ApiUnreachable e) {
        Refusals.show(this, e);
      }
    }
    add(grid);
    setFlexGrow(1, grid);
    data = client.occupiedRooms();
    data.bind(grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("residents.occupied.title");
  }

  private void estateChosen(Estate e) {
    building.clear();
    building.setItems(List.of());
    building.setEnabled(false);
    if (e != null && estates != null) {
      try {
        building.setItems(estates.tree(e.id()).buildings());
        building.setEnabled(true);
      } catch (ApiProblem | ApiUnreachable x) {
        Refusals.show(this, x);
      }
    }
    filter();
  }

  /** Asks the API again for the chosen estate and building. */
  private void filter() {
    if (data == null) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("estateId", estate.getValue() == null ? null : estate.getValue().id());
    EstateTree.BuildingNode b = building.getValue();
    f.put("buildingId", b == null ? null : b.building().id());
    data.setFilter(f);
  }

  /** The room's current occupants, read when the row is opened; names open the person's page. */
  private Component occupants(OccupiedRoom room) {
    Div box = new Div();
    box.setId("occupants-" + room.roomId());
    try {
      for (Person p : client.occupantsOf(room.roomId(), OCCUPANTS)) {
        RouterLink link = new RouterLink(p.fullName(), PersonView.class, p.id());
        link.setId("occupant-" + room.roomId() + "-" + p.id());
        Span phone = new Span(p.phone() == null ? "" : " " + p.phone() + "  ");
        phone.getStyle().set("color", "var(--lumo-secondary-text-color)");
        box.add(link, phone);
      }
    } catch (ApiProblem | ApiUnreachable e) {
      box.add(new Span(Refusals.show(this, e)));
    }
    return box;
  }

  // ------------------------------------------------------------------------------ for tests

  /** The rooms the list shows now (first 100). */
  List<OccupiedRoom> listed() {
    return grid.getLazyDataView().getItems().limit(100).toList();
  }

  Component occupantsOf(OccupiedRoom room) {
    return occupants(room);
  }
}
