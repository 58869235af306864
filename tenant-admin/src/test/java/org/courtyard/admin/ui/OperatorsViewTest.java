package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.List;
import org.courtyard.admin.api.OperatorAccount;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.contract.FakeOperatorApi;
import org.junit.jupiter.api.Test;

class OperatorsViewTest extends ConsoleTestBase {

  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  void anOwnerWithASecondFactorSignsInWithItsCodeAndCreatesAnOperator() {
    fake.addOperator("ops.li", "ops-li-password", "owner", SECRET);
    UI.getCurrent().navigate(LoginView.class);
    LoginFormKt._login(_get(LoginForm.class), "ops.li", "ops-li-password");

    LoginView login = _get(LoginView.class);
    assertThat(login.asksForCode()).isTrue();
    assertThat(ConsoleSession.loggedIn()).isFalse();
    enterCode(wrongCode());
    assertThat(login.errorMessage()).startsWith("Wrong code");
    assertThat(ConsoleSession.loggedIn()).isFalse();
    enterCode(FakeOperatorApi.totp(SECRET));
    assertThat(ConsoleSession.loggedIn()).isTrue();
    assertThat(ConsoleSession.me().username()).isEqualTo("ops.li");
    assertThat(_get(Span.class, spec -> spec.withId("signed-in")).getText()).startsWith("ops.li");

    UI.getCurrent().navigate(OperatorsView.class);
    OperatorsView view = _get(OperatorsView.class);
    assertThat(view.listed())
        .filteredOn(o -> o.username().equals("ops.li"))
        .singleElement()
        .matches(OperatorAccount::totp);
    HasValueUtilsKt._setValue(
        _get(TextField.class, spec -> spec.withId("operator-username")), "ops.new");
    @SuppressWarnings("unchecked")
    RadioButtonGroup<String> role =
        _get(RadioButtonGroup.class, spec -> spec.withId("operator-role"));
    HasValueUtilsKt._setValue(role, "support");
    ButtonKt._click(_get(Button.class, spec -> spec.withId("operator-create")));

    String password = _get(Span.class, spec -> spec.withId("operator-password")).getText();
    assertThat(password).isNotBlank();
    assertThat(view.listed())
        .filteredOn(o -> o.username().equals("ops.new"))
        .singleElement()
        .matches(o -> o.role().equals("support") && o.active() && !o.totp());
    // the shown password is the account's: it signs in with it
    assertThat(OperatorApi.signIn(fake.baseUrl(), "ops.new", password, null).me().role())
        .isEqualTo("support");
  }

  @Test
  void theLastOwnerCannotBeDisabledAndTheProblemSaysWhy() {
    OperatorApi basic = new OperatorApi(fake.baseUrl(), PASSWORD);
    for (OperatorAccount o : basic.operators()) {
      if (o.role().equals("owner") && o.active() && !o.username().equals("operator")) {
        basic.disableOperator(o.username());
      }
    }
    login();
    UI.getCurrent().navigate(OperatorsView.class);

    ButtonKt._click(action("operator", "disable-operator"));

    assertThat(notificationTexts())
        .anyMatch(t -> t.contains("Last owner") && t.contains("last active owner"));
    assertThat(_get(OperatorsView.class).listed())
        .filteredOn(o -> o.username().equals("operator"))
        .singleElement()
        .matches(OperatorAccount::active);
  }

  @Test
  void anOwnerResetsALostSecondFactor() {
    fake.addOperator("ops.lost", "ops-lost-password", "support", SECRET);
    login();
    UI.getCurrent().navigate(OperatorsView.class);

    ButtonKt._click(action("ops.lost", "reset-totp-ops.lost"));
    ButtonKt._click(_get(Button.class, spec -> spec.withId("reset-totp-confirm")));

    assertThat(fake.hasTotp("ops.lost")).isFalse();
    assertThat(_get(OperatorsView.class).listed())
        .filteredOn(o -> o.username().equals("ops.lost"))
        .singleElement()
        .matches(o -> !o.totp());
  }

  @Test
  void aSupportAccountSeesTheOperatorsWithoutButtonsToChangeThem() {
    fake.addOperator("ops.look", "ops-look-password", "support", null);
    UI.getCurrent().navigate(LoginView.class);
    LoginFormKt._login(_get(LoginForm.class), "ops.look", "ops-look-password");
    assertThat(ConsoleSession.readOnly()).isTrue();

    UI.getCurrent().navigate(OperatorsView.class);

    assertThat(_get(OperatorsView.class).listed()).isNotEmpty();
    _get(
        com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("operators-read-only"));
    assertThat(_find(Button.class, spec -> spec.withId("operator-create"))).isEmpty();
    assertThat(grid().getColumnByKey("actions")).isNull();
  }

  @Test
  void myAccountSetsUpTheSecondFactorWithAQrCodeAndTheNextSignInAsksForACode() {
    fake.addOperator("ops.me", "ops-me-password", "support", null);
    UI.getCurrent().navigate(LoginView.class);
    LoginFormKt._login(_get(LoginForm.class), "ops.me", "ops-me-password");
    UI.getCurrent().navigate(MyAccountView.class);
    MyAccountView view = _get(MyAccountView.class);

    ButtonKt._click(_get(Button.class, spec -> spec.withId("totp-set-up")));
    String secret = _get(Span.class, spec -> spec.withId("totp-secret")).getText();
    assertThat(_get(Span.class, spec -> spec.withId("totp-uri")).getText())
        .startsWith("otpauth://totp/")
        .contains("secret=" + secret);
    assertThat(view.qrSvg()).startsWith("<svg").contains("<path d=\"M");
    HasValueUtilsKt._setValue(
        _get(TextField.class, spec -> spec.withId("totp-code")), FakeOperatorApi.totp(secret));
    ButtonKt._click(_get(Button.class, spec -> spec.withId("totp-confirm")));

    assertThat(fake.hasTotp("ops.me")).isTrue();
    assertThat(ConsoleSession.me().totp()).isTrue();
    assertThat(_get(Span.class, spec -> spec.withId("account-totp-status")).getText())
        .startsWith("On");

    ButtonKt._click(_get(Button.class, spec -> spec.withId("logout")));
    UI.getCurrent().navigate(LoginView.class);
    LoginFormKt._login(_get(LoginForm.class), "ops.me", "ops-me-password");
    assertThat(_get(LoginView.class).asksForCode()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static Grid<OperatorAccount> grid() {
    return _get(Grid.class, spec -> spec.withId("operators"));
  }

  /** The button {@code id} in the actions of {@code username}'s row. */
  private static Button action(String username, String id) {
    List<OperatorAccount> rows = GridKt._findAll(grid());
    int row = 0;
    while (!rows.get(row).username().equals(username)) {
      row++;
    }
    return LocatorJ._get(
        GridKt._getCellComponent(grid(), row, "actions"), Button.class, spec -> spec.withId(id));
  }

  private static void enterCode(String code) {
    HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("login-code")), code);
    ButtonKt._click(_get(Button.class, spec -> spec.withId("login-code-submit")));
  }

  private static String wrongCode() {
    long now = Instant.now().getEpochSecond();
    for (int i = 0; ; i++) {
      String c = String.format("%06d", (654321 + i * 7919) % 1_000_000);
      boolean inWindow = false;
      for (long d = -30; d <= 60; d += 30) {
        inWindow |= c.equals(FakeOperatorApi.totp(SECRET, now + d));
      }
      if (!inWindow) {
        return c;
      }
    }
  }
}
