package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TechniciansViewTest extends WorkOrdersTestBase {

  @SuppressWarnings("unchecked")
  private static Grid<Technician> grid() {
    return _get(Grid.class, s -> s.withId("wo-technicians-grid"));
  }

  /** The row's button whose id starts with {@code prefix}, or null when the row has none. */
  private static com.vaadin.flow.component.button.Button rowButton(String prefix) {
    com.vaadin.flow.component.Component cell =
        com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid(), 0, "actions");
    return cell.getChildren()
        .filter(c -> c.getId().orElse("").startsWith(prefix))
        .map(c -> (com.vaadin.flow.component.button.Button) c)
        .findFirst()
        .orElse(null);
  }

  private static void clickInRow(String prefix) {
    com.github.mvysny.kaributesting.v10.ButtonKt._click(rowButton(prefix));
  }

  @Test
  void techniciansAreListedByNameAndAManagerSetsSkillsAndTheWeeksShifts() {
    wo.technician(technicianId, List.of("lift"), Map.of(7L, "Lift crew"), true);
    signIn("admin");
    UI.getCurrent().navigate(TechniciansView.class);
    List<Technician> shown = grid().getListDataView().getItems().toList();
    assertThat(shown)
        .extracting(TechniciansView::name)
        .containsExactly("Technician " + technicianId);

    clickInRow("wo-technician-edit-");
    TextField skills = _get(TextField.class, s -> s.withId("wo-technician-skills"));
    assertThat(skills.getValue()).isEqualTo("lift");
    HasValueUtilsKt._setValue(skills, "lift, Plumbing!");
    click("wo-technician-save");
    // the API refuses skills[1]: the field says so and nothing changed
    assertThat(skills.isInvalid()).isTrue();
    assertThat(wo.technicianJson(technicianId).get("skills")).isEqualTo(List.of("lift"));
    HasValueUtilsKt._setValue(skills, "lift，plumbing");
    click("wo-technician-save");
    assertThat(wo.technicianJson(technicianId).get("skills"))
        .isEqualTo(List.of("lift", "plumbing"));

    clickInRow("wo-technician-shifts-");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    TextField first = _get(TextField.class, s -> s.withId("wo-shifts-" + today));
    HasValueUtilsKt._setValue(first, "8:00-12:00, 13:00-17:30");
    TextField next = _get(TextField.class, s -> s.withId("wo-shifts-" + today.plusDays(1)));
    HasValueUtilsKt._setValue(next, "nights");
    click("wo-shifts-save");
    assertThat(next.isInvalid()).isTrue();
    assertThat(wo.shifts(technicianId)).isEmpty();
    HasValueUtilsKt._setValue(next, "22:00-06:00");
    click("wo-shifts-save");
    assertThat(wo.shifts(technicianId))
        .containsExactly(
            Map.of("day", today.toString(), "from", "08:00", "to", "12:00"),
            Map.of("day", today.toString(), "from", "13:00", "to", "17:30"),
            Map.of("day", today.plusDays(1).toString(), "from", "22:00", "to", "06:00"));
  }

  @Test
  void withoutTheManagePermissionShiftsAreReadOnlyAndThereIsNoEdit() {
    wo.technician(technicianId, List.of("lift"), Map.of(), false);
    signIn("tech");
    UI.getCurrent().navigate(TechniciansView.class);
    assertThat(rowButton("wo-technician-edit-")).isNull();
    clickInRow("wo-technician-shifts-");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertThat(_get(TextField.class, s -> s.withId("wo-shifts-" + today)).isReadOnly()).isTrue();
    com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(
        com.vaadin.flow.component.button.Button.class, s -> s.withId("wo-shifts-save"));
  }
}
