package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.NotAllowedView;
import org.junit.jupiter.api.Test;

class OrderViewTest extends WorkOrdersTestBase {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  /** The ids of the step buttons offered, in order, without their prefix. */
  private static List<String> offered() {
    return _get(HorizontalLayout.class, s -> s.withId("wo-actions"))
        .getChildren()
        .map(c -> c.getId().orElse("").replace("wo-action-", ""))
        .toList();
  }

  /** The timeline as shown, one line of text per entry, top to bottom. */
  private static List<String> timeline() {
    return _get(VerticalLayout.class, s -> s.withId("wo-timeline"))
        .getChildren()
        .map(c -> text(c))
        .toList();
  }

  private static String text(com.vaadin.flow.component.Component c) {
    if (c instanceof Span s) {
      return s.getText() + " ";
    }
    if (c instanceof com.vaadin.flow.component.html.Paragraph p) {
      return p.getText() + " ";
    }
    return c.getChildren().map(OrderViewTest::text).reduce("", String::concat);
  }

  private static void open(long id) {
    UI.getCurrent().navigate(OrderView.class, id);
  }

  private static void note(String text) {
    HasValueUtilsKt._setValue(_get(TextArea.class, s -> s.withId("wo-action-note")), text);
  }

  @Test
  void onlyTheActionsTheApiListsAreOffered() {
    long fresh = wo.order("plumbing", "normal", "new", sunny, "basement", T0);
    long working = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    wo.set(working, "assigneeUserId", technicianId);

    signIn("dispatcher");
    open(fresh);
    assertThat(offered()).containsExactly("dispatch", "urge", "cancel");
    open(working);
    // the technician's steps are not the dispatcher's: not offered, so never refused
    assertThat(offered()).containsExactly("transfer", "urge", "cancel");
    assertThat(_find(Button.class, s -> s.withId("wo-action-pause"))).isEmpty();
  }

  @Test
  void theTechnicianIsOfferedTheirOwnSteps() {
    long working = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    wo.set(working, "assigneeUserId", technicianId);
    long someoneElses = wo.order("plumbing", "normal", "in_progress", sunny, "attic", T0);
    wo.set(someoneElses, "assigneeUserId", 999L);

    signIn("tech");
    open(working);
    assertThat(offered()).containsExactly("pause", "complete");
    open(someoneElses);
    assertThat(offered()).isEmpty();
  }

  @Test
  void aDispatchPostsTheTechnicianWithTheVersionReadAndTheTimelineGrows() {
    long id = wo.order("lift", "urgent", "new", sunny, "lift 2", T0);
    wo.technician(technicianId, List.of("lift"), Map.of(7L, "Lift crew"), true);
    signIn("dispatcher");
    open(id);

    click("wo-action-dispatch");
    @SuppressWarnings("unchecked")
    ComboBox<Long> technician = _get(ComboBox.class, s -> s.withId("wo-action-technician"));
    HasValueUtilsKt._setValue(technician, technicianId);
    note("please hurry");
    click("wo-action-ok");

    JsonNode body = wo.lastBody("POST dispatch");
    assertThat(body.path("assigneeUserId").asLong()).isEqualTo(technicianId);
    assertThat(body.path("version").asLong()).isEqualTo(0);
    assertThat(body.path("note").asText()).isEqualTo("please hurry");
    assertThat(body.has("assigneeTeamId")).isFalse();
    _assertNone(Dialog.class);
    assertThat(_get(Span.class, s -> s.withId("wo-state")).getText()).isEqualTo("Dispatched");
    assertThat(offered()).containsExactly("transfer", "urge", "cancel");
    List<String> lines = timeline();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("Reported");
    assertThat(lines.get(1))
        .contains("Dispatch → Dispatched", "Technician #" + technicianId, "please hurry");
  }

  @Test
  void aTransferToATeamTypedByIdPostsTheTeam() {
    long id = wo.order("lift", "urgent", "dispatched", sunny, "lift 2", T0);
    wo.set(id, "assigneeUserId", technicianId);
    signIn("dispatcher");
    open(id);

    click("wo-action-transfer");
    @SuppressWarnings("unchecked")
    RadioButtonGroup<String> to = _get(RadioButtonGroup.class, s -> s.withId("wo-action-to"));
    HasValueUtilsKt._setValue(to, ActionDialog.TEAM);
    @SuppressWarnings("unchecked")
    ComboBox<Long> team = _get(ComboBox.class, s -> s.withId("wo-action-team"));
    ComboBoxKt._fireCustomValueSet(team, "12");
    click("wo-action-ok");
    // a transfer needs a note: nothing is sent yet
    assertThat(wo.lastBody("POST transfer")).isNull();
    note("needs two people");
    click("wo-action-ok");

    JsonNode body = wo.lastBody("POST transfer");
    assertThat(body.path("assigneeTeamId").asLong()).isEqualTo(12);
    assertThat(body.has("assigneeUserId")).isFalse();
    assertThat(wo.orderJson(id)).containsEntry("assigneeTeamId", 12L);
  }

