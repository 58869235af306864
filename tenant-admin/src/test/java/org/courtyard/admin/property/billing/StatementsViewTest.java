package org.courtyard.admin.property.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;

class StatementsViewTest extends BillingTestBase {

  private static PrintableHtml statement() {
    return _get(StatementsView.class).statement();
  }

  @Test
  void aRoomsStatementOpenedFromABillIsShownReadyToPrint() {
    billing.bill(101, "2026-10", "300.00");
    signIn("officer");
    UI.getCurrent().navigate("billing/statements", QueryParameters.of("roomId", "101"));

    assertThat(statement().html()).contains("Statement / 对账单", "Sunny Garden 1-101", "300.00");
    assertThat(statement().printButton().isEnabled()).isTrue();
  }

  @Test
  void aResidentsStatementCoversTheirRooms() {
    signIn("officer");
    UI.getCurrent().navigate(StatementsView.class);
    @SuppressWarnings("unchecked")
    RadioButtonGroup<String> of = _get(RadioButtonGroup.class, s -> s.withId("statement-of"));
    HasValueUtilsKt._setValue(of, StatementsView.PERSON);
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("statement-id")), "7");
    ButtonKt._click(_get(Button.class, s -> s.withId("statement-show")));

    assertThat(statement().html()).contains("Sunny Garden 1-101", "Sunny Garden 1-102");
  }

  @Test
  void aRoomOutsideTheScopeIsTheApisNotFound() {
    signIn("officer");
    UI.getCurrent().navigate(StatementsView.class);
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("statement-id")), "301");
    ButtonKt._click(_get(Button.class, s -> s.withId("statement-show")));

    assertThat(statement().html()).isEmpty();
    assertThat(statement().printButton().isEnabled()).isFalse();
    assertThat(notificationTexts()).anyMatch(t -> t.contains("Room 301 not found"));
  }
}
