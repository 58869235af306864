package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * The white list (always let in: staff, emergency services) and the black list (never) of plates,
 * per lot or for every lot; an expired entry is shown as such. A plate already listed there is
 * named at the plate field; taking a plate off keeps the entry on record.
 */
@Route(value = "parking/lists", layout = PropertyLayout.class)
@PropertyScreen(
    order = 930,
    titleKey = "parking.lists.title",
    icon = "BAN",
    permission = ListsView.READ)
public final class ListsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "parking.list.read";
  static final String MANAGE = "parking.list.manage";

  /** Expiry is entered in the company's zone, as the rest of parking counts days. */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Select<String> which = new Select<>();
  private final Grid<ListEntry> grid = new Grid<>(ListEntry.class, false);
  private CursorDataProvider<ListEntry> entries;

  public ListsView() {
    setId("parking-lists");
    setSizeFull();
    add(new H2(getTranslation("parking.lists.title")));
    which.setId("lists-which");
    which.setItems("", "white", "black");
    which.setItemLabelGenerator(
        v -> v.isEmpty() ? getTranslation("parking.list.both") : Texts.state("parking.list.", v));
    which.setValue("");
    which.addValueChangeListener(e -> filter());
    Button add = new Button(getTranslation("parking.list.add"), e -> add());
    add.setId("lists-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setVisible(PropertySession.can(MANAGE));
    HorizontalLayout bar = new HorizontalLayout(which, add);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);
    grid.setId("lists-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(ListEntry::plate)
        .setKey("plate")
        .setHeader(getTranslation("parking.card.plate"))
        .setAutoWidth(true);
    grid.addColumn(e -> Texts.state("parking.list.", e.list()))
        .setKey("list")
        .setHeader(getTranslation("parking.list"))
        .setPartNameGenerator(e -> "black".equals(e.list()) ? "refused" : null)
        .setAutoWidth(true);
    grid.addColumn(e -> e.lotId() == null ? getTranslation("parking.list.every-lot") : e.lotName())
        .setKey("lot")
        .setHeader(getTranslation("parking.lot"))
        .setAutoWidth(true);
    grid.addColumn(ListEntry::reason)
        .setKey("reason")
        .setHeader(getTranslation("parking.list.reason"))
        .setFlexGrow(1);
    grid.addColumn(this::expiry)
        .setKey("expires")
        .setHeader(getTranslation("parking.list.expires"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::removeButton).setKey("actions").setAutoWidth(true);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && entries == null) {
      entries = new ParkingClient(PropertySession.api()).listEntries();
      filter();
      entries.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.lists.title");
  }

  private void filter() {
    if (entries != null) {
      entries.setFilter(Map.of("list", which.getValue() == null ? "" : which.getValue()));
    }
  }

  private String expiry(ListEntry e) {
    if (!e.inForce()) {
      return getTranslation("parking.list.expired");
    }
    return e.expiresAt() == null
        ? ""
        : e.expiresAt().atZone(ZONE).toLocalDateTime().toString().replace('T', ' ');
  }

  private Component removeButton(ListEntry e) {
    if (!PropertySession.can(MANAGE)) {
      return new Span();
    }
    Button remove = new Button(getTranslation("parking.list.remove"), ev -> remove(e));
    remove.setId("list-remove-" + e.id());
    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return remove;
  }

  private void remove(ListEntry e) {
    try {
      new ParkingClient(PropertySession.api()).unlist(e.id());
      Errors.success(getTranslation("parking.list.removed", e.plate()));
      entries.refresh();
    } catch (RuntimeException ex) {
      Errors.show(ex);
    }
  }

  private void add() {
    ParkingClient client = new ParkingClient(PropertySession.api());
    List<Lot> lots;
    try {
      lots = client.lots();
    } catch (RuntimeException ex) {
      Errors.show(ex);
      return;
    }
    FormDialog d =
        new FormDialog(
            "list-dialog", getTranslation("parking.list.add"), getTranslation("parking.save"));
    Select<String> list = new Select<>();
    list.setId("list-which");
    list.setLabel(getTranslation("parking.list"));
    list.setItems("black", "white");
    list.setItemLabelGenerator(v -> Texts.state("parking.list.", v));
    list.setValue("black");
    d.field("list", list);
    TextField plate = d.field("plate", field("list-plate", "parking.card.plate"));
    Select<Lot> lot = new Select<>();
    lot.setId("list-lot");
    lot.setLabel(getTranslation("parking.lot"));
    lot.setItems(lots);
    // no lot chosen: the entry holds in every lot
    lot.setEmptySelectionAllowed(true);
    lot.setEmptySelectionCaption(getTranslation("parking.list.every-lot"));
    lot.setItemLabelGenerator(l -> l == null ? "" : l.code() + " " + l.name());
    lot.setValue(lots.isEmpty() ? null : lots.get(0));
    d.field("lotId", lot);
    TextField reason = d.field("reason", field("list-reason", "parking.list.reason"));
    DateTimePicker expires = new DateTimePicker(getTranslation("parking.list.expires"));
    expires.setId("list-expires");
    d.field("expiresAt", expires);
    d.conflictAt("already-listed", "plate")
        .onSend(
            () -> {
              ListEntry made =
                  client.list(
                      new ListEntry.Input(
                          list.getValue(),
                          plate.getValue(),
                          lot.getValue() == null ? null : lot.getValue().id(),
                          reason.getValue(),
                          expires.getValue() == null
                              ? null
                              : expires.getValue().atZone(ZONE).toOffsetDateTime().toString()));
              Errors.success(
                  getTranslation(
                      "parking.list.added",
                      made.plate(),
                      Texts.state("parking.list.", made.list())));
            })
        .onDone(entries::refresh);
    d.open();
    plate.focus();
  }

  private TextField field(String id, String labelKey) {
    TextField f = new TextField(getTranslation(labelKey));
    f.setId(id);
    return f;
  }
}