  @Test
  void aPauseNeedsItsReason() {
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    wo.set(id, "assigneeUserId", technicianId);
    signIn("tech");
    open(id);

    click("wo-action-pause");
    click("wo-action-ok");
    assertThat(wo.lastBody("POST pause")).isNull();
    choose("wo-action-reason", "Waiting for parts");
    click("wo-action-ok");

    assertThat(wo.lastBody("POST pause").path("reason").asText()).isEqualTo("parts");
    assertThat(_get(Span.class, s -> s.withId("wo-state")).getText()).isEqualTo("Paused");
    assertThat(offered()).containsExactly("resume");
  }

  @Test
  void aRefusedStepShowsTheProblemAndThePageThenOffersWhatIsAllowedNow() {
    long id = wo.order("noise", "normal", "new", sunny, "courtyard", T0);
    signIn("dispatcher");
    open(id);
    assertThat(offered()).contains("dispatch");
    // meanwhile someone else cancels it
    wo.touch(id, "cancelled");

    click("wo-action-cancel");
    choose("wo-action-reason", "Duplicate");
    click("wo-action-ok");

    assertThat(notificationTexts())
        .anyMatch(
            t ->
                t.startsWith("Changed meanwhile")
                    && t.contains("The order was changed by someone else; read it again."));
    assertThat(_get(Span.class, s -> s.withId("wo-state")).getText()).isEqualTo("Cancelled");
    assertThat(offered()).isEmpty();
  }

  @Test
  void aRefusalWithoutAVersionConflictShowsTheApisDetailInChinese() {
    long id = wo.order("noise", "normal", "new", sunny, "courtyard", T0);
    signIn("dispatcher");
    chinese();
    open(id);

    click("wo-action-dispatch");
    // no technician chosen: the form says so before anything is sent
    click("wo-action-ok");
    assertThat(wo.lastBody("POST dispatch")).isNull();
    @SuppressWarnings("unchecked")
    ComboBox<Long> technician = _get(ComboBox.class, s -> s.withId("wo-action-technician"));
    assertThat(technician.getErrorMessage()).isEqualTo("请选择接单人。");
    // the state moved on without a new version: the API answers wrong-state
    wo.set(id, "state", "done");
    ComboBoxKt._fireCustomValueSet(technician, "5");
    click("wo-action-ok");

    assertThat(notificationTexts())
        .anyMatch(t -> t.startsWith("当前状态下不能进行此操作") && t.contains("WO-00001"));
    assertThat(offered()).containsExactly("confirm", "reopen");
  }

  @Test
  void theHeaderShowsTheDeadlinesAsColouredBadges() {
    long id = wo.order("lift", "urgent", "in_progress", sunny, "lift 2", T0);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("minutes", 15);
    response.put("due", "2026-12-01T08:15:00Z");
    response.put("metAt", "2026-12-01T08:10:00Z");
    response.put("state", "met");
    wo.set(id, "response", response);
    Map<String, Object> resolution = new LinkedHashMap<>();
    resolution.put("minutes", 240);
    resolution.put("due", "2026-12-01T12:00:00Z");
    resolution.put("state", "breached");
    wo.set(id, "resolution", resolution);
    wo.set(id, "overdue", true);
    wo.set(id, "assigneeTeamId", 7L);
    wo.technician(technicianId, List.of("lift"), Map.of(7L, "Lift crew"), true);
    signIn("dispatcher");
    open(id);

    Span r = _get(Span.class, s -> s.withId("wo-deadline-response"));
    assertThat(r.getText()).startsWith("Response: met · met ");
    assertThat(r.getElement().getThemeList()).contains("success");
    Span d = _get(Span.class, s -> s.withId("wo-deadline-resolution"));
    assertThat(d.getText()).startsWith("Resolution: breached · due ");
    assertThat(d.getElement().getThemeList()).contains("error");
    _get(Span.class, s -> s.withId("wo-overdue"));
    assertThat(_get(Div.class, s -> s.withId("wo-facts")).getText())
        .contains("Place: Sunny Garden · lift 2", "Assignee: Team Lift crew", "Priority: Urgent");
  }

  @Test
  void anOrderOutsideTheScopeIsNotShownAndOffersNothing() {
    long elsewhere = wo.order("noise", "normal", "new", moon, "gate", T0);
    signIn("dispatcher.east");
    open(elsewhere);

    assertThat(notificationTexts())
        .anyMatch(t -> t.contains("Work order " + elsewhere + " not found."));
    assertThat(offered()).isEmpty();
  }

  @Test
  void staffWithoutTheReadPermissionCannotOpenAnOrder() {
    long id = wo.order("noise", "normal", "new", sunny, "gate", T0);
    signIn("guard");
    open(id);

    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
  }

