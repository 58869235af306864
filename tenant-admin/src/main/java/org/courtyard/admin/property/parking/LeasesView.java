package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * The leases of spaces (车位租用): which space, to whom, from which day to which, and whether it is
 * active or cancelled and why; the current ones by default. A lease is cancelled with a reason,
 * which frees the space for its months.
 */
@Route(value = "parking/leases", layout = PropertyLayout.class)
@PropertyScreen(
    order = 910,
    titleKey = "parking.leases.title",
    icon = "CALENDAR_USER",
    permission = LeasesView.READ)
public final class LeasesView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "parking.booking.read";
  static final String CANCEL = "parking.booking.cancel";

  private final Checkbox current = new Checkbox();
  private final Grid<Booking> grid = new Grid<>(Booking.class, false);
  private CursorDataProvider<Booking> leases;

  public LeasesView() {
    setId("parking-leases");
    setSizeFull();
    add(new H2(getTranslation("parking.leases.title")));
    current.setId("leases-current");
    current.setLabel(getTranslation("parking.leases.current"));
    current.setValue(true);
    current.addValueChangeListener(e -> filter());
    add(current);
    grid.setId("leases-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Booking::spaceNumber)
        .setKey("space")
        .setHeader(getTranslation("parking.space.number"))
        .setAutoWidth(true);
    grid.addColumn(Booking::holderName)
        .setKey("holder")
        .setHeader(getTranslation("parking.lease.holder"))
        .setAutoWidth(true);
    grid.addColumn(Booking::holderPhone)
        .setKey("phone")
        .setHeader(getTranslation("parking.lease.phone"))
        .setAutoWidth(true);
    grid.addColumn(
            b ->
                getTranslation(
                    "parking.lease.terms.of", b.terms(), Texts.state("parking.term.", b.term())))
        .setKey("term")
        .setHeader(getTranslation("parking.lease.term"))
        .setAutoWidth(true);
    grid.addColumn(
            b ->
                b.rent() == null
                    ? ""
                    : getTranslation("parking.lease.billed", b.rent().toPlainString(), b.roomId()))
        .setKey("rent")
        .setHeader(getTranslation("parking.lease.rent"))
        .setAutoWidth(true);
    grid.addColumn(b -> getTranslation("parking.lease.days", b.firstDay(), b.lastDay()))
        .setKey("days")
        .setHeader(getTranslation("parking.lease.period"))
        .setAutoWidth(true);
    grid.addColumn(
            b ->
                b.active()
                    ? getTranslation("parking.booking.active")
                    : getTranslation("parking.booking.cancelled", b.cancelReason()))
        .setKey("state")
        .setHeader(getTranslation("parking.space.state"))
        .setPartNameGenerator(b -> b.active() ? null : "refused")
        .setAutoWidth(true);
    grid.addComponentColumn(this::cancelButton).setKey("actions").setFlexGrow(1);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && leases == null) {
      leases = new ParkingClient(PropertySession.api()).leases();
      filter();
      leases.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.leases.title");
  }

  private void filter() {
    if (leases != null) {
      leases.setFilter(Map.of("current", Boolean.TRUE.equals(current.getValue()) ? "true" : ""));
    }
  }

  private Component cancelButton(Booking b) {
    if (!b.active() || !PropertySession.can(CANCEL)) {
      return new Span();
    }
    Button cancel = new Button(getTranslation("parking.lease.cancel"), e -> cancel(b));
    cancel.setId("lease-cancel-" + b.id());
    cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    return cancel;
  }

  private void cancel(Booking b) {
    FormDialog d =
        new FormDialog(
            "lease-cancel-dialog",
            getTranslation("parking.lease.cancel.title", b.spaceNumber(), b.holderName()),
            getTranslation("parking.lease.cancel"));
    TextField reason = new TextField(getTranslation("parking.lease.cancel.reason"));
    reason.setId("lease-cancel-reason");
    reason.setMaxLength(500);
    d.field("reason", reason);
    d.onSend(
            () -> {
              new ParkingClient(PropertySession.api())
                  .cancelLease(b.id(), new Booking.Cancel(reason.getValue(), b.version()));
              Errors.success(getTranslation("parking.lease.cancelled", b.spaceNumber()));
            })
        .onDone(leases::refresh);
    d.open();
    reason.focus();
  }
}
