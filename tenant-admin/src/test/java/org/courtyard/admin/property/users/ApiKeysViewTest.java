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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.Set;
import org.courtyard.admin.property.NotAllowedView;
import org.courtyard.admin.property.PropertyTestBase;
import org.junit.jupiter.api.Test;

class ApiKeysViewTest extends PropertyTestBase {

  private static void click(String id) {
    ButtonKt._click(_get(Button.class, s -> s.withId(id)));
  }

  @SuppressWarnings("unchecked")
  private static Grid<ApiKey> grid() {
    return _get(Grid.class, s -> s.withId("apikeys-grid"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aKeysSecretIsShownOnceAndRevokingItAsksFirst() {
    signIn("admin");
    UI.getCurrent().navigate(ApiKeysView.class);

    click("apikeys-new");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("apikey-name")), "Gate kiosk");
    Select<Role> role = _get(Select.class, s -> s.withId("apikey-role"));
    HasValueUtilsKt._setValue(
        role,
        role.getListDataView().getItems().filter(r -> r.code().equals("guard")).findFirst().get());
    HasValueUtilsKt._setValue(
        _get(RadioButtonGroup.class, s -> s.withId("apikey-scope")), "estates");
    HasValueUtilsKt._setValue(
        _get(MultiSelectComboBox.class, s -> s.withId("apikey-places")),
        Set.of(new Place(2, null)));
    click("apikey-create");

    assertThat(_get(Span.class, s -> s.withId("apikey-secret")).getText()).startsWith("cyk_acme_");
    click("apikey-secret-done");
    ApiKeysView view = _get(ApiKeysView.class);
    ApiKey made =
        view.listed().stream().filter(k -> k.name().equals("Gate kiosk")).findFirst().orElseThrow();
    assertThat(made.key()).isNull();
    int row = view.listed().indexOf(made);
    assertThat(GridKt._getFormatted(grid(), row, "role")).isEqualTo("Guard");
    assertThat(GridKt._getFormatted(grid(), row, "scope")).startsWith("estates: ");
    assertThat(made.ids()).containsExactly(2L);
    assertThat(GridKt._getFormatted(grid(), row, "expires")).isEqualTo("never");

    ButtonKt._click((Button) GridKt._getCellComponent(grid(), row, "actions"));
    click("apikey-revoke-yes");
    made = view.listed().get(row);
    assertThat(made.status()).isEqualTo("revoked");
    assertThat(GridKt._getFormatted(grid(), row, "status")).isEqualTo("revoked");
    assertThat(GridKt._getCellComponent(grid(), row, "actions").isVisible()).isFalse();
  }

  @Test
  void aKeyWithoutARoleIsRefusedWithTheApisWords() {
    signIn("admin");
    UI.getCurrent().navigate(ApiKeysView.class);
    click("apikeys-new");
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("apikey-name")), "No role");
    click("apikey-create");

    assertThat(_get(Span.class, s -> s.withId("apikey-problem")).getText())
        .isEqualTo("Invalid input: role is required.");
    assertThat(_find(Span.class, s -> s.withId("apikey-secret"))).isEmpty();
  }

  @Test
  void withoutThePermissionTheScreenIsNotOffered() {
    signIn("guard");
    UI.getCurrent().navigate(ApiKeysView.class);
    assertThat(_get(NotAllowedView.class).reason()).contains("identity.apikey.manage");
  }

  @Test
  void inChinese() {
    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    signIn("admin");
    UI.getCurrent().navigate(ApiKeysView.class);
    assertThat(_get(H2.class, s -> s.withText("接口密钥"))).isNotNull();
  }
}
