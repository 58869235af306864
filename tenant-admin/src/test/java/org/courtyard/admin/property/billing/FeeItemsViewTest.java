package org.courtyard.admin.property.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeItemsViewTest extends BillingTestBase {

  @SuppressWarnings("unchecked")
  private static Grid<FeeItem> grid() {
    return _get(Grid.class, s -> s.withId("fees-grid"));
  }

  private static List<FeeItem> rows() {
    return GridKt._fetch(grid(), 0, 100);
  }

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  @Test
  void anAdministratorCreatesAFeeItemThatTheListThenShows() {
    signIn("admin");
    UI.getCurrent().navigate(FeeItemsView.class);
    assertThat(rows()).isEmpty();
    click("fees-new");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("fee-code")), "MGMT");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("fee-name")), "Management fee");
    @SuppressWarnings("unchecked")
    Select<String> kind = _get(Select.class, s -> s.withId("fee-kind"));
    HasValueUtilsKt._setValue(kind, "area");
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("fee-price")), new BigDecimal("2.3500"));
    click("fee-save");

    assertThat(billing.feeItemCount()).isEqualTo(1);
    assertThat(billing.feeItemJson(1)).containsEntry("kind", "area").containsEntry("code", "MGMT");
    _assertNone(Dialog.class);
    assertThat(GridKt._getFormattedRow(grid(), 0))
        .contains("MGMT", "Management fee", "Floor area", "2.35", "Monthly", "All");
  }

  @Test
  void anEditSendsTheVersionReadAndKeepsTheKind() {
    long id = billing.feeItem("WATER", "Water 水费", "metered", "4.10");
    signIn("admin");
    UI.getCurrent().navigate(FeeItemsView.class);
    grid().select(rows().get(0));
    click("fees-edit");

    @SuppressWarnings("unchecked")
    Select<String> kind = _get(Select.class, s -> s.withId("fee-kind"));
    assertThat(kind.isReadOnly()).isTrue();
    _get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("fee-tiers-kept"));
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("fee-name")), "Cold water 冷水费");
    click("fee-save");

    assertThat(billing.feeItemJson(id))
        .containsEntry("name", "Cold water 冷水费")
        .containsEntry("version", 1)
        .containsEntry("meterType", "water");
    assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Cold water 冷水费", "Meter reading");
  }

  @Test
  void aChangeMadeMeanwhileIsRefusedNotOverwritten() {
    long id = billing.feeItem("MGMT", "Management fee", "fixed", "100");
    signIn("admin");
    UI.getCurrent().navigate(FeeItemsView.class);
    grid().select(rows().get(0));
    click("fees-edit");
    billing.touchFeeItem(id);
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("fee-price")), new BigDecimal("999"));
    click("fee-save");

    assertThat(notificationTexts()).anyMatch(t -> t.startsWith("Stale version"));
    assertThat(billing.feeItemJson(id).get("unitPrice")).isEqualTo(new BigDecimal("100"));
    _get(Dialog.class);
  }

  @Test
  void theApisRefusalIsShownAtTheFieldsItNames() {
    billing.feeItem("MGMT", "Management fee", "fixed", "100");
    signIn("admin");
    UI.getCurrent().navigate(FeeItemsView.class);
    click("fees-new");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("fee-code")), "MGMT");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("fee-name")), "Again");
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("fee-price")), new BigDecimal("1"));
    click("fee-save");
    TextField code = _get(TextField.class, s -> s.withId("fee-code"));
    assertThat(code.isInvalid()).isTrue();
    assertThat(code.getErrorMessage()).isEqualTo("Another fee item already has this code.");

    HasValueUtilsKt._setValue(code, "MGMT2");
    HasValueUtilsKt._setValue(
        _get(com.vaadin.flow.component.datepicker.DatePicker.class, s -> s.withId("fee-to")),
        java.time.LocalDate.of(2020, 1, 1));
    click("fee-save");
    assertThat(
            _get(com.vaadin.flow.component.datepicker.DatePicker.class, s -> s.withId("fee-to"))
                .getErrorMessage())
        .isEqualTo("must not be before effectiveFrom");
    assertThat(billing.feeItemCount()).isEqualTo(1);
  }

  @Test
  void anIncompleteItemIsMarkedAndNotSent() {
    signIn("admin");
    UI.getCurrent().navigate(FeeItemsView.class);
    click("fees-new");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("fee-code")), "has space");
    click("fee-save");

    assertThat(_get(TextField.class, s -> s.withId("fee-code")).isInvalid()).isTrue();
    assertThat(_get(TextField.class, s -> s.withId("fee-name")).isInvalid()).isTrue();
    assertThat(_get(BigDecimalField.class, s -> s.withId("fee-price")).isInvalid()).isTrue();
    assertThat(billing.feeItemCount()).isZero();
  }

  @Test
  void staffScopedToSomeEstatesSeeTheItemsButAreNotOfferedChanges() {
    billing.feeItem("MGMT", "Management fee", "fixed", "100");
    signIn("officer");
    UI.getCurrent().navigate(FeeItemsView.class);
    assertThat(rows()).hasSize(1);
    _assertNone(Button.class, s -> s.withId("fees-new"));
    _assertNone(Button.class, s -> s.withId("fees-edit"));
  }

  @Test
  void theFeeItemsSpeakChinese() {
    billing.feeItem("MGMT", "Management fee", "fixed", "1234.5");
    signIn("admin");
    chinese();
    UI.getCurrent().navigate(FeeItemsView.class);
    _get(H2.class, s -> s.withText("收费项目"));
    assertThat(GridKt._getFormattedRow(grid(), 0)).contains("按户固定", "1,234.50", "按月", "全部");
  }
}
