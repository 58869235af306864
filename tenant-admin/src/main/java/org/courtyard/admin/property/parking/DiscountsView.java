package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.HashMap;
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
 * Free time given off parking stays (停车优惠): residents' grants for their visitors' plates and
 * merchants' coupons, newest first, by lot and plate, with whether a stay has used each one up. A
 * cashier or customer service records a merchant's coupon for a plate today; a coupon's code serves
 * once in its lot, so the same code for another plate is refused at the code.
 */
@Route(value = "parking/discounts", layout = PropertyLayout.class)
@PropertyScreen(
    order = 950,
    titleKey = "parking.discounts.title",
    icon = "TICKET",
    permission = DiscountsView.READ)
public final class DiscountsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "parking.gate.read";
  static final String GRANT = "parking.coupon.grant";

  private final Select<Lot> lot = new Select<>();
  private final TextField plate = new TextField();
  private final Button coupon = new Button();
  private final Grid<Discount> grid = new Grid<>(Discount.class, false);
  private ParkingClient client;
  private CursorDataProvider<Discount> discounts;
  private Map<Long, String> lotNames = Map.of();

  public DiscountsView() {
    setId("parking-discounts");
    setSizeFull();
    add(new H2(getTranslation("parking.discounts.title")));
    lot.setId("discounts-lot");
    lot.setLabel(getTranslation("parking.lot"));
    lot.setEmptySelectionAllowed(true);
    lot.setEmptySelectionCaption(getTranslation("parking.discounts.allLots"));
    lot.setItemLabelGenerator(l -> l == null ? "" : l.code() + " " + l.name());
    lot.addValueChangeListener(e -> filter());
    plate.setId("discounts-plate");
    plate.setLabel(getTranslation("parking.card.plate"));
    plate.setPlaceholder(getTranslation("parking.card.plate.find"));
    plate.setClearButtonVisible(true);
    plate.setValueChangeMode(ValueChangeMode.LAZY);
    plate.addValueChangeListener(e -> filter());
    coupon.setText(getTranslation("parking.coupon.record"));
    coupon.addClickListener(e -> coupon());
    coupon.setId("discounts-coupon");
    coupon.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    // shown once the lots are read: a coupon is recorded in one
    coupon.setVisible(false);
    HorizontalLayout bar = new HorizontalLayout(lot, plate, coupon);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);

    grid.setId("discounts-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(d -> d.day().toString())
        .setKey("day")
        .setHeader(getTranslation("parking.discounts.day"))
        .setAutoWidth(true);
    grid.addColumn(Discount::plate)
        .setKey("plate")
        .setHeader(getTranslation("parking.card.plate"))
        .setAutoWidth(true);
    grid.addColumn(d -> lotNames.getOrDefault(d.lotId(), "#" + d.lotId()))
        .setKey("lot")
        .setHeader(getTranslation("parking.lot"))
        .setAutoWidth(true);
    grid.addColumn(d -> Texts.state("parking.discounts.kind.", d.kind()))
        .setKey("kind")
        .setHeader(getTranslation("parking.discounts.kind"))
        .setAutoWidth(true);
    grid.addColumn(d -> getTranslation("parking.discounts.minutes.value", d.minutes()))
        .setKey("minutes")
        .setHeader(getTranslation("parking.discounts.minutes"))
        .setAutoWidth(true);
    grid.addColumn(this::source)
        .setKey("source")
        .setHeader(getTranslation("parking.discounts.source"))
        .setAutoWidth(true);
    grid.addColumn(
            d ->
                getTranslation(
                    d.usedByEntryId() == null
                        ? "parking.discounts.unused"
                        : "parking.discounts.used"))
        .setKey("used")
        .setHeader(getTranslation("parking.discounts.state"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (!PropertySession.signedIn() || client != null) {
      return;
    }
    client = new ParkingClient(PropertySession.api());
    try {
      List<Lot> lots = client.lots();
      lot.setItems(lots);
      Map<Long, String> names = new HashMap<>();
      lots.forEach(l -> names.put(l.id(), l.code() + " " + l.name()));
      lotNames = names;
      // a coupon is recorded in a lot: none to choose, nothing to record
      coupon.setVisible(PropertySession.can(GRANT) && !lots.isEmpty());
    } catch (RuntimeException e) {
      Errors.show(e);
    }
    discounts = client.discounts();
    filter();
    discounts.bind(grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.discounts.title");
  }

  private void filter() {
    if (discounts == null) {
      return;
    }
    Map<String, Object> f = new HashMap<>();
    f.put("plate", plate.getValue() == null ? "" : plate.getValue().trim());
    if (lot.getValue() != null) {
      f.put("lotId", lot.getValue().id());
    }
    discounts.setFilter(f);
  }

  /** Who gave it: the merchant and the coupon's code, or the resident's grant. */
  private String source(Discount d) {
    return "coupon".equals(d.kind())
        ? getTranslation("parking.discounts.merchant", d.merchant(), d.code())
        : getTranslation("parking.discounts.resident");
  }

  private void coupon() {
    if (lot.getListDataView().getItems().findAny().isEmpty()) {
      return;
    }
    Lot chosen = lot.getValue();
    FormDialog d =
        new FormDialog(
            "coupon-dialog",
            getTranslation("parking.coupon.record"),
            getTranslation("parking.save"));
    Select<Lot> where = new Select<>();
    where.setId("coupon-lot");
    where.setLabel(getTranslation("parking.lot"));
    where.setItems(lot.getListDataView().getItems().toList());
    where.setItemLabelGenerator(l -> l.code() + " " + l.name());
    where.setValue(
        chosen != null ? chosen : lot.getListDataView().getItems().findFirst().orElse(null));
    d.field("lotId", where);
    TextField plateField =
        d.field("plate", ReserveDialog.text(UI.getCurrent(), "coupon-plate", "parking.card.plate"));
    IntegerField minutes = new IntegerField(getTranslation("parking.discounts.minutes"));
    minutes.setId("coupon-minutes");
    minutes.setValue(60);
    minutes.setMin(1);
    minutes.setMax(1440);
    minutes.setStepButtonsVisible(true);
    d.field("minutes", minutes);
    TextField merchant =
        d.field(
            "merchant",
            ReserveDialog.text(UI.getCurrent(), "coupon-merchant", "parking.coupon.merchant"));
    TextField code =
        d.field("code", ReserveDialog.text(UI.getCurrent(), "coupon-code", "parking.coupon.code"));
    code.setHelperText(getTranslation("parking.coupon.code.help"));
    d.conflictAt("coupon-used", "code")
        .onSend(
            () -> {
              Discount made =
                  client.coupon(
                      where.getValue().id(),
                      new Discount.Coupon(
                          plateField.getValue(),
                          minutes.getValue(),
                          merchant.getValue(),
                          code.getValue()));
              Errors.success(
                  getTranslation("parking.coupon.recorded", made.minutes(), made.plate()));
            })
        .onDone(discounts::refresh);
    d.open();
    plateField.focus();
  }
}
