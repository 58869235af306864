package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardViewTest extends WorkOrdersTestBase {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  private static BoardView board() {
    return _get(BoardView.class);
  }

  private static Order order(long id) {
    return new WorkOrdersClient(org.courtyard.admin.property.PropertySession.api()).order(id);
  }

  @Test
  void eachOpenStateIsAColumnOfItsOrders() {
    long fresh = wo.order("plumbing", "normal", "new", sunny, "lobby", T0);
    long working = wo.order("lift", "urgent", "in_progress", sunny, "lift 2", T0);
    signIn("dispatcher");
    UI.getCurrent().navigate(BoardView.class);
    assertThat(_get(VerticalLayout.class, s -> s.withId("wo-board-new")).getChildren().count())
        .isPositive();
    assertThat(_get(Div.class, s -> s.withId("wo-card-" + fresh))).isNotNull();
    assertThat(_get(Div.class, s -> s.withId("wo-card-" + working))).isNotNull();
  }

  @Test
  void aDropTakesTheStepThatLeadsThereWhenTheOrderAllowsIt() {
    long id = wo.order("plumbing", "normal", "dispatched", sunny, "kitchen", T0);
    wo.set(id, "assigneeUserId", technicianId);
    signIn("tech");
    UI.getCurrent().navigate(BoardView.class);

    // no step leads from dispatched to done: nothing changes
    board().move(order(id), "done");
    assertThat(wo.orderJson(id).get("state")).isEqualTo("dispatched");
    board().move(order(id), "accepted");
    assertThat(wo.orderJson(id).get("state")).isEqualTo("accepted");
    board().move(order(id), "in_progress");
    assertThat(wo.orderJson(id).get("state")).isEqualTo("in_progress");
    // completing needs a note: the step's dialog asks for it, nothing is sent yet
    board().move(order(id), "done");
    assertThat(_get(Dialog.class, s -> s.withId("wo-action-dialog")).isOpened()).isTrue();
    assertThat(wo.orderJson(id).get("state")).isEqualTo("in_progress");
  }

  @Test
  void theStepOfAMoveIsOnlyOneTheOrderListsNow() {
    assertThat(BoardView.step("dispatched", "accepted", List.of("accept", "urge")))
        .isEqualTo("accept");
    assertThat(BoardView.step("dispatched", "accepted", List.of("urge"))).isNull();
    assertThat(BoardView.step("new", "dispatched", List.of("grab", "dispatch"))).isEqualTo("grab");
    assertThat(BoardView.step("new", "dispatched", List.of("dispatch"))).isEqualTo("dispatch");
    assertThat(BoardView.step("done", "dispatched", List.of("reopen", "confirm")))
        .isEqualTo("reopen");
    assertThat(BoardView.step("new", "done", List.of("dispatch"))).isNull();
  }
}
