package org.courtyard.admin.property.security;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Guard patrol (巡更): the routes with their checkpoints, the rounds of the last and the next day
 * (earliest first) with the checkpoints a missed round left out highlighted, and, for the chosen
 * round, its check-ins. Who manages patrol can schedule today's rounds (doing it twice creates
 * nothing new), add a route, edit an active one (at the version shown: someone else's edit in
 * between is refused, not overwritten) and retire one (it keeps its rounds and gets no new ones).
 */
@Route(value = "security/patrol", layout = PropertyLayout.class)
@PropertyScreen(
    order = 530,
    titleKey = "security.patrol.title",
    icon = "FLAG",
    permission = PatrolView.READ)
public final class PatrolView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "security.patrol.read";
  static final String MANAGE = "security.patrol.manage";

  /** The zone the API reads route times in by default; the console schedules in the same one. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Grid<Patrol.Route> routes = new Grid<>(Patrol.Route.class, false);
  private final HorizontalLayout routesBar;
  private CursorDataProvider<Patrol.Route> routeList;
  private final Grid<Patrol.Round> rounds = new Grid<>(Patrol.Round.class, false);
  private final Grid<Patrol.Checkin> checkins = new Grid<>(Patrol.Checkin.class, false);
  private final H3 roundTitle = new H3();
  private final HorizontalLayout roundsBar;

  /** A day whose rounds to list (past days too); empty: the last and the next 24 hours. */
  private final com.vaadin.flow.component.datepicker.DatePicker day =
      new com.vaadin.flow.component.datepicker.DatePicker();

  private CursorDataProvider<Patrol.Round> roundList;

  public PatrolView() {
    setId("patrol");
    setSizeFull();
    add(new H2(getTranslation("security.patrol.title")));

    routesBar = new HorizontalLayout(new H3(getTranslation("security.patrol.routes")));
    routesBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(routesBar);
    routes.setId("patrol-routes");
    routes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    routes.setAllRowsVisible(true);
    routes
        .addColumn(Patrol.Route::name)
        .setKey("name")
        .setHeader(getTranslation("security.patrol.route"))
        .setAutoWidth(true);
    routes
        .addColumn(r -> String.join(" → ", r.checkpoints()))
        .setKey("checkpoints")
        .setHeader(getTranslation("security.patrol.checkpoints"))
        .setFlexGrow(1);
    routes
        .addColumn(r -> String.join(", ", r.times()))
        .setKey("times")
        .setHeader(getTranslation("security.patrol.times"))
        .setAutoWidth(true);
    routes
        .addColumn(r -> getTranslation("security.patrol.minutes", r.roundMinutes()))
        .setKey("minutes")
        .setHeader(getTranslation("security.patrol.roundMinutes"))
        .setAutoWidth(true);
    routes
        .addColumn(
            r -> Texts.state("security.patrol.route.status.", r.active() ? "active" : "retired"))
        .setKey("status")
        .setHeader(getTranslation("security.patrol.status"))
        .setPartNameGenerator(r -> r.active() ? null : "retired")
        .setAutoWidth(true);
    add(routes);

    H3 roundsTitle = new H3(getTranslation("security.patrol.rounds"));
    day.setId("patrol-day");
    day.setLabel(getTranslation("security.patrol.day"));
    day.setHelperText(getTranslation("security.patrol.day.help"));
    day.setClearButtonVisible(true);
    day.setLocale(getLocale());
    day.addValueChangeListener(e -> showDay(e.getValue()));
    roundsBar = new HorizontalLayout(roundsTitle, day);
    roundsBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(roundsBar);
    rounds.setId("patrol-rounds");
    rounds.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    rounds
        .addColumn(r -> When.format(r.startsAt(), getLocale()))
        .setKey("starts")
        .setHeader(getTranslation("security.patrol.startsAt"))
        .setAutoWidth(true);
    rounds
        .addColumn(r -> When.format(r.dueAt(), getLocale()))
        .setKey("due")
        .setHeader(getTranslation("security.patrol.dueAt"))
        .setAutoWidth(true);
    rounds
        .addColumn(Patrol.Round::route)
        .setKey("route")
        .setHeader(getTranslation("security.patrol.route"))
        .setAutoWidth(true);
    rounds
        .addColumn(r -> Texts.state("security.patrol.status.", r.status()))
        .setKey("status")
        .setHeader(getTranslation("security.patrol.status"))
        .setPartNameGenerator(r -> r.missedAny() ? "missed" : null)
        .setAutoWidth(true);
    rounds
        .addColumn(
            r ->
                getTranslation(
                    "security.patrol.progress", r.checkins() == null ? 0 : r.checkins().size()))
        .setKey("checkins")
        .setHeader(getTranslation("security.patrol.checkins"))
        .setAutoWidth(true);
    rounds
        .addComponentColumn(this::missed)
        .setKey("missed")
        .setHeader(getTranslation("security.patrol.missed"))
        .setFlexGrow(1);
    rounds.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    add(rounds);
    setFlexGrow(1, rounds);

    roundTitle.setId("patrol-round-title");
    roundTitle.setText(getTranslation("security.patrol.pick"));
    add(roundTitle);
    checkins.setId("patrol-checkins");
    checkins.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    checkins.setAllRowsVisible(true);
    checkins
        .addColumn(c -> When.format(c.at(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("security.patrol.at"))
        .setAutoWidth(true);
    checkins
        .addColumn(Patrol.Checkin::checkpoint)
        .setKey("checkpoint")
        .setHeader(getTranslation("security.patrol.checkpoint"))
        .setAutoWidth(true);
    checkins
        .addColumn(Patrol.Checkin::guard)
        .setKey("guard")
        .setHeader(getTranslation("security.patrol.guard"))
        .setAutoWidth(true);
    checkins
        .addColumn(c -> Texts.state("security.patrol.source.", c.source()))
        .setKey("source")
        .setHeader(getTranslation("security.patrol.source"))
        .setFlexGrow(1);
    add(checkins);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && roundList == null) {
      SecurityClient client = new SecurityClient(PropertySession.api());
      if (PropertySession.can(MANAGE)) {
        Button schedule =
            new Button(getTranslation("security.patrol.schedule"), e -> scheduleToday());
        schedule.setId("patrol-schedule");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        roundsBar.add(schedule);
        Button add = new Button(getTranslation("security.patrol.route.new"), e -> edit(null));
        add.setId("patrol-route-new");
        routesBar.add(add);
        routes
            .addComponentColumn(this::routeActions)
            .setKey("actions")
            .setHeader(getTranslation("security.actions"))
            .setAutoWidth(true);
      }
      routeList = client.routes();
      routeList.bind(routes);
      roundList = client.rounds();
      roundList.bind(rounds);
      rounds.focus();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("security.patrol.title");
  }

  private void scheduleToday() {
    String today = LocalDate.now(ZONE).toString();
    try {
      List<Patrol.Round> made =
          new SecurityClient(PropertySession.api()).schedule(today, ZONE.getId());
      Errors.success(getTranslation("security.patrol.scheduled", made.size(), today));
    } catch (ApiProblem | ApiUnreachable ex) {
      Errors.show(ex);
    }
    roundList.refresh();
  }

  /**
   * Lists the rounds that start on {@code picked} (in the console's zone), or the default window.
   */
  private void showDay(LocalDate picked) {
    if (roundList == null) {
      return;
    }
    roundList.setFilter(
        picked == null ? Map.of() : Map.of("date", picked.toString(), "zone", ZONE.getId()));
  }

  /** Edit and retire, for an active route. */
  private HorizontalLayout routeActions(Patrol.Route r) {
    HorizontalLayout row = new HorizontalLayout();
    if (r.active()) {
      Button edit = new Button(getTranslation("security.patrol.route.edit"), e -> edit(r));
      edit.setId("patrol-route-edit-" + r.id());
      edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
      Button retire = new Button(getTranslation("security.patrol.route.retire"), e -> retire(r));
      retire.setId("patrol-route-retire-" + r.id());
      retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      row.add(edit, retire);
    }
    return row;
  }

  /**
   * A route's name, checkpoints (in walking order), start times and round length: a new route when
   * {@code r} is null, else {@code r} at the version it was listed with. Checkpoints and times are
   * typed separated by commas or spaces; the API's field errors land on their fields.
   */
  private void edit(Patrol.Route r) {
    Dialog dialog = new Dialog();
    dialog.setId("patrol-route-dialog");
    dialog.setHeaderTitle(
        getTranslation(r == null ? "security.patrol.route.new" : "security.patrol.route.edit"));
    TextField name = field("patrol-route-name", "security.patrol.route");
    TextField checkpoints = field("patrol-route-checkpoints", "security.patrol.checkpoints");
    checkpoints.setHelperText(getTranslation("security.patrol.checkpoints.help"));
    TextField times = field("patrol-route-times", "security.patrol.times");
    times.setHelperText(getTranslation("security.patrol.times.help"));
    IntegerField minutes = new IntegerField(getTranslation("security.patrol.roundMinutes"));
    minutes.setId("patrol-route-minutes");
    minutes.setMin(5);
    minutes.setMax(720);
    minutes.setStepButtonsVisible(true);
    if (r != null) {
      name.setValue(r.name());
      checkpoints.setValue(String.join(", ", r.checkpoints()));
      times.setValue(String.join(", ", r.times()));
      minutes.setValue(r.roundMinutes());
    } else {
      minutes.setValue(30);
    }
    dialog.add(new FormLayout(name, checkpoints, times, minutes));
    Map<String, HasValidation> fields =
        Map.of(
            "name", name,
            "checkpoints", checkpoints,
            "times", times,
            "roundMinutes", minutes);
    Button ok =
        new Button(
            getTranslation("security.patrol.route.save"),
            e -> {
              fields.values().forEach(f -> f.setInvalid(false));
              Patrol.RouteInput input =
                  new Patrol.RouteInput(
                      name.getValue().strip(),
                      codes(checkpoints.getValue()),
                      codes(times.getValue()),
                      minutes.getValue(),
                      r == null ? null : r.version());
              SecurityClient client = new SecurityClient(PropertySession.api());
              try {
                Patrol.Route saved =
                    r == null
                        ? client.createRoute(input)
                        : client.updateRoute(r.id(), input, ZONE.getId());
                Errors.success(getTranslation("security.patrol.route.saved", saved.name()));
                dialog.close();
                routeList.refresh();
                roundList.refresh();
              } catch (ApiProblem ex) {
                FieldMarks.mark(ex, fields);
                Errors.show(ex);
              } catch (ApiUnreachable ex) {
                Errors.show(ex);
              }
            });
    ok.setId("patrol-route-dialog-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, ok);
    dialog.open();
    name.focus();
  }

  /** Asks first: a retired route keeps its rounds and check-ins but gets no new rounds. */
  private void retire(Patrol.Route r) {
    Dialog dialog = new Dialog();
    dialog.setId("patrol-route-retire-dialog");
    dialog.setHeaderTitle(getTranslation("security.patrol.route.retire.title"));
    dialog.add(new Paragraph(getTranslation("security.patrol.route.retire.confirm", r.name())));
    Button ok =
        new Button(
            getTranslation("security.patrol.route.retire"),
            e -> {
              try {
                new SecurityClient(PropertySession.api()).retireRoute(r.id());
                Errors.success(getTranslation("security.patrol.route.retired", r.name()));
              } catch (ApiProblem | ApiUnreachable ex) {
                Errors.show(ex);
              }
              dialog.close();
              routeList.refresh();
              roundList.refresh();
            });
    ok.setId("patrol-route-retire-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, ok);
    dialog.open();
    cancel.focus();
  }

  private TextField field(String id, String label) {
    TextField f = new TextField(getTranslation(label));
    f.setId(id);
    f.setWidthFull();
    return f;
  }

  /** Codes or times typed separated by commas (also Chinese ones) or spaces. */
  private static List<String> codes(String typed) {
    return Arrays.stream((typed == null ? "" : typed).split("[,，\\s]+"))
        .filter(c -> !c.isBlank())
        .toList();
  }

  /** The checkpoints a missed round left out, in the console's error colour. */
  private Span missed(Patrol.Round r) {
    Span s = new Span(r.missedAny() ? String.join(", ", r.missed()) : "");
    if (r.missedAny()) {
      s.addClassName("patrol-missed");
      s.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
      s.getElement().setAttribute("title", getTranslation("security.patrol.missed"));
    }
    return s;
  }

  /** Reads the round again (its check-ins as they stand now) and lists them below. */
  private void show(Patrol.Round picked) {
    if (picked == null) {
      roundTitle.setText(getTranslation("security.patrol.pick"));
      checkins.setItems(List.of());
      return;
    }
    try {
      Patrol.Round r = new SecurityClient(PropertySession.api()).round(picked.id());
      roundTitle.setText(
          getTranslation(
              "security.patrol.round", r.route(), When.format(r.startsAt(), getLocale())));
      checkins.setItems(r.checkins() == null ? List.of() : r.checkins());
    } catch (ApiProblem | ApiUnreachable ex) {
      Errors.show(ex);
    }
  }
}
