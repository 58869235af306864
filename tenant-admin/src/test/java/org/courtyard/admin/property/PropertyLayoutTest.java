package org.courtyard.admin.property;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.StaffMe;
import org.courtyard.admin.contract.FakeCompanyModulesArea;
import org.courtyard.admin.ui.LoginView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PropertyLayoutTest extends PropertyTestBase {

  private static final List<String> WORK_ORDER_SCREENS =
      List.of("Work orders", "Workload", "Stock", "Order categories", "Work-order settings");

  @BeforeAll
  static void dispatcher() {
    fake.staff(COMPANY, "dispatcher", PASSWORD).grant("dispatcher");
  }

  @Test
  void theWorkOrderScreensAreOfferedByTheirPermissions() {
    signIn("admin");
    assertThat(_get(PropertyLayout.class).menuLabels())
        .containsSubsequence(
            "Security",
            "Work orders",
            "Workload",
            "Stock",
            "Order categories",
            "Work-order settings");
  }

  @Test
  void aDispatcherSeesTheOrdersAndTheLoadButNotTheCategories() {
    signIn("dispatcher");

    assertThat(_get(PropertyLayout.class).menuLabels())
        .contains("Work orders", "Workload", "Stock")
        .doesNotContain("Order categories", "Work-order settings", "Billing", "Security");
  }

  @Test
  void staffWithoutWorkOrderPermissionsSeeNoWorkOrderScreen() {
    signIn("guard");

    assertThat(_get(PropertyLayout.class).menuLabels())
        .doesNotContainAnyElementsOf(WORK_ORDER_SCREENS);
  }

  @Test
  void theWorkOrderScreensAreNotOfferedWhenTheCompanyHasNotEnabledTheModule() {
    fake.companyModules(
        (company, areaModules) ->
            areaModules.stream().filter(m -> !m.equals("workorders")).toList());
    try {
      signIn("admin");

      assertThat(_get(PropertyLayout.class).menuLabels())
          .contains("Security")
          .doesNotContainAnyElementsOf(WORK_ORDER_SCREENS);
      UI.getCurrent().navigate("workorders");
      assertThat(currentView()).isInstanceOf(NotAllowedView.class);
    } finally {
      // the modules area answers GET /tenant again
      fake.area(FakeCompanyModulesArea.class).started(fake);
    }
  }

  @Test
  void theMenuListsTheAnnotatedScreensTheUserMayOpenInOrder() {
    signIn("admin");

    // the areas' real screens join the test screens in the menu: their order is what is checked
    assertThat(_get(PropertyLayout.class).menuLabels())
        .containsSubsequence("Today", "Estates", "Billing", "Security");
  }

  @Test
  void theScreensOfAModuleTheCompanyHasNotEnabledAreNotOffered() {
    FakeCompanyModulesArea modules = fake.area(FakeCompanyModulesArea.class);
    modules.enabled(COMPANY, List.of("estate", "residents", "devices", "security"));
    try {
      signIn("admin");

      assertThat(_get(PropertyLayout.class).menuLabels())
          .contains("Estates", "Security")
          .doesNotContain("Billing");
      UI.getCurrent().navigate("test-bills");
      assertThat(currentView()).isInstanceOf(NotAllowedView.class);
    } finally {
      modules.enabled(
          COMPANY, List.of("billing", "devices", "estate", "residents", "security", "workorders"));
    }
  }

  @Test
  void nothingTheUserMayNotDoIsOffered() {
    signIn("guard");

    assertThat(_get(PropertyLayout.class).menuLabels())
        .contains("Today", "Security")
        .doesNotContain("Estates", "Billing");
  }

  @Test
  void aTypedAddressWithoutThePermissionShowsNotAllowedNotAnException() {
    signIn("guard");

    UI.getCurrent().navigate("test-bills");

    assertThat(currentView()).isInstanceOf(NotAllowedView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("billing.bill.read");

    UI.getCurrent().navigate("test-alarm");
    assertThat(currentView()).isInstanceOf(TestScreens.Alarm.class);
  }

  @Test
  void withoutASignInTheScreensForwardToTheLogin() {
    UI.getCurrent().navigate("test-alarms");

    assertThat(currentView()).isInstanceOf(LoginView.class);
  }

  @Test
  void theHeaderNamesCompanyUserAndScope() {
    signIn("admin");
    assertThat(_get(Span.class, s -> s.withId("property-company")).getText())
        .isEqualTo(COMPANY_NAME);
    assertThat(_get(Span.class, s -> s.withId("property-user")).getText()).isEqualTo("admin");
    assertThat(_get(Span.class, s -> s.withId("property-scope")).getText())
        .isEqualTo("whole company");
  }

  @Test
  void aScopedUsersHeaderNamesTheEstates() {
    signIn("cashier");

    assertThat(_get(Span.class, s -> s.withId("property-scope")).getText())
        .isEqualTo("estates: #1, #2");
    assertThat(PropertySession.scope("billing.bill.read").orElseThrow().estates())
        .containsExactly(1L, 2L);
    assertThat(PropertySession.can("security.alarm.read")).isFalse();
  }

  @Test
  void scopeWordsUseTheEstatesNames() {
    StaffMe me =
        new StaffMe(
            "acme",
            "staff",
            "7",
            "li",
            "Li Na",
            List.of(
                new StaffMe.Held("billing.bill.read", "some", List.of(1L, 2L), List.of()),
                new StaffMe.Held("estate.estate.read", "some", List.of(2L), List.of())));

    String words =
        ScopeWords.of(
            me,
            Map.of(1L, "东苑", 2L, "西苑"),
            (key, args) -> UI.getCurrent().getTranslation(key, args));

    assertThat(words).isEqualTo("estates: 东苑, 西苑");
  }

  @Test
  void signingOutEndsTheSessionOnThePlatform() {
    signIn("admin");
    int open = fake.openSessions();

    ButtonKt._click(_get(Button.class, s -> s.withId("property-sign-out")));

    assertThat(PropertySession.signedIn()).isFalse();
    assertThat(fake.openSessions()).isEqualTo(open - 1);
  }

  @Test
  void theLanguageChosenInTheConsoleIsTheOneTheStaffMemberIsWrittenTo() {
    org.courtyard.admin.contract.FakeTenantApi.User me =
        fake.staff(COMPANY, "linguist", PASSWORD).grant("dispatcher");
    signIn("linguist");
    assertThat(me.language()).isNull();

    com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(
        _get(org.courtyard.admin.ui.LanguageSwitch.class), java.util.Locale.CHINESE);

    assertThat(me.language()).isEqualTo("zh");
  }
}
