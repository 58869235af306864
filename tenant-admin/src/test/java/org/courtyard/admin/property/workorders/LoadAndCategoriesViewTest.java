package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.NotAllowedView;
import org.junit.jupiter.api.Test;

class LoadAndCategoriesViewTest extends WorkOrdersTestBase {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  @SuppressWarnings("unchecked")
  private static Grid<LoadRow> loadGrid() {
    return _get(Grid.class, s -> s.withId("wo-load-grid"));
  }

  @SuppressWarnings("unchecked")
  private static Grid<Category> categoriesGrid() {
    return _get(Grid.class, s -> s.withId("wo-categories-grid"));
  }

  private static List<Category> categories() {
    return GridKt._fetch(categoriesGrid(), 0, 100);
  }

  private static void type(String id, String value) {
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId(id)), value);
  }

  private static void minutes(String clock, int normal, int urgent, int emergency) {
    HasValueUtilsKt._setValue(
        _get(IntegerField.class, s -> s.withId("wo-category-" + clock + "-normal")), normal);
    HasValueUtilsKt._setValue(
        _get(IntegerField.class, s -> s.withId("wo-category-" + clock + "-urgent")), urgent);
    HasValueUtilsKt._setValue(
        _get(IntegerField.class, s -> s.withId("wo-category-" + clock + "-emergency")), emergency);
  }

  // ------------------------------------------------------------------------------ load

  @Test
  void theLoadListsEachTechnicianAndTeamWithABar() {
    long a = wo.order("plumbing", "normal", "accepted", sunny, "a", T0);
    long b = wo.order("plumbing", "normal", "in_progress", sunny, "b", T0);
    long c = wo.order("plumbing", "normal", "paused", sunny, "c", T0);
    long d = wo.order("plumbing", "normal", "dispatched", sunny, "d", T0);
    for (long id : List.of(a, b, c)) {
      wo.set(id, "assigneeUserId", technicianId);
    }
    wo.set(b, "overdue", true);
    wo.set(d, "assigneeTeamId", 7L);
    wo.technician(technicianId, List.of("plumbing"), Map.of(7L, "Pipe crew"), true);
    signIn("dispatcher");
    UI.getCurrent().navigate(LoadView.class);

    assertThat(GridKt._size(loadGrid())).isEqualTo(2);
    assertThat(GridKt._getFormattedRow(loadGrid(), 0))
        .startsWith("Technician #" + technicianId, "3", "1", "1", "1", "1");
    assertThat(GridKt._getFormattedRow(loadGrid(), 1)).startsWith("Team Pipe crew", "1", "0");
    String bar =
        ((Div) GridKt._getCellComponent(loadGrid(), 0, "bar"))
            .getElement()
            .getProperty("innerHTML");
    assertThat(bar)
        .startsWith("<svg")
        .contains("class=\"accepted\"", "class=\"in_progress\"", "class=\"paused\"")
        .contains("class=\"overdue\"")
        .contains("aria-label=\"Technician #" + technicianId + ": 3 open, 1 overdue\"");
  }

  @Test
  void aBarIsAsLongAsItsShareOfTheBusiest() {
    String full = LoadBar.svg(new LoadRow(1L, null, 4, 4, 0, 0, 0), 4, "x");
    String half = LoadBar.svg(new LoadRow(2L, null, 2, 2, 0, 0, 0), 4, "y");

    assertThat(full).contains("class=\"accepted\" x=\"0.0\" y=\"2\" width=\"200.0\"");
    assertThat(half).contains("class=\"accepted\" x=\"0.0\" y=\"2\" width=\"100.0\"");
    assertThat(LoadBar.svg(new LoadRow(3L, null, 0, 0, 0, 0, 0), 0, "<&>"))
        .doesNotContain("class=\"accepted\"")
        .contains("&lt;&amp;&gt;");
  }

  // ------------------------------------------------------------------------------ categories

  @Test
  void theCatalogueIsListedAndANewCategoryIsPostedWhole() {
    signIn("admin");
    UI.getCurrent().navigate(CategoriesView.class);
    assertThat(categories()).extracting(Category::code).contains("lift", "plumbing", "praise");

    click("wo-categories-new");
    type("wo-category-code", "gas");
    type("wo-category-name-en", "Gas");
    type("wo-category-name-zh", "燃气");
    choose("wo-category-dispatch", "Technicians grab");
    HasValueUtilsKt._setValue(_get(Checkbox.class, s -> s.withId("wo-category-paid")), true);
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("wo-category-price-min")), new BigDecimal("20"));
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("wo-category-price-max")), new BigDecimal("200"));
    type("wo-category-skill", "gas");
    minutes("response", 30, 10, 5);
    minutes("resolution", 480, 120, 60);
    click("wo-category-save");

    JsonNode body = wo.lastBody("POST categories");
    assertThat(body.path("code").asText()).isEqualTo("gas");
    assertThat(body.path("nameZh").asText()).isEqualTo("燃气");
    assertThat(body.path("dispatchMode").asText()).isEqualTo("grab");
    assertThat(body.path("paid").asBoolean()).isTrue();
    assertThat(body.path("priceMax").decimalValue()).isEqualByComparingTo("200");
    assertThat(body.path("responseMinutes").path("urgent").asInt()).isEqualTo(10);
    assertThat(body.path("resolutionMinutes").path("emergency").asInt()).isEqualTo(60);
    assertThat(body.has("id")).isFalse();
    assertThat(body.has("version")).isFalse();
    _assertNone(Dialog.class);
    assertThat(categories()).extracting(Category::code).contains("gas");
  }

  @Test
  void anAlarmKindIsSetToOpenOrdersInARepairCategory() {
    long electrical = wo.categoryId("electrical");
    signIn("admin");
    UI.getCurrent().navigate(CategoriesView.class);
    @SuppressWarnings("unchecked")
    com.vaadin.flow.component.grid.Grid<AlarmRule> rules =
        _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("wo-alarm-rules-grid"));
    List<AlarmRule> shown = rules.getListDataView().getItems().toList();
    assertThat(shown).extracting(AlarmRule::kind).startsWith("water_leak", "door_forced");
    assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(rules, 0))
        .contains("Water leak", "Plumbing, Urgent");
    int lowBattery =
        shown.indexOf(
            shown.stream().filter(r -> r.kind().equals("low_battery")).findFirst().orElseThrow());
    assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(rules, lowBattery))
        .contains("Low battery", "No order");

    com.github.mvysny.kaributesting.v10.ButtonKt._click(
        (com.vaadin.flow.component.button.Button)
            com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(
                rules, lowBattery, "edit"));
    choose("wo-alarm-rule-category", "Electrical");
    choose("wo-alarm-rule-priority", "Normal");
    click("wo-alarm-rule-save");

    JsonNode body = wo.lastBody("PUT alarm-rules");
    assertThat(body.path("categoryId").asLong()).isEqualTo(electrical);
    assertThat(body.path("priority").asText()).isEqualTo("normal");
    assertThat(body.path("version").asInt()).isZero();
    _assertNone(Dialog.class);
    assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(rules, lowBattery))
        .contains("Electrical, Normal");
  }

  @Test
  void anEditSendsTheVersionRead() {
    long lift = wo.categoryId("lift");
    signIn("admin");
    UI.getCurrent().navigate(CategoriesView.class);
    categoriesGrid()
        .select(categories().stream().filter(c -> c.id() == lift).findFirst().orElseThrow());
    click("wo-categories-edit");

    assertThat(_get(TextField.class, s -> s.withId("wo-category-name-zh")).getValue())
        .isEqualTo("电梯");
    HasValueUtilsKt._setValue(
        _get(IntegerField.class, s -> s.withId("wo-category-response-emergency")), 3);
    click("wo-category-save");

    JsonNode body = wo.lastBody("PUT categories");
    assertThat(body.path("version").asLong()).isEqualTo(0);
    assertThat(wo.categoryJson(lift)).containsEntry("version", 1L);
    assertThat(body.path("responseMinutes").path("emergency").asInt()).isEqualTo(3);
    _assertNone(Dialog.class);
  }

  @Test
  void aChangeMadeMeanwhileIsRefusedWithTheProblemAndTheDialogStays() {
    long lift = wo.categoryId("lift");
    signIn("admin");
    UI.getCurrent().navigate(CategoriesView.class);
    categoriesGrid()
        .select(categories().stream().filter(c -> c.id() == lift).findFirst().orElseThrow());
    click("wo-categories-edit");
    wo.touchCategory(lift);
    type("wo-category-name-en", "Elevator");
    click("wo-category-save");

    assertThat(notificationTexts())
        .anyMatch(
            t ->
                t.startsWith("Changed meanwhile")
                    && t.contains("The category was changed by someone else"));
    assertThat(wo.categoryJson(lift)).containsEntry("nameEn", "Lift");
    _get(Dialog.class);
  }

  @Test
  void theApisFieldErrorsAreShownOnTheFields() {
    signIn("admin");
    UI.getCurrent().navigate(CategoriesView.class);
    click("wo-categories-new");
    type("wo-category-code", "Gas Works");
    type("wo-category-name-en", "Gas");
    type("wo-category-name-zh", "燃气");
    minutes("response", 30, 10, 5);
    minutes("resolution", 480, 120, 60);
    click("wo-category-save");

    TextField code = _get(TextField.class, s -> s.withId("wo-category-code"));
    assertThat(code.isInvalid()).isTrue();
    assertThat(code.getErrorMessage()).isEqualTo("lower-case letters, digits and '-' only");
    assertThat(notificationTexts()).anyMatch(t -> t.contains("The category is not valid."));
    assertThat(wo.categoryJson(wo.categoryId("lift"))).isNotNull();
  }

  @Test
  void theCategoriesNeedTheManagePermission() {
    signIn("dispatcher");
    UI.getCurrent().navigate(CategoriesView.class);

    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
  }
}
