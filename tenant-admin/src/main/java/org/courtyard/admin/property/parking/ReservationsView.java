package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.FormDialog;
import org.courtyard.admin.ui.Errors;

/**
 * Reservations of visitor spaces (访客车位预约), made here from a space's row or by residents: the space,
 * the visitor and their plate, the slot, and whether the visitor arrived, is awaited (until the
 * minutes the space waits after the slot began), was released as a no-show or was cancelled. A
 * guard notes an arrival the camera did not see; a reservation is cancelled with a reason.
 */
@Route(value = "parking/reservations", layout = PropertyLayout.class)
@PropertyScreen(
    order = 912,
    titleKey = "parking.reservations.title",
    icon = "CALENDAR_CLOCK",
    permission = LeasesView.READ)
public final class ReservationsView extends VerticalLayout implements HasDynamicTitle {

  /** The zone slots are shown and entered in. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final String ARRIVE = "parking.gate.operate";

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Checkbox current = new Checkbox();
  private final Grid<Booking> grid = new Grid<>(Booking.class, false);
  private CursorDataProvider<Booking> reservations;

  public ReservationsView() {
    setId("parking-reservations");
    setSizeFull();
    add(new H2(getTranslation("parking.reservations.title")));
    current.setId("reservations-current");
    current.setLabel(getTranslation("parking.leases.current"));
    current.setValue(true);
    current.addValueChangeListener(e -> filter());
    add(current);
    grid.setId("reservations-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Booking::spaceNumber)
        .setKey("space")
        .setHeader(getTranslation("parking.space.number"))
        .setAutoWidth(true);
    grid.addColumn(Booking::holderName)
        .setKey("holder")
        .setHeader(getTranslation("parking.reserve.holder"))
        .setAutoWidth(true);
    grid.addColumn(b -> b.plate() == null ? "" : b.plate())
        .setKey("plate")
        .setHeader(getTranslation("parking.reserve.plate"))
        .setAutoWidth(true);
    grid.addColumn(ReservationsView::slot)
        .setKey("slot")
        .setHeader(getTranslation("parking.reserve.slot"))
        .setAutoWidth(true);
    grid.addColumn(this::state)
        .setKey("state")
        .setHeader(getTranslation("parking.space.state"))
        .setPartNameGenerator(b -> b.active() ? null : "refused")
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setKey("actions").setFlexGrow(1);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && reservations == null) {
      reservations = new ParkingClient(PropertySession.api()).reservations();
      filter();
      reservations.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("parking.reservations.title");
  }

  /** A picked local time as the API takes it, with the zone's offset; null for none. */
  static String instant(LocalDateTime local) {
    return local == null ? null : local.atZone(ZONE).toOffsetDateTime().toString();
  }

  /** "2026-12-08 10:00 – 12:00", the end with its day when it is another. */
  static String slot(Booking b) {
    LocalDateTime from = b.from().atZone(ZONE).toLocalDateTime();
    LocalDateTime to = b.to().atZone(ZONE).toLocalDateTime();
    return from.format(AT)
        + " – "
        + (to.toLocalDate().equals(from.toLocalDate()) ? to.format(TIME) : to.format(AT));
  }

  private String state(Booking b) {
    if (b.releasedAt() != null) {
      return getTranslation("parking.reservation.released", time(b.releasedAt()));
    }
    if (!b.active()) {
      return getTranslation("parking.booking.cancelled", b.cancelReason());
    }
    if (b.arrivedAt() != null) {
      return getTranslation("parking.reservation.arrived", time(b.arrivedAt()));
    }
    return b.noShowMinutes() == null
        ? getTranslation("parking.reservation.waiting")
        : getTranslation(
            "parking.reservation.waiting-until",
            time(b.from().plusSeconds(60L * b.noShowMinutes())));
  }

  private static String time(Instant at) {
    return at.atZone(ZONE).toLocalDateTime().format(AT);
  }

  private void filter() {
    if (reservations != null) {
      reservations.setFilter(
          Map.of("current", Boolean.TRUE.equals(current.getValue()) ? "true" : ""));
    }
  }

  private Component actions(Booking b) {
    HorizontalLayout row = new HorizontalLayout();
    row.setSpacing(false);
    if (b.active() && b.arrivedAt() == null && PropertySession.can(ARRIVE)) {
      Button arrive = new Button(getTranslation("parking.reservation.arrive"), e -> arrive(b));
      arrive.setId("reservation-arrive-" + b.id());
      arrive.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      row.add(arrive);
    }
    if (b.active() && PropertySession.can(LeasesView.CANCEL)) {
      Button cancel = new Button(getTranslation("parking.reservation.cancel"), e -> cancel(b));
      cancel.setId("reservation-cancel-" + b.id());
      cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      row.add(cancel);
    }
    return row;
  }

  private void arrive(Booking b) {
    try {
      new ParkingClient(PropertySession.api()).arrive(b.id());
      Errors.success(getTranslation("parking.reservation.arrived.done", b.spaceNumber()));
    } catch (RuntimeException e) {
      Errors.show(e);
    }
    reservations.refresh();
  }

  private void cancel(Booking b) {
    FormDialog d =
        new FormDialog(
            "reservation-cancel-dialog",
            getTranslation("parking.reservation.cancel.title", b.spaceNumber(), b.holderName()),
            getTranslation("parking.reservation.cancel"));
    TextField reason = new TextField(getTranslation("parking.lease.cancel.reason"));
    reason.setId("reservation-cancel-reason");
    reason.setMaxLength(500);
    d.field("reason", reason);
    d.onSend(
            () -> {
              new ParkingClient(PropertySession.api())
                  .cancelReservation(b.id(), new Booking.Cancel(reason.getValue(), b.version()));
              Errors.success(getTranslation("parking.reservation.cancelled", b.spaceNumber()));
            })
        .onDone(reservations::refresh);
    d.open();
    reason.focus();
  }
}
