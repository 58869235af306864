package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.Estate;

/**
 * The materials stock (库存) of the estates in the user's scope, paged by the API and filtered by
 * estate: code, name, what is in stock and at what moving-average unit cost. Staff with {@code
 * workorders.stock.manage} create materials, receive stock and correct it after a stocktake ({@link
 * MaterialDialog}, {@link MovementDialog}); everyone who reads orders sees a material's movements
 * ({@link MovementsDialog}).
 */
@Route(value = "workorders/stock", layout = PropertyLayout.class)
@PropertyScreen(
    order = 815,
    titleKey = "workorders.stock.title",
    icon = "STOCK",
    permission = WorkOrdersView.READ)
public final class StockView extends VerticalLayout implements HasDynamicTitle {

  static final String STOCK = "workorders.stock.manage";

  private final Grid<Material> grid = new Grid<>(Material.class, false);
  private final ComboBox<Estate> estate = new ComboBox<>();
  private final HorizontalLayout bar = new HorizontalLayout();
  private final Button receive = new Button();
  private final Button edit = new Button();
  private final Button adjust = new Button();
  private final Button movements = new Button();
  private List<Estate> estates = List.of();
  private Map<Long, String> estateNames = Map.of();
  private CursorDataProvider<Material> materials;

  public StockView() {
    setId("wo-stock");
    setSizeFull();
    add(new H2(getTranslation("workorders.stock.title")));
    estate.setId("wo-stock-estate");
    estate.setLabel(getTranslation("workorders.estate"));
    estate.setItemLabelGenerator(Estate::name);
    estate.setClearButtonVisible(true);
    estate.addValueChangeListener(e -> filter());
    edit.setId("wo-stock-edit");
    edit.setText(getTranslation("workorders.stock.edit"));
    edit.addClickListener(
        e ->
            grid.asSingleSelect()
                .getOptionalValue()
                .ifPresent(
                    m ->
                        new MaterialDialog(client(), estates, m, saved -> materials.refresh())
                            .open()));
    receive.setId("wo-stock-receive");
    receive.setText(getTranslation("workorders.stock.receive"));
    receive.addClickListener(e -> selected(MovementDialog.RECEIPT));
    adjust.setId("wo-stock-adjust");
    adjust.setText(getTranslation("workorders.stock.adjust"));
    adjust.addClickListener(e -> selected(MovementDialog.ADJUSTMENT));
    movements.setId("wo-stock-movements");
    movements.setText(getTranslation("workorders.stock.movements"));
    movements.addClickListener(
        e ->
            grid.asSingleSelect()
                .getOptionalValue()
                .ifPresent(m -> new MovementsDialog(client(), m).open()));
    bar.add(estate, movements);
    bar.setWrap(true);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);

    grid.setId("wo-stock-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(m -> estateNames.getOrDefault(m.estateId(), "#" + m.estateId()))
        .setKey("estate")
        .setHeader(getTranslation("workorders.estate"))
        .setAutoWidth(true);
    grid.addColumn(Material::code)
        .setKey("code")
        .setHeader(getTranslation("workorders.stock.code"))
        .setAutoWidth(true);
    grid.addColumn(Material::name)
        .setKey("name")
        .setHeader(getTranslation("workorders.stock.name"))
        .setFlexGrow(1);
    grid.addColumn(
            m -> MaterialsSection.plain(m.quantity()) + " " + (m.unit() == null ? "" : m.unit()))
        .setKey("quantity")
        .setHeader(getTranslation("workorders.stock.quantity"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(m -> MaterialsSection.money(m.unitCost()))
        .setKey("unitCost")
        .setHeader(getTranslation("workorders.materials.unitCost"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(
            m ->
                getTranslation(
                    m.active() ? "workorders.category.active" : "workorders.category.inactive"))
        .setKey("active")
        .setHeader(getTranslation("workorders.category.status"))
        .setAutoWidth(true);
    grid.asSingleSelect().addValueChangeListener(e -> chosen(e.getValue()));
    add(grid);
    setFlexGrow(1, grid);
    chosen(null);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (!PropertySession.signedIn() || materials != null) {
      return;
    }
    estates = WorkOrdersView.estates();
    estateNames = estates.stream().collect(Collectors.toMap(Estate::id, Estate::name, (a, b) -> a));
    estate.setItems(estates);
    estate.setVisible(!estates.isEmpty());
    if (PropertySession.can(STOCK)) {
      Button create =
          new Button(
              getTranslation("workorders.stock.new"), VaadinIcon.PLUS.create(), e -> create());
      create.setId("wo-stock-new");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      bar.addComponentAsFirst(create);
      bar.add(edit, receive, adjust);
    }
    materials = client().materials();
    materials.bind(grid);
    filter();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("workorders.stock.title");
  }

  private static WorkOrdersClient client() {
    return new WorkOrdersClient(PropertySession.api());
  }

  /** The filter as the API takes it. */
  Map<String, Object> filters() {
    Map<String, Object> f = new HashMap<>();
    f.put("estateId", estate.getValue() == null ? null : estate.getValue().id());
    return f;
  }

  private void filter() {
    if (materials != null) {
      materials.setFilter(filters());
    }
  }

  private void chosen(Material m) {
    edit.setEnabled(m != null);
    receive.setEnabled(m != null && m.active());
    adjust.setEnabled(m != null);
    movements.setEnabled(m != null);
  }

  private void create() {
    new MaterialDialog(
            client(),
            estates,
            estate.getValue(),
            created -> {
              materials.refresh();
            })
        .open();
  }

  private void selected(String kind) {
    grid.asSingleSelect()
        .getOptionalValue()
        .ifPresent(
            m ->
                new MovementDialog(
                        client(),
                        m,
                        kind,
                        moved -> {
                          grid.asSingleSelect().clear();
                          materials.refresh();
                        })
                    .open());
  }
}
