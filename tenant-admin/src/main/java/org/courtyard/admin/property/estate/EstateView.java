package org.courtyard.admin.property.estate;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;

/**
 * The estate screen (基础信息): the estates in the user's scope (a paged list), the chosen estate's
 * tree of buildings and units with their room counts ({@code GET /estate/estates/{id}/tree}), and
 * the rooms of the chosen building or unit (paged, filtered by type and status by the API).
 * Estates, buildings, units and rooms are created and edited in dialogs that show the API's field
 * errors by their field; a building's rooms are imported from a CSV file ({@link
 * RoomImportDialog}). Each action is offered only where the user holds its permission.
 */
@Route(value = "estate", layout = PropertyLayout.class)
@PropertyScreen(
    order = 100,
    titleKey = "estate.title",
    icon = "BUILDING",
    permission = "estate.estate.read")
public final class EstateView extends VerticalLayout implements HasDynamicTitle {

  private final Grid<Estate> estates = new Grid<>();
  private final TreeGrid<PlaceNode> tree = new TreeGrid<>();
  private final Grid<Room> rooms = new Grid<>();
  private final Select<String> roomType = new Select<>();
  private final Select<String> roomStatus = new Select<>();
  private final H3 treeTitle = new H3();
  private final H3 roomsTitle = new H3();
  private final Paragraph hint = new Paragraph();
  private final VerticalLayout treeSection = new VerticalLayout();
  private final VerticalLayout roomsSection = new VerticalLayout();

  private final Button estateNew = button("estate-new", "estate.new");
  private final Button estateEdit = button("estate-edit", "estate.edit");
  private final Button buildingNew = button("building-new", "estate.building.new");
  private final Button buildingEdit = button("building-edit", "estate.building.edit");
  private final Button unitNew = button("unit-new", "estate.unit.new");
  private final Button unitEdit = button("unit-edit", "estate.unit.edit");
  private final Button roomsImport = button("rooms-import", "estate.import");
  private final Button roomNew = button("room-new", "estate.room.new");
  private final Button roomEdit = button("room-edit", "estate.room.edit");

  private EstateClient client;
  private PlaceForms forms;
  private CursorDataProvider<Estate> estateData;
  private CursorDataProvider<Room> roomData;
  private boolean roomsBound;
  private Estate estate;
  private EstateTree shown;

