package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.NotAllowedView;
import org.junit.jupiter.api.Test;

class StockViewTest extends WorkOrdersTestBase {

  @SuppressWarnings("unchecked")
  private static Grid<Material> grid() {
    return _get(Grid.class, s -> s.withId("wo-stock-grid"));
  }

  private static List<String> codes() {
    return GridKt._fetch(grid(), 0, 100).stream().map(Material::code).toList();
  }

  private static void open() {
    UI.getCurrent().navigate(StockView.class);
  }

  private static void type(String id, String value) {
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId(id)), value);
  }

  private static void amount(String id, String value) {
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId(id)), new BigDecimal(value));
  }

  private static void select(long materialId) {
    Material m =
        GridKt._fetch(grid(), 0, 100).stream()
            .filter(x -> x.id() == materialId)
            .findFirst()
            .orElseThrow();
    grid().select(m);
  }

  @Test
  void theStockOfTheEstatesInScopeIsListedAndFilteredByEstate() {
    wo.material(sunny, "P-20", "PVC pipe", "m", "10", "2.50");
    wo.material(moon, "B-01", "Bulb", "个", "40", "6.00");
    signIn("dispatcher");
    open();
    assertThat(codes()).containsExactly("P-20", "B-01");
    assertThat(GridKt._getFormattedRow(grid(), 0))
        .contains("Sunny Garden", "PVC pipe", "10 m", "¥2.50");
    choose("wo-stock-estate", "Moon Court");
    assertThat(codes()).containsExactly("B-01");
  }

  @Test
  void aDispatcherOfOneEstateSeesOnlyItsStock() {
    wo.material(sunny, "P-20", "PVC pipe", "m", "10", "2.50");
    wo.material(moon, "B-01", "Bulb", "个", "40", "6.00");
    signIn("dispatcher.east");
    open();
    assertThat(codes()).containsExactly("P-20");
  }

  @Test
  void whoMayNotManageTheStockSeesItsMovementsButChangesNothing() {
    long pipe = wo.material(sunny, "P-20", "PVC pipe", "m", "10", "2.50");
    signIn("dispatcher");
    open();
    assertThat(_find(Button.class, s -> s.withId("wo-stock-new"))).isEmpty();
    assertThat(_find(Button.class, s -> s.withId("wo-stock-receive"))).isEmpty();

    select(pipe);
    click("wo-stock-movements");
    assertThat(_find(Grid.class, s -> s.withId("wo-movements-grid"))).hasSize(1);
  }

  @Test
  void aStockManagerCreatesAMaterialReceivesAndCorrectsIt() {
    signIn("admin");
    open();
    click("wo-stock-new");
    choose("wo-material-estate", "Sunny Garden");
    type("wo-material-code", "V-15");
    type("wo-material-name", "Ball valve 15mm");
    type("wo-material-unit", "个");
    click("wo-material-ok");
    assertThat(codes()).containsExactly("V-15");
    long id = GridKt._get(grid(), 0).id();

    select(id);
    click("wo-stock-receive");
    amount("wo-movement-quantity", "10");
    amount("wo-movement-unitCost", "12.5");
    click("wo-movement-ok");
    Map<String, Object> m = wo.materialJson(id);
    assertThat(m.get("quantity")).isEqualTo(new BigDecimal("10.000"));
    assertThat(m.get("unitCost")).isEqualTo(new BigDecimal("12.50"));

    // a stocktake that would leave less than nothing is refused with the API's detail
    select(id);
    click("wo-stock-adjust");
    amount("wo-movement-quantity", "-11");
    type("wo-movement-note", "counted");
    click("wo-movement-ok");
    assertThat(notificationTexts())
        .anyMatch(t -> t.contains("Only 10 个 of Ball valve 15mm (V-15) left"));
    assertThat(wo.materialJson(id).get("quantity")).isEqualTo(new BigDecimal("10.000"));
    amount("wo-movement-quantity", "-2");
    click("wo-movement-ok");
    assertThat(wo.materialJson(id).get("quantity")).isEqualTo(new BigDecimal("8.000"));

    select(id);
    click("wo-stock-movements");
    @SuppressWarnings("unchecked")
    Grid<Material.Movement> moves = _get(Grid.class, s -> s.withId("wo-movements-grid"));
    assertThat(GridKt._size(moves)).isEqualTo(2);
    assertThat(GridKt._getFormattedRow(moves, 0)).contains("Stocktake", "-2", "8", "counted");
    assertThat(GridKt._getFormattedRow(moves, 1)).contains("Receipt", "+10", "10");
  }

  @Test
  void aDuplicateCodeIsRefusedInChinese() {
    wo.material(sunny, "P-20", "PVC pipe", "m", "10", "2.50");
    signIn("admin");
    chinese();
    open();
    assertThat(_get(H2.class).getText()).isEqualTo("库存");
    click("wo-stock-new");
    choose("wo-material-estate", "Sunny Garden");
    type("wo-material-code", "P-20");
    type("wo-material-name", "管");
    type("wo-material-unit", "米");
    click("wo-material-ok");

    assertThat(notificationTexts()).anyMatch(t -> t.contains("该小区已有编码为“P-20”的材料。"));
    assertThat(codes()).containsExactly("P-20");
  }

  @Test
  void staffWithoutTheReadPermissionCannotOpenTheStock() {
    signIn("guard");
    open();
    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
  }

  @Test
  void aStockManagerRenamesAndRetiresAMaterialAtTheVersionRead() {
    long pipe = wo.material(sunny, "P-20", "PVC pipe", "m", "10", "2.50");
    signIn("admin");
    open();
    select(pipe);
    click("wo-stock-edit");
    com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(
        _get(
            com.vaadin.flow.component.textfield.TextField.class, s -> s.withId("wo-material-name")),
        "PPR pipe 20mm");
    com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(
        _get(
            com.vaadin.flow.component.checkbox.Checkbox.class, s -> s.withId("wo-material-active")),
        false);
    click("wo-material-ok");
    assertThat(wo.materialJson(pipe).get("name")).isEqualTo("PPR pipe 20mm");
    assertThat(wo.materialJson(pipe).get("active")).isEqualTo(false);
    assertThat(wo.materialJson(pipe).get("version")).isEqualTo(1);
  }
}
