package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Billing runs (账单生成): start the run of a month, follow it on a progress bar that polls the run
 * until it is done, and read the result (bills written, or why it failed); the runs so far below. A
 * run of the same month already under way is followed instead of refused.
 */
@Route(value = "billing/runs", layout = PropertyLayout.class)
@PropertyScreen(
    order = 320,
    titleKey = "billing.runs.title",
    icon = "CALC_BOOK",
    permission = "billing.run.read")
public final class RunsView extends VerticalLayout implements HasDynamicTitle {

  /** How often the followed run is asked for while it is not done. */
  static final int POLL_MS = 1000;

  private final TextField period = new TextField();
  private final Button start = new Button();
  private final VerticalLayout current = new VerticalLayout();
  private final H3 currentTitle = new H3();
  private final ProgressBar bar = new ProgressBar(0, 1);
  private final Paragraph progress = new Paragraph();
  private final Paragraph outcome = new Paragraph();
  private final Grid<Run> grid = new Grid<>();
  private CursorDataProvider<Run> runs;
  private Registration polling;
  private Run followed;

  public RunsView() {
    setId("billing-runs");
    add(new H2(getTranslation("billing.runs.title")));
    if (PropertySession.can("billing.run.start")) {
      period.setId("run-period");
      period.setLabel(getTranslation("billing.period"));
      period.setHelperText(getTranslation("billing.runs.period.help"));
      period.setPattern(Periods.PATTERN);
      period.setAllowedCharPattern("[0-9-]");
      period.setMaxLength(7);
      period.setValue(Periods.current());
      start.setId("run-start");
      start.setText(getTranslation("billing.runs.start"));
      start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      start.setDisableOnClick(true);
      start.addClickListener(e -> start());
      HorizontalLayout form = new HorizontalLayout(period, start);
      form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      add(form);
    }

    current.setId("run-current");
    current.setPadding(false);
    current.setVisible(false);
    bar.setId("run-progress");
    bar.getElement().setAttribute("aria-labelledby", "run-progress-text");
    progress.setId("run-progress-text");
    outcome.setId("run-outcome");
    current.add(currentTitle, bar, progress, outcome);
    add(current);

    grid.setId("runs-grid");
    grid.addColumn(Run::id).setHeader(getTranslation("billing.runs.id")).setAutoWidth(true);
    grid.addColumn(Run::period).setHeader(getTranslation("billing.period")).setAutoWidth(true);
    grid.addColumn(r -> Texts.state("billing.run.status.", r.status()))
        .setHeader(getTranslation("billing.runs.status"));
    grid.addColumn(r -> r.roomsDone() + " / " + r.roomsTotal())
        .setHeader(getTranslation("billing.runs.rooms"))
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(Run::billsCreated)
        .setHeader(getTranslation("billing.runs.bills"))
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(r -> r.error() == null ? "" : r.error())
        .setHeader(getTranslation("billing.runs.error"));
    grid.asSingleSelect()
        .addValueChangeListener(
            e -> {
              if (e.getValue() != null && e.isFromClient()) {
                follow(e.getValue());
              }
            });
    grid.setHeight("20em");
    add(grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && runs == null) {
      runs = new BillingClient(PropertySession.api()).runs();
      runs.bind(grid);
    }
    polling = event.getUI().addPollListener(e -> poll());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (polling != null) {
      polling.remove();
      polling = null;
    }
    event.getUI().setPollInterval(-1);
    super.onDetach(event);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.runs.title");
  }

  private void start() {
    try {
      String p = period.getValue().strip();
      if (!Periods.valid(p)) {
        period.setInvalid(true);
        period.setErrorMessage(getTranslation("billing.period.invalid"));
        return;
      }
      period.setInvalid(false);
      BillingClient client = new BillingClient(PropertySession.api());
      Run run;
      try {
        run = client.startRun(p);
      } catch (ApiProblem problem) {
        Run underWay =
            "run-in-progress".equals(problem.shortType())
                ? client.runUnderWay(p, problem.extensions().get("runId"))
                : null;
        if (underWay == null) {
          throw problem;
        }
        Errors.info(getTranslation("billing.runs.following", p));
        run = underWay;
      }
      follow(run);
      runs.refresh();
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    } finally {
      start.setEnabled(true);
    }
  }

  /** Shows the run on the progress bar and polls it until it is done. */
  void follow(Run run) {
    followed = run;
    show(run);
    getUI().ifPresent(ui -> ui.setPollInterval(run.finished() ? -1 : POLL_MS));
  }

  /** One poll: the followed run as the API has it now. */
  void poll() {
    if (followed == null || followed.finished()) {
      return;
    }
    try {
      Run now = new BillingClient(PropertySession.api()).run(followed.id());
      followed = now;
      show(now);
      if (now.finished()) {
        UI.getCurrent().setPollInterval(-1);
        runs.refresh();
      }
    } catch (ApiProblem | ApiUnreachable e) {
      // the bar stops rather than repeat the same failure every second
      UI.getCurrent().setPollInterval(-1);
      followed = null;
      Errors.show(e);
    }
  }

  private void show(Run run) {
    current.setVisible(true);
    currentTitle.setText(getTranslation("billing.runs.current", run.id(), run.period()));
    bar.setIndeterminate("queued".equals(run.status()));
    bar.setValue(run.progress());
    progress.setText(
        getTranslation(
            "billing.runs.progress",
            Texts.state("billing.run.status.", run.status()),
            run.roomsDone(),
            run.roomsTotal(),
            run.billsCreated()));
    outcome.getElement().setAttribute("role", "status");
    switch (run.status()) {
      case "completed" -> {
        outcome.setText(
            getTranslation("billing.runs.completed", run.billsCreated(), run.roomsTotal()));
        outcome.getStyle().set("color", "var(--lumo-success-text-color)");
      }
      case "failed" -> {
        outcome.setText(
            getTranslation(
                "billing.runs.failed",
                run.error() == null ? "—" : run.error(),
                run.billsCreated()));
        outcome.getStyle().set("color", "var(--lumo-error-text-color)");
      }
      default -> outcome.setText("");
    }
  }

  Run followed() {
    return followed;
  }

  ProgressBar bar() {
    return bar;
  }

  Grid<Run> grid() {
    return grid;
  }
}