  @Test
  void aPaidRepairIsCompletedWithItsChargeWhichThePageThenShows() {
    long plumbing = wo.categoryId("plumbing");
    wo.paid(plumbing, "50", "300");
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "kitchen", T0);
    wo.set(id, "roomId", room101);
    wo.set(id, "place", null);
    wo.set(id, "assigneeUserId", technicianId);

    signIn("tech");
    open(id);
    assertThat(_get(ChargesSection.class).isVisible()).isTrue();
    assertThat(_get(Span.class, s -> s.withId("wo-charges-empty")).getText())
        .isEqualTo("Nothing charged yet: the charge is entered when the repair is completed.");
    click("wo-action-complete");
    note("换了阀门");
    com.vaadin.flow.component.textfield.BigDecimalField charge =
        _get(
            com.vaadin.flow.component.textfield.BigDecimalField.class,
            s -> s.withId("wo-action-charge"));
    assertThat(charge.getHelperText()).contains("50").contains("300");
    // no charge: the form says so before anything is sent
    click("wo-action-ok");
    assertThat(charge.isInvalid()).isTrue();
    assertThat(wo.orderJson(id).get("state")).isEqualTo("in_progress");
    // out of range: the API's field error is shown at the field
    HasValueUtilsKt._setValue(charge, new java.math.BigDecimal("500"));
    click("wo-action-ok");
    assertThat(charge.isInvalid()).isTrue();
    assertThat(charge.getErrorMessage()).contains("50").contains("300");
    HasValueUtilsKt._setValue(charge, new java.math.BigDecimal("120.5"));
    click("wo-action-ok");
    assertThat(wo.orderJson(id).get("state")).isEqualTo("done");
    @SuppressWarnings("unchecked")
    com.vaadin.flow.component.grid.Grid<Charge> grid =
        _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("wo-charges-grid"));
    List<Charge> shown = grid.getListDataView().getItems().toList();
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).amount()).isEqualByComparingTo("120.50");
    assertThat(shown.get(0).state()).isEqualTo("posted");
  }

  @Test
  void aChargeBillingRefusedSaysWhyAndIsSentAgainOnceMended() {
    long plumbing = wo.categoryId("plumbing");
    wo.paid(plumbing, "50", "300");
    long id = wo.order("plumbing", "normal", "done", sunny, "kitchen", T0);
    wo.set(id, "roomId", room101);
    wo.set(id, "place", null);
    wo.set(id, "assigneeUserId", technicianId);
    wo.charge(id, "80", "refused", "room 101 not found.");

    signIn("dispatcher");
    open(id);
    @SuppressWarnings("unchecked")
    com.vaadin.flow.component.grid.Grid<Charge> grid =
        _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("wo-charges-grid"));
    assertThat(grid.getListDataView().getItems().toList().get(0).note())
        .isEqualTo("room 101 not found.");
    com.vaadin.flow.component.button.Button retry =
        (com.vaadin.flow.component.button.Button)
            com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "retry");
    assertThat(retry.getId()).hasValue("wo-charges-retry-0");
    com.github.mvysny.kaributesting.v10.ButtonKt._click(retry);
    assertThat(grid.getListDataView().getItems().toList().get(0).state()).isEqualTo("posted");
    assertThat(notificationTexts()).anyMatch(t -> t.contains("Sent to billing again: Billed"));
  }

  @Test
  void aFreeOrderShowsNoChargesAndItsCompletionAsksForNone() {
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "kitchen", T0);
    wo.set(id, "assigneeUserId", technicianId);
    signIn("tech");
    open(id);
    _assertNone(ChargesSection.class);
    click("wo-action-complete");
    _assertNone(
        com.vaadin.flow.component.textfield.BigDecimalField.class,
        s -> s.withId("wo-action-charge"));
  }

  @Test
  void thePageShowsWhoWasToldOfWhatAndDispatchersRemoveWatchers() {
    long id = wo.order("plumbing", "normal", "dispatched", sunny, "kitchen", T0);
    wo.set(id, "assigneeUserId", technicianId);
    wo.notice(id, "dispatch", "assignee", technicianId, "delivered");
    wo.notice(id, "dispatch", "watcher", 42, "refused");

    signIn("dispatcher");
    new WorkOrdersClient(org.courtyard.admin.property.PropertySession.api()).watch(id, 42);
    open(id);
    @SuppressWarnings("unchecked")
    com.vaadin.flow.component.grid.Grid<Notice> log =
        _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("wo-notices-log"));
    List<Notice> shown = log.getListDataView().getItems().toList();
    assertThat(shown).extracting(Notice::state).containsExactly("delivered", "refused");
    assertThat(_get(Span.class, s -> s.withId("wo-watcher-42")).getText()).isEqualTo("User 42");

    click("wo-watcher-remove-42");
    _assertNone(Span.class, s -> s.withId("wo-watcher-42"));
    assertThat(
            new WorkOrdersClient(org.courtyard.admin.property.PropertySession.api()).watchers(id))
        .isEmpty();
  }
}
