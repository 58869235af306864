package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Meters and readings (水电表与抄表): the meters of the company or of a room, filtered by the API; a
 * chosen meter's readings with a reading typed in, and readings imported from a CSV file whose
 * refusal is shown by line and column.
 */
@Route(value = "billing/meters", layout = PropertyLayout.class)
@PropertyScreen(
    order = 360,
    titleKey = "billing.meters.title",
    icon = "DASHBOARD",
    permission = "billing.meter.read")
public final class MetersView extends VerticalLayout implements HasDynamicTitle {

  static final List<String> TYPES = List.of("water", "electricity", "gas");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TextField room = new TextField();
  private final Select<String> type = new Select<>();
  private final Grid<Meter> grid = new Grid<>();
  private final VerticalLayout detail = new VerticalLayout();
  private CursorDataProvider<Meter> meters;
  private CursorDataProvider<Meter.Reading> readings;
  private final Grid<Meter.Reading> readingGrid = new Grid<>();

  public MetersView() {
    setId("billing-meters");
    add(new H2(getTranslation("billing.meters.title")));
    room.setId("meters-room");
    room.setLabel(getTranslation("billing.room"));
    room.setAllowedCharPattern("[0-9]");
    room.setClearButtonVisible(true);
    type.setId("meters-type");
    type.setLabel(getTranslation("billing.meter.type"));
    type.setItems(TYPES);
    type.setEmptySelectionAllowed(true);
    type.setEmptySelectionCaption(getTranslation("billing.meter.type.any"));
    type.setItemLabelGenerator(t -> t == null ? "" : Texts.state("billing.fee.meter.", t));
    room.addValueChangeListener(e -> filter());
    type.addValueChangeListener(e -> filter());
    HorizontalLayout filters = new HorizontalLayout(room, type);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    if (PropertySession.can("billing.meter.create")) {
      Button create =
          new Button(
              getTranslation("billing.meters.new"),
              e ->
                  new MeterDialog(
                          m -> {
                            if (meters != null) {
                              meters.refresh();
                            }
                          })
                      .open());
      create.setId("meters-new");
      filters.add(create);
    }
    add(filters);

    if (PropertySession.can("billing.reading.import")) {
      Details importing =
          new Details(
              getTranslation("billing.import.title"),
              new ReadingImportPanel(this::readingsChanged));
      importing.setId("reading-import-details");
      add(importing);
    }

    grid.setId("meters-grid");
    grid.addColumn(Meter::serial)
        .setHeader(getTranslation("billing.meter.serial"))
        .setAutoWidth(true);
    grid.addColumn(m -> Texts.state("billing.fee.meter.", m.type()))
        .setHeader(getTranslation("billing.meter.type"));
    grid.addColumn(Meter::roomId).setHeader(getTranslation("billing.room"));
    grid.addColumn(Meter::installedAt).setHeader(getTranslation("billing.meter.installed"));
    grid.addColumn(m -> m.removedAt() == null ? "" : m.removedAt().toString())
        .setHeader(getTranslation("billing.meter.removed"));
    grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    grid.setHeight("16em");
    add(grid);

    detail.setId("meter-detail");
    detail.setPadding(false);
    detail.setVisible(false);
    readingGrid.setId("readings-grid");
    readingGrid
        .addColumn(
            r -> r.readAt() == null ? "" : TIME.format(r.readAt().atZone(ZoneId.systemDefault())))
        .setHeader(getTranslation("billing.reading.readAt"));
    readingGrid
        .addColumn(r -> r.value() == null ? "" : r.value().stripTrailingZeros().toPlainString())
        .setHeader(getTranslation("billing.reading.value"))
        .setTextAlign(ColumnTextAlign.END);
    readingGrid
        .addColumn(r -> Texts.state("billing.reading.source.", r.source()))
        .setHeader(getTranslation("billing.reading.source"));
    readingGrid
        .addColumn(
            r ->
                (r.replacement() ? getTranslation("billing.reading.replacement") + " " : "")
                    + (r.implausible() ? getTranslation("billing.reading.implausible") : ""))
        .setHeader(getTranslation("billing.reading.notes"));
    readingGrid.setHeight("14em");
    add(detail);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && meters == null) {
      meters = new BillingClient(PropertySession.api()).meters();
      meters.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.meters.title");
  }

  private void filter() {
    if (meters != null) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("roomId", room.getValue().strip());
      f.put("type", type.getValue());
      meters.setFilter(f);
      grid.asSingleSelect().clear();
    }
  }

  private void readingsChanged() {
    if (readings != null) {
      readings.refresh();
    }
  }

  private void show(Meter meter) {
    detail.removeAll();
    detail.setVisible(meter != null);
    readings = null;
    if (meter == null) {
      return;
    }
    detail.add(
        new H3(
            getTranslation(
                "billing.meter.heading",
                meter.serial(),
                Texts.state("billing.fee.meter.", meter.type()),
                meter.roomId())));
    if (PropertySession.can("billing.reading.create")) {
      detail.add(readingForm(meter));
    }
    if (PropertySession.can("billing.reading.read")) {
      readings = new BillingClient(PropertySession.api()).readings(meter.id());
      readings.bind(readingGrid);
      detail.add(readingGrid);
    }
  }

  private HorizontalLayout readingForm(Meter meter) {
    DatePicker day = new DatePicker(getTranslation("billing.reading.readAt"), LocalDate.now());
    day.setId("reading-day");
    BigDecimalField value = new BigDecimalField(getTranslation("billing.reading.value"));
    value.setId("reading-value");
    Checkbox replacement = new Checkbox(getTranslation("billing.reading.replacement.new"));
    replacement.setId("reading-replacement");
    Button record = new Button(getTranslation("billing.reading.record"));
    record.setId("reading-record");
    record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    record.addClickListener(
        e -> {
          BigDecimal v = value.getValue();
          boolean ok = v != null && v.signum() >= 0 && day.getValue() != null;
          value.setInvalid(v == null || v.signum() < 0);
          value.setErrorMessage(
              value.isInvalid() ? getTranslation("billing.reading.value.invalid") : null);
          day.setInvalid(day.getValue() == null);
          if (!ok) {
            return;
          }
          try {
            Meter.Reading r =
                new BillingClient(PropertySession.api())
                    .addReading(meter.id(), day.getValue(), v, replacement.getValue());
            value.clear();
            replacement.clear();
            if (r.implausible()) {
              Errors.info(getTranslation("billing.reading.storedImplausible", r.reason()));
            } else {
              Errors.success(getTranslation("billing.reading.stored"));
            }
            readingsChanged();
          } catch (ApiProblem | ApiUnreachable ex) {
            Errors.show(ex);
          }
        });
    HorizontalLayout form = new HorizontalLayout(day, value, replacement, record);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    form.setWrap(true);
    return form;
  }

  Grid<Meter> grid() {
    return grid;
  }

  Grid<Meter.Reading> readingGrid() {
    return readingGrid;
  }
}
