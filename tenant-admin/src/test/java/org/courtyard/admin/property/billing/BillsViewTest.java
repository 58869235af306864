package org.courtyard.admin.property.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.admin.property.NotAllowedView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillsViewTest extends BillingTestBase {

  private long october101;

  @BeforeEach
  void bills() {
    october101 = billing.bill(101, "2026-10", "300.00");
    billing.bill(101, "2026-11", "310.50");
    billing.bill(201, "2026-11", "200.00");
    billing.bill(301, "2026-11", "999.00");
  }

  @SuppressWarnings("unchecked")
  private static Grid<Bill> grid() {
    return _get(Grid.class, s -> s.withId("bills-grid"));
  }

  private static List<Bill> rows() {
    return new ArrayList<>(GridKt._fetch(grid(), 0, 500));
  }

  @Test
  void theCashierSeesTheBillsOfHerEstatesOnly() {
    signIn("officer");
    UI.getCurrent().navigate(BillsView.class);
    assertThat(rows()).extracting(Bill::roomId).containsExactly(101L, 101L, 201L);
    assertThat(GridKt._getFormattedRow(grid(), 1))
        .contains("Sunny Garden 1-101", "2026-11", "CN¥310.50", "CN¥0.00", "Open", "Periodic");
    assertThat(GridKt._getFormattedRow(grid(), 2)).contains("Lake View 2-201");
  }

  @Test
  void anAdministratorSeesTheWholeCompanysBills() {
    signIn("admin");
    UI.getCurrent().navigate(BillsView.class);
    assertThat(rows()).extracting(Bill::roomId).containsExactly(101L, 101L, 201L, 301L);
  }

  @Test
  void theFiltersAreTheApisPeriodStatusAndRoom() {
    billing.room(102, 1, 11, "Sunny Garden 1-102");
    signIn("officer");
    UI.getCurrent().navigate(BillsView.class);
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("bills-period")), "2026-11");
    assertThat(rows()).extracting(Bill::period).containsOnly("2026-11").hasSize(2);

    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("bills-room")), "101");
    assertThat(rows()).extracting(Bill::id).hasSize(1);

    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("bills-period")), "");
    assertThat(rows()).extracting(Bill::roomId).containsExactly(101L, 101L);

    @SuppressWarnings("unchecked")
    Select<String> status = _get(Select.class, s -> s.withId("bills-status"));
    HasValueUtilsKt._setValue(status, "paid");
    assertThat(rows()).isEmpty();
    HasValueUtilsKt._setValue(status, "open");
    assertThat(rows()).hasSize(2);
  }

  @Test
  void anUnfinishedPeriodIsMarkedAndNotSent() {
    signIn("officer");
    UI.getCurrent().navigate(BillsView.class);
    TextField period = _get(TextField.class, s -> s.withId("bills-period"));
    HasValueUtilsKt._setValue(period, "2026-1");
    assertThat(period.isInvalid()).isTrue();
    assertThat(rows()).hasSize(3);
    assertThat(notificationTexts()).isEmpty();
  }

  @Test
  void aChosenBillShowsItsLinesAndLeadsToTheCounterWithWhatIsOwed() {
    signIn("officer");
    UI.getCurrent().navigate(BillsView.class);
    Bill first = rows().get(0);
    assertThat(first.id()).isEqualTo(october101);
    grid().select(first);
    assertThat(_get(H3.class, s -> s.withId("bill-heading")).getText())
        .isEqualTo("Bill " + october101 + " — Sunny Garden 1-101, 2026-10");

    @SuppressWarnings("unchecked")
    Grid<Bill.Line> lines = _get(Grid.class, s -> s.withId("bill-lines"));
    assertThat(GridKt._size(lines)).isEqualTo(1);
    assertThat(GridKt._getFormattedRow(lines, 0))
        .contains("Management fee 物业费", "CN¥300.00", "1 month(s), 30 of 30 days");

    ButtonKt._click(_get(Button.class, s -> s.withId("bill-pay")));
    assertThat(currentView()).isInstanceOf(CounterView.class);
    RoomByNumber room = _get(RoomByNumber.class, s -> s.withId("payment-room"));
    assertThat(room.getValue().id()).isEqualTo(101L);
    assertThat(room.getValue().number()).isEqualTo("101");
    assertThat(_get(BigDecimalField.class, s -> s.withId("payment-amount")).getValue())
        .isEqualByComparingTo(new BigDecimal("300.00"));
  }

  @Test
  void aClerkWithoutStatementsIsNotOfferedOne() {
    signIn("clerk");
    UI.getCurrent().navigate(BillsView.class);
    grid().select(rows().get(0));
    _get(Button.class, s -> s.withId("bill-pay"));
    _assertNone(Button.class, s -> s.withId("bill-statement"));
  }

  @Test
  void aGuardMayNotOpenBills() {
    signIn("guard");
    UI.getCurrent().navigate(BillsView.class);
    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
  }

  @Test
  void theScreenSpeaksChinese() {
    signIn("officer");
    chinese();
    UI.getCurrent().navigate(BillsView.class);
    assertThat(_get(H2.class, s -> s.withText("账单")).getText()).isEqualTo("账单");
    assertThat(GridKt._getFormattedRow(grid(), 0)).contains("未缴清", "¥300.00");
  }
}
