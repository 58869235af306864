package org.courtyard.admin.property.security;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * nothing new).
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

    add(new H3(getTranslation("security.patrol.routes")));
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
      }
      client.routes().bind(routes);
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