  public EstateView() {
    setId("estate");
    add(new H2(getTranslation("estate.title")));

    estates.setId("estates");
    estates.addThemeVariants(GridVariant.LUMO_COMPACT);
    estates.addColumn(Estate::code).setHeader(getTranslation("estate.code")).setAutoWidth(true);
    estates.addColumn(Estate::name).setHeader(getTranslation("estate.name")).setFlexGrow(1);
    estates.addColumn(Estate::address).setHeader(getTranslation("estate.address")).setFlexGrow(2);
    estates.setHeight("14em");
    estates.setWidthFull();
    estates.addSelectionListener(e -> choose(e.getFirstSelectedItem().orElse(null)));
    estates.getElement().setAttribute("aria-label", getTranslation("estate.estates"));

    estateNew.addClickListener(e -> forms.estate(null, this::estateSaved).open());
    estateEdit.addClickListener(e -> forms.estate(estate, this::estateSaved).open());
    buildingNew.addClickListener(e -> forms.building(estate, null, this::buildingSaved).open());
    buildingEdit.addClickListener(e -> selected().ifPresent(this::editBuilding));
    unitNew.addClickListener(e -> selected().ifPresent(this::newUnit));
    unitEdit.addClickListener(e -> selected().ifPresent(this::editUnit));
    roomsImport.addClickListener(e -> selected().ifPresent(this::openImport));
    roomNew.addClickListener(e -> selected().ifPresent(this::newRoom));
    roomEdit.addClickListener(
        e -> rooms.getSelectedItems().stream().findFirst().ifPresent(this::editRoom));

    HorizontalLayout estateActions = new HorizontalLayout(estateNew, estateEdit);
    add(estates, estateActions);

    hint.setId("estate-hint");
    hint.setText(getTranslation("estate.choose"));
    add(hint);

    tree.setId("estate-tree");
    tree.addHierarchyColumn(PlaceNode::label)
        .setHeader(getTranslation("estate.tree.name"))
        .setFlexGrow(3);
    tree.addColumn(n -> getTranslation("estate.kind." + n.kind().name().toLowerCase(Locale.ROOT)))
        .setHeader(getTranslation("estate.tree.kind"))
        .setAutoWidth(true);
    tree.addColumn(n -> count(n.rooms()))
        .setHeader(getTranslation("estate.tree.rooms"))
        .setAutoWidth(true)
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    tree.setHeight("18em");
    tree.setWidthFull();
    tree.addSelectionListener(e -> placeChosen());
    tree.getElement().setAttribute("aria-label", getTranslation("estate.tree.aria"));
    treeTitle.setId("estate-tree-title");
    HorizontalLayout placeActions =
        new HorizontalLayout(buildingNew, buildingEdit, unitNew, unitEdit, roomsImport);
    placeActions.setWrap(true);
    treeSection.setPadding(false);
    treeSection.add(treeTitle, tree, placeActions);
    treeSection.setVisible(false);
    add(treeSection);

    rooms.setId("rooms");
    rooms.addThemeVariants(GridVariant.LUMO_COMPACT);
    rooms.addColumn(Room::number).setHeader(getTranslation("estate.room.number"));
    rooms.addColumn(Room::floor).setHeader(getTranslation("estate.room.floor"));
    rooms.addColumn(r -> area(r.area())).setHeader(getTranslation("estate.room.area"));
    rooms.addColumn(r -> typeLabel(r.type())).setHeader(getTranslation("estate.room.type"));
    rooms.addColumn(r -> statusLabel(r.status())).setHeader(getTranslation("estate.room.status"));
    rooms.setHeight("20em");
    rooms.setWidthFull();
    rooms.addSelectionListener(e -> actions());
    rooms.addItemDoubleClickListener(
        e -> {
          if (roomEdit.isVisible() && canEdit(e.getItem())) {
            editRoom(e.getItem());
          }
        });
    roomsTitle.setId("rooms-title");
    filter(roomType, "rooms-type", "estate.room.type", Room.TYPES, this::typeLabel);
    filter(roomStatus, "rooms-status", "estate.room.status", Room.STATUSES, this::statusLabel);
    HorizontalLayout roomBar = new HorizontalLayout(roomType, roomStatus, roomNew, roomEdit);
    roomBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    roomBar.setWrap(true);
    roomsSection.setPadding(false);
    roomsSection.add(roomsTitle, roomBar, rooms);
    roomsSection.setVisible(false);
    add(roomsSection);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && client == null) {
      client = new EstateClient(PropertySession.api());
      forms = new PlaceForms(client, this);
      estateData = client.estates();
      estateData.bind(estates);
      roomData = client.rooms();
      actions();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("estate.title");
  }

  // ------------------------------------------------------------------------------ choosing

  private void choose(Estate chosen) {
    estate = chosen;
    shown = null;
    if (chosen == null) {
      treeSection.setVisible(false);
      roomsSection.setVisible(false);
      hint.setVisible(true);
      actions();
      return;
    }
    hint.setVisible(false);
    loadTree(PlaceNode.of(chosen, 0));
  }

  /** Reads the chosen estate's tree again and selects {@code keep} in it when it is still there. */
  private void loadTree(PlaceNode keep) {
    try {
      shown = client.tree(estate.id());
    } catch (ApiProblem | ApiUnreachable e) {
      Refusals.show(this, e);
      return;
    }
    estate = shown.estate();
    TreeData<PlaceNode> data = new TreeData<>();
    PlaceNode root = PlaceNode.of(shown.estate(), shown.rooms());
    data.addItem(null, root);
    PlaceNode again = root.samePlace(keep) ? root : null;
    for (EstateTree.BuildingNode b : shown.buildings()) {
      PlaceNode building = PlaceNode.of(shown.estate(), b.building(), b.rooms());
      data.addItem(root, building);
      if (building.samePlace(keep)) {
        again = building;
      }
      for (EstateTree.UnitNode u : b.units()) {
        PlaceNode unit = PlaceNode.of(shown.estate(), b.building(), u.unit(), u.rooms());
        data.addItem(building, unit);
        if (unit.samePlace(keep)) {
          again = unit;
        }
      }
    }
    tree.setTreeData(data);
    tree.expand(root);
    treeTitle.setText(getTranslation("estate.tree.title", PlaceNode.of(estate, 0).label()));
    treeSection.setVisible(true);
    if (again != null && again.kind() == PlaceNode.Kind.UNIT) {
      tree.expand(data.getParent(again));
    }
    if (again != null) {
      tree.select(again);
    } else {
      tree.deselectAll();
    }
    placeChosen();
  }

