package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ModuleInfo;
import org.courtyard.admin.api.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantsViewTest extends ConsoleTestBase {

  @BeforeEach
  void loggedIn() {
    login();
  }

  @AfterEach
  void fast() {
    fake.slowness(Duration.ZERO);
  }

  @SuppressWarnings("unchecked")
  private static Grid<Tenant> grid() {
    return _get(Grid.class, spec -> spec.withId("tenants"));
  }

  private static TextField field(String id) {
    return _get(TextField.class, spec -> spec.withId(id));
  }

  private static Button button(String id) {
    return _get(Button.class, spec -> spec.withId(id));
  }

  private static void onboardThroughTheForm(String slug, String name, String... modules) {
    HasValueUtilsKt._setValue(field("onboard-slug"), slug);
    HasValueUtilsKt._setValue(field("onboard-name"), name);
    @SuppressWarnings("unchecked")
    CheckboxGroup<ModuleInfo> group =
        _get(CheckboxGroup.class, spec -> spec.withId("onboard-modules"));
    Set<String> wanted = Set.of(modules);
    HasValueUtilsKt._setValue(
        group,
        group
            .getListDataView()
            .getItems()
            .filter(m -> wanted.contains(m.id()))
            .collect(Collectors.toSet()));
    ButtonKt._click(button("onboard"));
  }

  /** A button in the actions column of a tenant's row. */
  private static Button rowButton(String slug, String id) {
    List<Tenant> rows = GridKt._findAll(grid());
    int row =
        rows.indexOf(rows.stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow());
    return _get(
        GridKt._getCellComponent(grid(), row, "actions"), Button.class, spec -> spec.withId(id));
  }

  private static void awaitTokenAndClose() {
    await(() -> !_find(Button.class, spec -> spec.withId("token-close")).isEmpty());
    ButtonKt._click(button("token-close"));
  }

  private static String resultText() {
    return _get(Div.class, spec -> spec.withId("onboard-result")).getText();
  }

  @Test
  void theSlugIsCheckedAsTheOperatorTypes() {
    TextField slug = field("onboard-slug");
    HasValueUtilsKt._setValue(field("onboard-name"), "Acme Property");

    HasValueUtilsKt._setValue(slug, "Acme-Co");
    assertThat(slug.isInvalid()).isTrue();
    assertThat(slug.getErrorMessage()).contains("lower-case letter");
    assertThat(button("onboard").isEnabled()).isFalse();

    HasValueUtilsKt._setValue(slug, "ab");
    assertThat(slug.isInvalid()).isTrue();

    HasValueUtilsKt._setValue(slug, "acme_live");
    assertThat(slug.isInvalid()).isFalse();
    assertThat(button("onboard").isEnabled()).isTrue();
  }

  @Test
  void onboardingShowsProgressThenTookMsAndTheAdminTokenOnce() {
    fake.slowness(Duration.ofMillis(400));

    onboardThroughTheForm("greenfield", "Greenfield 物业", "billing");

    // billing requires estate: chosen together
    assertThat(_get(Span.class, spec -> spec.withId("onboard-requirements")).getText())
        .contains("estate");
    ProgressBar progress = _get(ProgressBar.class, spec -> spec.withId("onboard-progress"));
    assertThat(progress.isVisible()).isTrue();
    assertThat(progress.isIndeterminate()).isTrue();
    assertThat(button("onboard").isEnabled()).isFalse();
    assertThat(UI.getCurrent().getPollInterval()).isPositive();

    await(() -> !progress.isVisible());

    assertThat(resultText())
        .matches("Onboarded greenfield in \\d+ ms \\(modules: billing, estate\\)\\.");
    TextField token = field("admin-token");
    assertThat(token.getValue()).startsWith("cy_");
    assertThat(token.isReadOnly()).isTrue();
    assertThat(GridKt._findAll(grid())).extracting(Tenant::slug).contains("greenfield");
    assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);

    ButtonKt._click(button("token-close"));
    assertThat(_find(TextField.class, spec -> spec.withId("admin-token"))).isEmpty();
  }

  @Test
  void aTakenSlugIsReportedWithTheApiProblem() {
    onboardThroughTheForm("taken_co", "Taken");
    awaitTokenAndClose();

    // the form knows the list: it says so before asking the API
    HasValueUtilsKt._setValue(field("onboard-slug"), "taken_co");
    assertThat(field("onboard-slug").isInvalid()).isTrue();
    assertThat(field("onboard-slug").getErrorMessage()).contains("exists");
    assertThat(button("onboard").isEnabled()).isFalse();
  }

  @Test
  void searchFiltersBySlugOrName() {
    for (String[] t :
        List.of(
            new String[] {"search_a", "Sunrise Gardens"},
            new String[] {"search_b", "Moonlight Court"})) {
      onboardThroughTheForm(t[0], t[1]);
      awaitTokenAndClose();
    }

    HasValueUtilsKt._setValue(field("tenant-search"), "moonlight");
    assertThat(GridKt._findAll(grid())).extracting(Tenant::slug).containsExactly("search_b");
    HasValueUtilsKt._setValue(field("tenant-search"), "search_a");
    assertThat(GridKt._findAll(grid())).extracting(Tenant::slug).containsExactly("search_a");
    HasValueUtilsKt._setValue(field("tenant-search"), "");
    assertThat(GridKt._findAll(grid())).extracting(Tenant::slug).contains("search_a", "search_b");
  }

  @Test
  void suspendWithAReasonThenResume() {
    onboardThroughTheForm("pausable", "Pausable Co");
    awaitTokenAndClose();

    ButtonKt._click(rowButton("pausable", "suspend-pausable"));
    HasValueUtilsKt._setValue(field("suspend-reason"), "contract ended");
    ButtonKt._click(button("suspend-confirm"));

    Tenant suspended =
        GridKt._findAll(grid()).stream()
            .filter(t -> t.slug().equals("pausable"))
            .findFirst()
            .orElseThrow();
    assertThat(suspended.status()).isEqualTo("suspended");
    int row = GridKt._findAll(grid()).indexOf(suspended);
    assertThat(GridKt._getFormatted(grid(), row, "status")).isEqualTo("suspended (contract ended)");

    ButtonKt._click(rowButton("pausable", "resume-pausable"));
    assertThat(GridKt._getFormatted(grid(), row, "status")).isEqualTo("active");
    assertThat(rowButton("pausable", "suspend-pausable").getText()).isEqualTo("Suspend");
  }

  @Test
  void offboardingNeedsTheSlugTyped() {
    onboardThroughTheForm("leaving", "Leaving Co");
    awaitTokenAndClose();

    ButtonKt._click(rowButton("leaving", "offboard-leaving"));
    Button confirm = button("offboard-confirm");
    assertThat(confirm.isEnabled()).isFalse();
    HasValueUtilsKt._setValue(field("offboard-confirm-text"), "leavin");
    assertThat(confirm.isEnabled()).isFalse();
    HasValueUtilsKt._setValue(field("offboard-confirm-text"), "leaving");
    assertThat(confirm.isEnabled()).isTrue();

    ButtonKt._click(confirm);

    assertThat(GridKt._findAll(grid())).extracting(Tenant::slug).doesNotContain("leaving");
    assertThat(_find(Dialog.class)).noneMatch(Dialog::isOpened);
    assertThat(notificationTexts()).anyMatch(t -> t.contains("leaving was offboarded"));
  }

  @Test
  void anApiProblemIsShownAsTitleAndDetail() {
    onboardThroughTheForm("gone_soon", "Gone Soon");
    awaitTokenAndClose();
    // someone else offboards it meanwhile: the console's list is stale
    new org.courtyard.admin.api.OperatorApi(fake.baseUrl(), PASSWORD)
        .offboard("gone_soon", "gone_soon");

    ButtonKt._click(rowButton("gone_soon", "suspend-gone_soon"));
    ButtonKt._click(button("suspend-confirm"));

    assertThat(notificationTexts()).contains("Tenant not found: There is no tenant 'gone_soon'.");
  }
}
