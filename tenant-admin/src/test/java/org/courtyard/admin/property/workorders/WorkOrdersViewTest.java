package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkOrdersViewTest extends WorkOrdersTestBase {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  @SuppressWarnings("unchecked")
  private static Grid<Order> grid() {
    return _get(Grid.class, s -> s.withId("wo-grid"));
  }

  private static List<Order> rows() {
    return GridKt._fetch(grid(), 0, 500);
  }

  private static void type(String id, String value) {
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId(id)), value);
  }

  @Test
  void theListIsPagedByTheApiNewestFirst() {
    for (int i = 0; i < 120; i++) {
      wo.order("plumbing", "normal", "new", sunny, "pipe " + i, T0.plusSeconds(60L * i));
    }
    signIn("dispatcher");
    UI.getCurrent().navigate(WorkOrdersView.class);

    List<Order> all = rows();

    assertThat(all).hasSize(120);
    assertThat(all.get(0).number()).isEqualTo("WO-00120");
    assertThat(all.get(119).number()).isEqualTo("WO-00001");
    assertThat(new HashSet<>(all.stream().map(Order::id).toList())).hasSize(120);
    List<Map<String, String>> asked = wo.orderQueries();
    // three pages of 50, the later ones by the cursor the API gave: never all rows at once
    assertThat(asked).allMatch(q -> "50".equals(q.get("limit")));
    assertThat(asked.stream().filter(q -> q.containsKey("cursor")).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(GridKt._getFormatted(grid(), 0, "category")).isEqualTo("Plumbing");
    assertThat(GridKt._getFormatted(grid(), 0, "state")).isEqualTo("New");
    assertThat(GridKt._getFormatted(grid(), 0, "place")).isEqualTo("Sunny Garden · pipe 119");
  }

  @Test
  void theFiltersReachTheApiAndTheListShowsWhatItAnswers() {
    long urgentLift = wo.order("lift", "urgent", "paused", sunny, "lift 2", T0.plusSeconds(10));
    wo.set(urgentLift, "overdue", true);
    long notOverdue = wo.order("lift", "urgent", "new", sunny, "lift 3", T0.plusSeconds(20));
    wo.order("lift", "urgent", "paused", moon, "lift 9", T0.plusSeconds(30));
    wo.order("plumbing", "urgent", "paused", sunny, "pipe", T0.plusSeconds(40));
    wo.order("lift", "normal", "new", sunny, "lift 4", T0.plusSeconds(50));
    wo.order("lift", "urgent", "done", sunny, "lift 5", T0.plusSeconds(60));
    signIn("dispatcher");
    UI.getCurrent().navigate(WorkOrdersView.class);
    assertThat(rows()).hasSize(6);

    @SuppressWarnings("unchecked")
    MultiSelectComboBox<String> states =
        _get(MultiSelectComboBox.class, s -> s.withId("wo-filter-state"));
    HasValueUtilsKt._setValue(states, Set.of("paused", "new"));
    choose("wo-filter-category", "Lift (lift)");
    choose("wo-filter-priority", "Urgent");
    choose("wo-filter-estate", "Sunny Garden");
    assertThat(rows()).extracting(Order::id).containsExactly(notOverdue, urgentLift);
    HasValueUtilsKt._setValue(_get(Checkbox.class, s -> s.withId("wo-filter-overdue")), true);

    assertThat(rows()).extracting(Order::id).containsExactly(urgentLift);
    Map<String, String> last = wo.orderQueries().get(wo.orderQueries().size() - 1);
    assertThat(last)
        .containsEntry("state", "new,paused")
        .containsEntry("categoryId", String.valueOf(wo.categoryId("lift")))
        .containsEntry("priority", "urgent")
        .containsEntry("estateId", String.valueOf(sunny))
        .containsEntry("overdue", "true");
    Span badge = (Span) GridKt._getCellComponent(grid(), 0, "due");
    assertThat(badge.getText()).isEqualTo("Overdue");
    assertThat(badge.getElement().getThemeList()).contains("error");
  }

  @Test
  void aScopedDispatcherSeesTheirEstatesOrdersOnly() {
    long east = wo.order("noise", "normal", "new", sunny, "courtyard", T0);
    wo.order("noise", "normal", "new", moon, "gate", T0.plusSeconds(5));
    signIn("dispatcher.east");
    UI.getCurrent().navigate(WorkOrdersView.class);

    assertThat(rows()).extracting(Order::id).containsExactly(east);
  }

  @Test
  void aRowOpensTheOrdersPage() {
    long id = wo.order("plumbing", "normal", "new", sunny, "basement", T0);
    signIn("dispatcher");
    UI.getCurrent().navigate(WorkOrdersView.class);

    GridKt._clickItem(grid(), 0);

    assertThat(currentView()).isInstanceOf(OrderView.class);
    assertThat(_get(OrderView.class).order().id()).isEqualTo(id);
  }

  @Test
  void theNewOrderDialogPostsAPublicPlaceOrderAndOpensIt() {
    signIn("dispatcher");
    UI.getCurrent().navigate(WorkOrdersView.class);
    click("wo-new");

    choose("wo-new-category", "Lift");
    choose("wo-new-priority", "Emergency");
    @SuppressWarnings("unchecked")
    RadioButtonGroup<String> where = _get(RadioButtonGroup.class, s -> s.withId("wo-new-where"));
    HasValueUtilsKt._setValue(where, NewOrderDialog.PLACE);
    choose("wo-new-estate", "Sunny Garden");
    choose("wo-new-building", "Building 1");
    type("wo-new-place", "lift 2, stuck at floor 7");
    choose("wo-new-channel", "Inspection");
    type("wo-new-contact-name", "Guard Zhao");
    type("wo-new-contact-phone", "13800001111");
    HasValueUtilsKt._setValue(
        _get(TextArea.class, s -> s.withId("wo-new-description")), "Two people inside 电梯困人");
    click("wo-new-save");

    JsonNode body = wo.lastBody("POST orders");
    assertThat(body).isNotNull();
    assertThat(body.path("categoryId").asLong()).isEqualTo(wo.categoryId("lift"));
    assertThat(body.path("priority").asText()).isEqualTo("emergency");
    assertThat(body.path("estateId").asLong()).isEqualTo(sunny);
    assertThat(body.path("buildingId").asLong()).isEqualTo(building1);
    assertThat(body.path("place").asText()).isEqualTo("lift 2, stuck at floor 7");
    assertThat(body.path("channel").asText()).isEqualTo("inspection");
    assertThat(body.path("contactName").asText()).isEqualTo("Guard Zhao");
    assertThat(body.path("contactPhone").asText()).isEqualTo("13800001111");
    assertThat(body.path("description").asText()).isEqualTo("Two people inside 电梯困人");
    assertThat(body.has("roomId")).isFalse();
    assertThat(wo.orderCount()).isEqualTo(1);
    _assertNone(Dialog.class);
    assertThat(currentView()).isInstanceOf(OrderView.class);
    assertThat(_get(Span.class, s -> s.withId("wo-state")).getText()).isEqualTo("New");
  }

  @Test
  void aRoomOrderSendsTheRoomChosenThroughEstateBuildingUnit() {
    signIn("dispatcher");
    UI.getCurrent().navigate(WorkOrdersView.class);
    click("wo-new");

    choose("wo-new-category", "Plumbing");
    choose("wo-new-room-estate", "Sunny Garden (SUN)");
    choose("wo-new-room-building", "Building 1 (B1)");
    choose("wo-new-room-unit", "U1");
    choose("wo-new-room-room", "101");
    HasValueUtilsKt._setValue(
        _get(TextArea.class, s -> s.withId("wo-new-description")), "Kitchen tap drips");
    click("wo-new-save");

    JsonNode body = wo.lastBody("POST orders");
    assertThat(body.path("roomId").asLong()).isEqualTo(room101);
    assertThat(body.path("priority").asText()).isEqualTo("normal");
    assertThat(body.path("channel").asText()).isEqualTo("phone");
    assertThat(body.has("estateId")).isFalse();
    assertThat(body.has("place")).isFalse();
  }

  @Test
  void anIncompleteOrderIsNotSentAndSaysWhatIsMissing() {
    signIn("dispatcher");
    UI.getCurrent().navigate(WorkOrdersView.class);
    click("wo-new");

    click("wo-new-save");

    assertThat(wo.lastBody("POST orders")).isNull();
    assertThat(_get(TextArea.class, s -> s.withId("wo-new-description")).isInvalid()).isTrue();
    _get(Dialog.class);
  }

  @Test
  void whoMayNotRecordOrdersIsNotOfferedTheButton() {
    wo.order("plumbing", "normal", "new", sunny, "basement", T0);
    signIn("tech");
    UI.getCurrent().navigate(WorkOrdersView.class);

    assertThat(rows()).hasSize(1);
    assertThat(_find(Button.class, s -> s.withId("wo-new"))).isEmpty();
  }

  @Test
  void inChineseTheListSpeaksChinese() {
    wo.order("plumbing", "urgent", "in_progress", sunny, "地下室", T0);
    signIn("dispatcher");
    chinese();
    UI.getCurrent().navigate(WorkOrdersView.class);

    assertThat(GridKt._getFormatted(grid(), 0, "category")).isEqualTo("水管");
    assertThat(GridKt._getFormatted(grid(), 0, "state")).isEqualTo("处理中");
    assertThat(GridKt._getFormatted(grid(), 0, "priority")).isEqualTo("紧急");
  }
}