  private java.util.Optional<PlaceNode> selected() {
    return tree.getSelectedItems().stream().findFirst();
  }

  /** The rooms of the chosen building or unit; none for the estate itself. */
  private void placeChosen() {
    PlaceNode n = selected().orElse(null);
    if (n == null || n.kind() == PlaceNode.Kind.ESTATE) {
      roomsSection.setVisible(false);
      actions();
      return;
    }
    roomsTitle.setText(getTranslation("estate.rooms.title", n.label()));
    roomsSection.setVisible(true);
    showRooms();
    actions();
  }

  private void showRooms() {
    PlaceNode n = selected().orElse(null);
    if (n == null || n.kind() == PlaceNode.Kind.ESTATE) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    if (n.kind() == PlaceNode.Kind.UNIT) {
      f.put("unitId", n.unit().id());
    } else {
      f.put("buildingId", n.building().id());
    }
    f.put("type", roomType.getValue());
    f.put("status", roomStatus.getValue());
    roomData.setFilter(f);
    if (!roomsBound) {
      roomData.bind(rooms);
      roomsBound = true;
    }
    rooms.deselectAll();
  }

  /** Offers each action only to a user who may take it, and only where it applies. */
  private void actions() {
    PlaceNode n = selected().orElse(null);
    long estateId = estate == null ? -1 : estate.id();
    estateNew.setVisible(Reach.companyWide("estate.estate.create"));
    estateEdit.setVisible(PropertySession.can("estate.estate.update"));
    estateEdit.setEnabled(estate != null && Reach.estate("estate.estate.update", estateId));
    buildingNew.setVisible(PropertySession.can("estate.building.create"));
    buildingNew.setEnabled(estate != null && Reach.estate("estate.building.create", estateId));
    boolean building = n != null && n.kind() == PlaceNode.Kind.BUILDING;
    boolean unit = n != null && n.kind() == PlaceNode.Kind.UNIT;
    buildingEdit.setVisible(PropertySession.can("estate.building.update"));
    buildingEdit.setEnabled(building && in("estate.building.update", n));
    unitNew.setVisible(PropertySession.can("estate.unit.create"));
    unitNew.setEnabled((building || unit) && in("estate.unit.create", n));
    unitEdit.setVisible(PropertySession.can("estate.unit.update"));
    unitEdit.setEnabled(unit && in("estate.unit.update", n));
    roomsImport.setVisible(PropertySession.can("estate.room.import"));
    roomsImport.setEnabled((building || unit) && in("estate.room.import", n));
    roomNew.setVisible(PropertySession.can("estate.room.create"));
    roomNew.setEnabled(unit && in("estate.room.create", n));
    roomEdit.setVisible(PropertySession.can("estate.room.update"));
    Room room = rooms.getSelectedItems().stream().findFirst().orElse(null);
    roomEdit.setEnabled(room != null && canEdit(room));
  }

  private static boolean in(String permission, PlaceNode n) {
    return Reach.building(permission, n.estate().id(), n.building().id());
  }

  private static boolean canEdit(Room r) {
    return Reach.building("estate.room.update", r.estateId(), r.buildingId());
  }

  // ------------------------------------------------------------------------------ forms

  private void estateSaved(Estate saved) {
    Errors.success(getTranslation("estate.saved.estate", saved.name()));
    estateData.refresh();
    // the selection listener shows the saved estate's tree
    estates.select(saved);
  }

  private void editBuilding(PlaceNode n) {
    forms.building(estate, n.building(), this::buildingSaved).open();
  }

