package org.courtyard.admin.property.users;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.contract.FakeIdentityArea;
import org.courtyard.admin.property.NotAllowedView;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.Test;

class UsersViewTest extends PropertyTestBase {

  @SuppressWarnings("unchecked")
  private static Grid<StaffUser> usersGrid() {
    return _get(Grid.class, s -> s.withId("users-grid"));
  }

  private static List<String> listedNames() {
    return GridKt._fetch(usersGrid(), 0, 200).stream().map(StaffUser::username).toList();
  }

  /** The menu's entries as the user sees them. */
  static List<String> menu() {
    return _get(SideNav.class, s -> s.withId("property-menu")).getItems().stream()
        .map(SideNavItem::getLabel)
        .toList();
  }

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  private static void type(String id, String value) {
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId(id)), value);
  }

  private static long idOf(String username) {
    return fake.area(FakeIdentityArea.class).userId(COMPANY, username);
  }

  private static void openUser(String username) {
    UI.getCurrent().navigate(UserView.class, idOf(username));
  }

  @Test
  void theStaffAreListedByTheApiAndSearchNarrowsThem() {
    signIn("admin");
    UI.getCurrent().navigate(UsersView.class);

    assertThat(listedNames()).contains("admin", "cashier", "guard", "secure");
    assertThat(menu()).contains("Staff accounts", "Roles", "Audit log");

    type("users-search", "cash");
    assertThat(listedNames()).containsExactly("cashier");
  }

  @Test
  void aNewAccountsFirstPasswordIsShownOnceAndSignsIn() {
    signIn("admin");
    UI.getCurrent().navigate(UsersView.class);

    click("users-new");
    type("users-new-username", "Wang.Fang");
    type("users-new-name", "王芳");
    type("users-new-phone", "+86 139 1111 2222");
    click("users-create");

    String password = _get(Span.class, s -> s.withId("users-first-password")).getText();
    assertThat(password).hasSize(FirstPassword.LENGTH);
    assertThat(listedNames()).contains("wang.fang");
    TenantApi signedIn = TenantApi.signIn(fake.baseUrl(), COMPANY, "wang.fang", password, null);
    assertThat(signedIn.me().name()).isEqualTo("wang.fang");

    click("users-password-done");
    assertThat(_find(Span.class, s -> s.withId("users-first-password"))).isEmpty();
  }

  @Test
  void aRefusedCreateShowsTheApisReasonInTheForm() {
    signIn("admin");
    UI.getCurrent().navigate(UsersView.class);

    click("users-new");
    type("users-new-username", "admin");
    type("users-new-name", "Another admin");
    click("users-create");

    assertThat(_get(Span.class, s -> s.withId("users-new-problem")).getText())
        .contains("already exists");
    assertThat(_find(Span.class, s -> s.withId("users-first-password"))).isEmpty();
  }

  @Test
  void disablingAsksFirstThenTheAccountCannotSignInUntilEnabled() {
    fake.staff(COMPANY, "temp.disable", PASSWORD).grant("auditor");
    signIn("admin");
    openUser("temp.disable");

    click("user-toggle");
    click("user-disable-confirm-yes");

    assertThat(_get(Span.class, s -> s.withId("user-facts")).getText()).startsWith("disabled");
    assertThatThrownBy(
            () -> TenantApi.signIn(fake.baseUrl(), COMPANY, "temp.disable", PASSWORD, null))
        .isInstanceOf(ApiProblem.class)
        .hasMessageContaining("disabled");

    click("user-toggle");
    assertThat(_get(Span.class, s -> s.withId("user-facts")).getText()).startsWith("active");
    assertThat(TenantApi.signIn(fake.baseUrl(), COMPANY, "temp.disable", PASSWORD, null).me())
        .isNotNull();
  }

  @Test
  void signOutEverywhereEndsTheOtherPersonsSession() {
    fake.staff(COMPANY, "temp.out", PASSWORD).grant("auditor");
    TenantApi theirs = TenantApi.signIn(fake.baseUrl(), COMPANY, "temp.out", PASSWORD, null);
    signIn("admin");
    openUser("temp.out");

    click("user-sign-out");
    click("user-sign-out-confirm-yes");

    assertThatThrownBy(theirs::me).isInstanceOf(ApiProblem.class);
  }

  @Test
  void theGridSaysWhoseSecondFactorIsOnAndShowsDisplayNames() {
    fake.staff(COMPANY, "temp.twofa", PASSWORD)
        .grant("auditor")
        .displayName("李娜")
        .totp(TOTP_SECRET);
    signIn("admin");
    UI.getCurrent().navigate(UsersView.class);
    type("users-search", "temp.twofa");

    assertThat(GridKt._fetch(usersGrid(), 0, 10))
        .singleElement()
        .matches(StaffUser::totp)
        .extracting(StaffUser::displayName)
        .isEqualTo("李娜");
    assertThat(GridKt._getFormattedRow(usersGrid(), 0)).contains("李娜", "on");
    type("users-search", "cashier");
    assertThat(GridKt._getFormattedRow(usersGrid(), 0)).contains("not set up");
  }

  @Test
  void aResetSecondFactorLetsTheUserSignInWithoutACode() {
    fake.staff(COMPANY, "temp.totp", PASSWORD).grant("auditor").totp(TOTP_SECRET);
    assertThatThrownBy(() -> TenantApi.signIn(fake.baseUrl(), COMPANY, "temp.totp", PASSWORD, null))
        .hasMessageContaining("Code required");
    signIn("admin");
    openUser("temp.totp");

    click("user-reset-totp");
    click("user-reset-totp-confirm-yes");

    assertThat(TenantApi.signIn(fake.baseUrl(), COMPANY, "temp.totp", PASSWORD, null).me())
        .isNotNull();
    UI.getCurrent().navigate(UsersView.class);
    type("users-search", "temp.totp");
    assertThat(GridKt._fetch(usersGrid(), 0, 10)).singleElement().matches(u -> !u.totp());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRoleIsGrantedInSomeEstatesAndTakenBack() {
    fake.staff(COMPANY, "temp.grant", PASSWORD);
    signIn("admin");
    openUser("temp.grant");
    UserView page = _get(UserView.class);
    assertThat(page.listedGrants()).isEmpty();

    Select<Role> role = _get(Select.class, s -> s.withId("user-grant-role"));
    HasValueUtilsKt._setValue(
        role,
        role.getListDataView().getItems().filter(r -> r.code().equals("guard")).findFirst().get());
    HasValueUtilsKt._setValue(
        _get(RadioButtonGroup.class, s -> s.withId("user-grant-scope")), "estates");
    MultiSelectComboBox<Place> places =
        _get(MultiSelectComboBox.class, s -> s.withId("user-grant-places"));
    assertThat(places.isVisible()).isTrue();
    HasValueUtilsKt._setValue(places, Set.of(new Place(1, null)));
    click("user-grant-add");

    assertThat(page.listedGrants()).hasSize(1);
    Grant g = page.listedGrants().get(0);
    assertThat(g.role()).isEqualTo("guard");
    assertThat(g.ids()).containsExactly(1L);
    assertThat(GridKt._getFormatted(_get(Grid.class, s -> s.withId("user-grants")), 0, "role"))
        .isEqualTo("Guard");
    assertThat(page.where(g)).startsWith("estates: ");
    TenantApi theirs = TenantApi.signIn(fake.baseUrl(), COMPANY, "temp.grant", PASSWORD, null);
    assertThat(theirs.me().scopeOf("security.alarm.read").orElseThrow().estates())
        .containsExactly(1L);

    ButtonKt._click(
        (Button)
            GridKt._getCellComponent(_get(Grid.class, s -> s.withId("user-grants")), 0, "actions"));
    assertThat(page.listedGrants()).isEmpty();
  }

  @Test
  void aGrantWithoutPlacesIsRefusedWithTheApisWords() {
    fake.staff(COMPANY, "temp.noplace", PASSWORD);
    signIn("admin");
    openUser("temp.noplace");
    @SuppressWarnings("unchecked")
    Select<Role> role = _get(Select.class, s -> s.withId("user-grant-role"));
    HasValueUtilsKt._setValue(role, role.getListDataView().getItems().findFirst().get());
    HasValueUtilsKt._setValue(
        _get(RadioButtonGroup.class, s -> s.withId("user-grant-scope")), "buildings");
    click("user-grant-add");

    assertThat(_get(UserView.class).listedGrants()).isEmpty();
    assertThat(
            _find(
                Span.class, s -> s.withText("Invalid input: ids must name at least one building.")))
        .hasSize(1);
  }

  @Test
  void openingAnotherAccountFromAnAccountsPageShowsThatAccount() {
    signIn("admin");
    openUser("cashier");
    assertThat(_get(UserView.class).listedGrants())
        .extracting(Grant::role)
        .containsExactly("cashier");

    openUser("guard");
    assertThat(_get(H2.class, s -> s.withText("guard (guard)"))).isNotNull();
    assertThat(_get(UserView.class).listedGrants())
        .extracting(Grant::role)
        .containsExactly("guard");
  }

  @Test
  void whoMayOnlyReadSeesNoButtons() {
    fake.staff(COMPANY, "temp.reader", PASSWORD).grant("auditor");
    signIn("temp.reader");
    UI.getCurrent().navigate(UsersView.class);
    assertThat(listedNames()).contains("admin");
    assertThat(_find(Button.class, s -> s.withId("users-new"))).isEmpty();

    openUser("cashier");
    assertThat(_find(Button.class, s -> s.withId("user-toggle"))).isEmpty();
    assertThat(_find(Button.class, s -> s.withId("user-grant-add"))).isEmpty();
    assertThat(_get(UserView.class).listedGrants())
        .extracting(Grant::role)
        .containsExactly("cashier");
  }

  @Test
  void staffWithoutThePermissionAreNotOfferedTheScreen() {
    signIn("guard");
    assertThat(menu()).doesNotContain("Staff accounts", "Audit log");

    UI.getCurrent().navigate(UsersView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("identity.user.read");
  }

  @Test
  void inChineseTheScreenSpeaksChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("admin");
    UI.getCurrent().navigate(UsersView.class);

    assertThat(_get(H2.class, s -> s.withText("员工账号"))).isNotNull();
    assertThat(GridKt._getFormatted(usersGrid(), 0, "status")).isEqualTo("启用");
  }
}
