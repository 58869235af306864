package org.courtyard.admin.property.security;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.LiveFeed;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Alarms (告警), newest first, open ones by default: a guard acknowledges one (takes charge) and
 * resolves it, with a note. While the screen is open it watches the newest alarms of the chosen
 * status ({@link LiveFeed}, every {@link #WATCH}); when they change, the list is read again and
 * server push shows it at once, so a new alarm appears without reloading the page.
 */
@Route(value = "security/alarms", layout = PropertyLayout.class)
@PropertyScreen(
    order = 500,
    titleKey = "security.alarms.title",
    icon = "ALARM",
    permission = AlarmsView.READ)
public final class AlarmsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "security.alarm.read";
  static final String HANDLE = "security.alarm.handle";

  /** The filter of the alarms not yet resolved: raised or taken in hand (the API takes a list). */
  static final String OPEN = "raised,acknowledged";

  /** How often the open screen asks whether its alarms changed (pushed to the browser if so). */
  static final Duration WATCH = Duration.ofSeconds(2);

  static final int WATCHED = 20;

  private final Grid<Alarm> grid = new Grid<>(Alarm.class, false);
  private final Select<String> status = new Select<>();
  private final Span updated = new Span();
  private CursorDataProvider<Alarm> alarms;
  private Registration watching;
  private volatile String watchedStatus = "raised";

  public AlarmsView() {
    setId("alarms");
    setSizeFull();
    add(new H2(getTranslation("security.alarms.title")));

    status.setId("alarms-status");
    status.setLabel(getTranslation("security.alarm.status"));
    status.setItems("raised", OPEN, "acknowledged", "resolved", "");
    status.setItemLabelGenerator(
        s ->
            s.isEmpty()
                ? getTranslation("security.alarm.status.all")
                : s.equals(OPEN)
                    ? getTranslation("security.alarm.status.open")
                    : Texts.state("security.alarm.status.", s));
    status.setValue("raised");
    status.addValueChangeListener(e -> filter());
    updated.setId("alarms-updated");
    updated
        .getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)");
    updated.getElement().setAttribute("aria-live", "polite");
    HorizontalLayout bar = new HorizontalLayout(status, updated);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);

    grid.setId("alarms-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(a -> When.format(a.raisedAt(), getLocale()))
        .setKey("raised")
        .setHeader(getTranslation("security.alarm.raisedAt"))
        .setAutoWidth(true);
    grid.addColumn(a -> Texts.state("security.alarm.kind.", a.kind()))
        .setKey("kind")
        .setHeader(getTranslation("security.alarm.kind"))
        .setAutoWidth(true);
    grid.addColumn(Alarm::deviceId)
        .setKey("device")
        .setHeader(getTranslation("security.alarm.device"))
        .setAutoWidth(true);
    grid.addColumn(Alarm::detail)
        .setKey("detail")
        .setHeader(getTranslation("security.alarm.detail"))
        .setFlexGrow(1);
    grid.addColumn(a -> Texts.state("security.alarm.status.", a.status()))
        .setKey("status")
        .setHeader(getTranslation("security.alarm.status"))
        .setAutoWidth(true);
    grid.addColumn(this::handledBy)
        .setKey("handled")
        .setHeader(getTranslation("security.alarm.handled"))
        .setAutoWidth(true);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && alarms == null) {
      if (PropertySession.can(HANDLE)) {
        grid.addComponentColumn(this::actions)
            .setKey("actions")
            .setHeader(getTranslation("security.actions"))
            .setAutoWidth(true);
      }
      alarms = new SecurityClient(PropertySession.api()).alarms();
      alarms.bind(grid);
      filter();
    }
    if (PropertySession.signedIn() && watching == null) {
      SecurityClient client = new SecurityClient(PropertySession.api());
      watching =
          LiveFeed.follow(
              this,
              WATCH,
              client.newest(watchedStatus, WATCHED),
              () -> client.newest(watchedStatus, WATCHED),
              newest -> refresh());
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (watching != null) {
      watching.remove();
      watching = null;
    }
    super.onDetach(event);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("security.alarms.title");
  }

  private void filter() {
    if (alarms != null) {
      watchedStatus = status.getValue();
      alarms.setFilter(Map.of("status", status.getValue()));
      stamp();
    }
  }

  /** Asks the API again: new alarms appear, handled ones move on. */
  void refresh() {
    if (alarms != null) {
      alarms.refresh();
      stamp();
    }
  }

  private void stamp() {
    updated.setText(
        getTranslation("security.alarms.updated", When.format(Instant.now(), getLocale())));
  }

  private String handledBy(Alarm a) {
    if (a.resolvedBy() != null) {
      return getTranslation("security.alarm.resolvedBy", a.resolvedBy());
    }
    if (a.acknowledgedBy() != null) {
      return getTranslation("security.alarm.acknowledgedBy", a.acknowledgedBy());
    }
    return "";
  }

  private HorizontalLayout actions(Alarm a) {
    HorizontalLayout row = new HorizontalLayout();
    if (a.raised()) {
      Button ack = new Button(getTranslation("security.alarm.acknowledge"), e -> handle(a, false));
      ack.setId("alarm-acknowledge-" + a.id());
      ack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
      row.add(ack);
    }
    if (!a.resolved()) {
      Button resolve = new Button(getTranslation("security.alarm.resolve"), e -> handle(a, true));
      resolve.setId("alarm-resolve-" + a.id());
      resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
      row.add(resolve);
    }
    return row;
  }

  /** Acknowledges or resolves the alarm, as the signed-in user, with an optional note. */
  private void handle(Alarm a, boolean resolve) {
    Dialog dialog = new Dialog();
    dialog.setId("alarm-dialog");
    dialog.setHeaderTitle(
        getTranslation(
            resolve ? "security.alarm.resolve.title" : "security.alarm.acknowledge.title",
            Texts.state("security.alarm.kind.", a.kind()),
            a.deviceId()));
    TextArea note = new TextArea(getTranslation("security.alarm.note"));
    note.setId("alarm-note");
    note.setMaxLength(500);
    note.setWidthFull();
    dialog.add(note);
    Button ok =
        new Button(
            getTranslation(resolve ? "security.alarm.resolve" : "security.alarm.acknowledge"),
            e -> {
              Alarm.Action action =
                  new Alarm.Action(
                      PropertySession.me().shownName(),
                      note.getValue() == null || note.getValue().isBlank()
                          ? null
                          : note.getValue());
              try {
                SecurityClient client = new SecurityClient(PropertySession.api());
                if (resolve) {
                  client.resolve(a.id(), action);
                } else {
                  client.acknowledge(a.id(), action);
                }
                Errors.success(
                    getTranslation(
                        resolve ? "security.alarm.resolved" : "security.alarm.acknowledged",
                        a.deviceId()));
              } catch (ApiProblem | ApiUnreachable ex) {
                // 409 when someone else moved it on meanwhile: the detail says where it is
                Errors.show(ex);
              }
              dialog.close();
              refresh();
            });
    ok.setId("alarm-dialog-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, ok);
    dialog.open();
    note.focus();
  }
}
