package org.courtyard.admin.property.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

class RunsViewTest extends BillingTestBase {

  private static RunsView view() {
    return _get(RunsView.class);
  }

  private static void start(String period) {
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("run-period")), period);
    ButtonKt._click(_get(Button.class, s -> s.withId("run-start")));
  }

  private static String outcome() {
    return _get(Paragraph.class, s -> s.withId("run-outcome")).getText();
  }

  @Test
  void aStartedRunIsFollowedOnTheBarUntilItsResult() {
    signIn("admin");
    UI.getCurrent().navigate(RunsView.class);
    start("2026-12");

    Run run = view().followed();
    assertThat(run.status()).isEqualTo("queued");
    assertThat(run.roomsTotal()).isEqualTo(4);
    assertThat(view().bar().isIndeterminate()).isTrue();
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(RunsView.POLL_MS);

    view().poll(); // running
    view().poll(); // 1 of 4
    view().poll(); // 2 of 4
    assertThat(view().bar().isIndeterminate()).isFalse();
    assertThat(view().bar().getValue()).isEqualTo(0.5);
    assertThat(_get(Paragraph.class, s -> s.withId("run-progress-text")).getText())
        .isEqualTo("Running: 2 of 4 rooms done, 2 bills written");

    view().poll();
    view().poll();
    assertThat(view().followed().status()).isEqualTo("completed");
    assertThat(view().bar().getValue()).isEqualTo(1.0);
    assertThat(outcome()).isEqualTo("Done: 4 bills written for 4 rooms.");
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    assertThat(billing.billCount()).isEqualTo(4);
    assertThat(GridKt._getFormattedRow(view().grid(), 0)).contains("2026-12", "Completed", "4 / 4");
  }

  @Test
  void aRunOfAMonthUnderWayIsFollowedInsteadOfRefused() {
    signIn("admin");
    UI.getCurrent().navigate(RunsView.class);
    start("2026-12");
    long first = view().followed().id();

    start("2026-12");

    assertThat(view().followed().id()).isEqualTo(first);
    assertThat(notificationTexts()).anyMatch(t -> t.contains("already under way"));
  }

  @Test
  void aFailedRunSaysWhy() {
    billing.failRuns("2026-09", "Room 201 has no floor area");
    signIn("admin");
    UI.getCurrent().navigate(RunsView.class);
    start("2026-09");
    for (int i = 0; i < 6 && !view().followed().finished(); i++) {
      view().poll();
    }
    assertThat(view().followed().status()).isEqualTo("failed");
    assertThat(outcome()).contains("The run failed: Room 201 has no floor area", "2");
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
  }

  @Test
  void aMalformedMonthIsNotSentAndTheCashierBillsHerEstatesOnly() {
    signIn("officer");
    UI.getCurrent().navigate(RunsView.class);
    start("2026-13");
    assertThat(_get(TextField.class, s -> s.withId("run-period")).isInvalid()).isTrue();
    assertThat(view().followed()).isNull();

    start("2026-12");
    assertThat(view().followed().roomsTotal()).isEqualTo(3);
  }

  @Test
  void aMonthNotYetBegunIsTheApisRefusal() {
    signIn("admin");
    UI.getCurrent().navigate(RunsView.class);
    start("2099-01");
    assertThat(view().followed()).isNull();
    assertThat(notificationTexts()).anyMatch(t -> t.startsWith("Period in the future"));
  }

  @Test
  void aManagerSeesRunsButMayNotStartOne() {
    signIn("manager");
    UI.getCurrent().navigate(RunsView.class);
    _assertNone(Button.class, s -> s.withId("run-start"));
  }

  @Test
  void theRunsSpeakChinese() {
    signIn("admin");
    chinese();
    UI.getCurrent().navigate(RunsView.class);
    start("2026-12");
    assertThat(_get(Paragraph.class, s -> s.withId("run-progress-text")).getText())
        .isEqualTo("排队中：已处理 0/4 个房间，已生成 0 张账单");
  }
}