  private void buildingSaved(Building saved) {
    Errors.success(getTranslation("estate.saved.place", saved.name()));
    loadTree(PlaceNode.of(estate, saved, 0));
  }

  private void newUnit(PlaceNode n) {
    forms.unit(PlaceNode.of(estate, n.building(), 0), null, this::unitSaved).open();
  }

  private void editUnit(PlaceNode n) {
    forms.unit(PlaceNode.of(estate, n.building(), 0), n.unit(), this::unitSaved).open();
  }

  private void unitSaved(Unit saved) {
    Errors.success(getTranslation("estate.saved.place", saved.name()));
    Building in =
        shown.buildings().stream()
            .map(EstateTree.BuildingNode::building)
            .filter(b -> b.id() == saved.buildingId())
            .findFirst()
            .orElse(null);
    loadTree(in == null ? null : PlaceNode.of(estate, in, saved, 0));
  }

  private void newRoom(PlaceNode unit) {
    forms.room(unit, null, r -> roomSaved(r, unit)).open();
  }

  private void editRoom(Room r) {
    selected().ifPresent(n -> forms.room(n, r, saved -> roomSaved(saved, n)).open());
  }

  private void roomSaved(Room saved, PlaceNode keep) {
    Errors.success(getTranslation("estate.saved.room", saved.number()));
    loadTree(keep);
  }

  private void openImport(PlaceNode place) {
    PlaceNode building = PlaceNode.of(estate, place.building(), 0);
    RoomImportDialog d = new RoomImportDialog(client, building.building(), building.label());
    d.onImported(() -> loadTree(place));
    d.open();
  }

  // ------------------------------------------------------------------------------ helpers

  private Button button(String id, String key) {
    Button b = new Button(getTranslation(key));
    b.setId(id);
    return b;
  }

  private void filter(
      Select<String> s,
      String id,
      String key,
      List<String> values,
      java.util.function.Function<String, String> label) {
    s.setId(id);
    s.setLabel(getTranslation(key));
    List<String> items = new ArrayList<>(values);
    s.setItems(items);
    s.setEmptySelectionAllowed(true);
    s.setEmptySelectionCaption(getTranslation("estate.room.filter.all"));
    s.setItemLabelGenerator(
        v -> v == null ? getTranslation("estate.room.filter.all") : label.apply(v));
    s.addValueChangeListener(e -> showRooms());
  }

  private String typeLabel(String type) {
    return PlaceForms.typeLabel(this, type);
  }

  private String statusLabel(String status) {
    return PlaceForms.statusLabel(this, status);
  }

  private String count(long n) {
    return NumberFormat.getIntegerInstance(numbers()).format(n);
  }

  private String area(BigDecimal a) {
    if (a == null) {
      return "";
    }
    NumberFormat f = NumberFormat.getNumberInstance(numbers());
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(a);
  }

  private Locale numbers() {
    return "zh".equals(getLocale().getLanguage()) ? Locale.CHINA : Locale.US;
  }

  // ------------------------------------------------------------------------------ for tests

  /** The tree's lines as shown, indented by depth: "Estate label 12". */
  List<String> treeLines() {
    List<String> lines = new ArrayList<>();
    if (shown == null) {
      return lines;
    }
    TreeData<PlaceNode> data = tree.getTreeData();
    for (PlaceNode root : data.getRootItems()) {
      walk(data, root, 0, lines);
    }
    return lines;
  }

  private void walk(TreeData<PlaceNode> data, PlaceNode n, int depth, List<String> lines) {
    lines.add("  ".repeat(depth) + n.label() + " " + count(n.rooms()));
    for (PlaceNode c : data.getChildren(n)) {
      walk(data, c, depth + 1, lines);
    }
  }

  /** Selects a line of the tree by its code path, e.g. ("B1", "U1"); empty for the estate. */
  void selectPlace(String... codes) {
    TreeData<PlaceNode> data = tree.getTreeData();
    PlaceNode n = data.getRootItems().get(0);
    for (String code : codes) {
      n =
          data.getChildren(n).stream()
              .filter(c -> c.code().equals(code))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + code + " in the tree"));
      tree.expand(n);
    }
    tree.select(n);
  }

  Estate chosenEstate() {
    return estate;
  }
}
