package org.courtyard.admin.property.users;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.contract.FakeIdentityArea;
import org.courtyard.admin.property.NotAllowedView;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RolesAndAuditViewTest extends PropertyTestBase {

  @BeforeAll
  static void auditRows() {
    FakeIdentityArea area = fake.area(FakeIdentityArea.class);
    area.audit("cashier", "POST /billing/payments", "7", Instant.parse("2026-11-30T10:00:00Z"));
    area.audit("cashier", "POST /billing/payments", "8", Instant.parse("2026-12-01T10:00:00Z"));
    area.audit("admin", "PUT /estate/estates/{id}", "1", Instant.parse("2026-12-02T10:00:00Z"));
  }

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  @SuppressWarnings("unchecked")
  private static Grid<Role> rolesGrid() {
    return _get(Grid.class, s -> s.withId("roles-grid"));
  }

  private static List<String> roleCodes() {
    return GridKt._fetch(rolesGrid(), 0, 100).stream().map(Role::code).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<AuditEntry> auditRowsShown() {
    return GridKt._fetch((Grid<AuditEntry>) _get(Grid.class, s -> s.withId("audit-grid")), 0, 200);
  }

  @Test
  void rolesAreListedWithTheirPermissionsAndEveryPermissionIsExplained() {
    signIn("admin");
    UI.getCurrent().navigate(RolesView.class);

    assertThat(roleCodes()).contains("administrator", "cashier", "guard");
    int guard = roleCodes().indexOf("guard");
    assertThat(GridKt._getFormatted(rolesGrid(), guard, "name")).isEqualTo("Guard");
    assertThat(GridKt._getFormatted(rolesGrid(), guard, "kind")).isEqualTo("template");
    assertThat(GridKt._getFormatted(rolesGrid(), guard, "permissions")).contains("security.*");
    @SuppressWarnings("unchecked")
    Grid<PermissionInfo> permissions = _get(Grid.class, s -> s.withId("permissions-grid"));
    int row =
        GridKt._fetch(permissions, 0, 200).stream()
            .map(PermissionInfo::id)
            .toList()
            .indexOf("identity.user.read");
    assertThat(GridKt._getFormatted(permissions, row, "title")).isEqualTo("See staff accounts");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAdministratorMakesARoleEditsItAndDeletesIt() {
    signIn("admin");
    UI.getCurrent().navigate(RolesView.class);

    click("roles-new");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("role-code")), "night_guard");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("role-name-en")), "Night guard");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("role-name-zh")), "夜班保安");
    HasValueUtilsKt._setValue(
        _get(MultiSelectComboBox.class, s -> s.withId("role-permissions")),
        Set.of("security.alarm.read", "devices.device.read"));
    click("role-save");

    assertThat(roleCodes()).contains("night_guard");
    Role made =
        _get(RolesView.class).listed().stream()
            .filter(r -> r.code().equals("night_guard"))
            .findFirst()
            .orElseThrow();
    assertThat(made.permissions()).containsExactly("devices.device.read", "security.alarm.read");
    assertThat(made.template()).isFalse();

    ButtonKt._click(
        (Button)
            GridKt._getCellComponent(rolesGrid(), roleCodes().indexOf("night_guard"), "actions"));
    assertThat(_get(TextField.class, s -> s.withId("role-code")).isReadOnly()).isTrue();
    HasValueUtilsKt._setValue(
        _get(MultiSelectComboBox.class, s -> s.withId("role-permissions")),
        Set.of("security.alarm.read"));
    click("role-save");
    made =
        _get(RolesView.class).listed().stream()
            .filter(r -> r.code().equals("night_guard"))
            .findFirst()
            .orElseThrow();
    assertThat(made.permissions()).containsExactly("security.alarm.read");

    ButtonKt._click(
        (Button)
            GridKt._getCellComponent(rolesGrid(), roleCodes().indexOf("night_guard"), "actions"));
    click("role-delete");
    assertThat(roleCodes()).doesNotContain("night_guard");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRefusedRoleShowsTheApisReasonInTheForm() {
    signIn("admin");
    UI.getCurrent().navigate(RolesView.class);

    click("roles-new");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("role-code")), "Bad Code");
    click("role-save");

    assertThat(_get(Span.class, s -> s.withId("role-problem")).getText())
        .startsWith("Invalid input: code must be 2 to 40 lower-case letters")
        .contains("permissions must name at least one permission");
  }

  @Test
  void templatesCannotBeDeletedFromTheScreenAndReadersCannotEdit() {
    signIn("admin");
    UI.getCurrent().navigate(RolesView.class);
    ButtonKt._click(
        (Button) GridKt._getCellComponent(rolesGrid(), roleCodes().indexOf("guard"), "actions"));
    assertThat(_find(Button.class, s -> s.withId("role-delete"))).isEmpty();
    assertThat(_find(Button.class, s -> s.withId("role-save"))).hasSize(1);
  }

  @Test
  void aReaderSeesRolesWithoutButtons() {
    fake.staff(COMPANY, "roles.reader", PASSWORD).grant("auditor");
    signIn("roles.reader");
    UI.getCurrent().navigate(RolesView.class);

    assertThat(roleCodes()).contains("administrator");
    assertThat(_find(Button.class, s -> s.withId("roles-new"))).isEmpty();
    assertThat(rolesGrid().getColumnByKey("actions")).isNull();
  }

  @Test
  void theAuditLogIsNewestFirstAndFiltersGoToTheApi() {
    signIn("admin");
    UI.getCurrent().navigate(AuditView.class);

    List<AuditEntry> rows = auditRowsShown();
    assertThat(rows)
        .extracting(AuditEntry::operation)
        .containsSubsequence(
            "PUT /estate/estates/{id}", "POST /billing/payments", "POST /billing/payments");
    assertThat(rows.get(0).at()).isAfterOrEqualTo(rows.get(rows.size() - 1).at());

    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("audit-who")), "cashier");
    assertThat(auditRowsShown()).extracting(AuditEntry::objectIds).containsExactly("8", "7");

    ZoneId zone = ZoneId.systemDefault();
    LocalDate first = LocalDate.ofInstant(Instant.parse("2026-12-01T10:00:00Z"), zone);
    HasValueUtilsKt._setValue(_get(DatePicker.class, s -> s.withId("audit-from")), first);
    HasValueUtilsKt._setValue(_get(DatePicker.class, s -> s.withId("audit-to")), first);
    assertThat(auditRowsShown()).extracting(AuditEntry::objectIds).containsExactly("8");
    assertThat(_get(AuditView.class).currentFilter())
        .containsEntry("who", "cashier")
        .containsEntry("from", first.atStartOfDay(zone).toInstant().toString())
        .containsEntry("to", first.plusDays(1).atStartOfDay(zone).toInstant().toString());
  }

  @Test
  void theCsvDownloadIsTheApisExportOfTheSameFilters() {
    signIn("admin");
    UI.getCurrent().navigate(AuditView.class);
    HasValueUtilsKt._setValue(
        _get(TextField.class, s -> s.withId("audit-operation")), "/billing/payments");

    assertThat(_get(Anchor.class, s -> s.withId("audit-csv")).getHref()).isNotBlank();
    String csv = _get(AuditView.class).csv();
    assertThat(csv.strip().split("\r\n")).hasSize(3);
    assertThat(csv)
        .contains("principal_name")
        .contains("POST /billing/payments")
        .doesNotContain("/estate/");
  }

  @Test
  void whatAnAdministratorDoesOnTheScreensIsInTheLog() {
    fake.staff(COMPANY, "temp.logged", PASSWORD);
    long id = fake.area(FakeIdentityArea.class).userId(COMPANY, "temp.logged");
    TenantApi admin = TenantApi.signIn(fake.baseUrl(), COMPANY, "admin", PASSWORD, null);
    new UsersClient(admin).disable(id);
    signIn("admin");
    UI.getCurrent().navigate(AuditView.class);

    HasValueUtilsKt._setValue(
        _get(TextField.class, s -> s.withId("audit-object")), String.valueOf(id));
    assertThat(auditRowsShown())
        .extracting(AuditEntry::operation)
        .containsExactly("POST /identity/users/{id}/disable");
  }

  @Test
  void withoutTheAuditPermissionTheLogIsNotOffered() {
    signIn("cashier");
    UI.getCurrent().navigate(AuditView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("identity.audit.read");
  }

  @Test
  void inChineseTheLogSpeaksChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("admin");
    UI.getCurrent().navigate(AuditView.class);
    assertThat(_get(H2.class, s -> s.withText("操作日志"))).isNotNull();
    UI.getCurrent().navigate(RolesView.class);
    assertThat(_get(H2.class, s -> s.withText("角色"))).isNotNull();
    int guard = roleCodes().indexOf("guard");
    assertThat(GridKt._getFormatted(rolesGrid(), guard, "name")).isEqualTo("保安");
  }
}
