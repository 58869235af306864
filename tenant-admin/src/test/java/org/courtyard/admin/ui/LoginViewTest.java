package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.LoginFormKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import org.courtyard.admin.api.OperatorApi;
import org.junit.jupiter.api.Test;

class LoginViewTest extends ConsoleTestBase {

  @Test
  void pagesBehindTheLoginForwardToIt() {
    UI.getCurrent().navigate(TenantsView.class);

    assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
        .isInstanceOf(LoginView.class);
    assertThat(ConsoleSession.loggedIn()).isFalse();
  }

  @Test
  void theRightPasswordOpensTheTenantsAndIsCheckedByTheApi() {
    int before = fake.requests();

    login();

    assertThat(ConsoleSession.loggedIn()).isTrue();
    assertThat(fake.requests()).isGreaterThan(before);
    assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
        .isInstanceOf(TenantsView.class);
  }

  @Test
  void aWrongPasswordShowsTheErrorAndStaysOnTheLogin() {
    UI.getCurrent().navigate(LoginView.class);
    LoginForm form = _get(LoginForm.class);

    LoginFormKt._login(form, "operator", "guess");

    assertThat(form.isError()).isTrue();
    assertThat(_get(LoginView.class).errorMessage()).contains("operator-password.txt");
    assertThat(ConsoleSession.loggedIn()).isFalse();
  }

  @Test
  void anUnknownUserNameIsRefusedByTheApi() {
    UI.getCurrent().navigate(LoginView.class);
    LoginForm form = _get(LoginForm.class);

    LoginFormKt._login(form, "admin", PASSWORD);

    assertThat(form.isError()).isTrue();
    assertThat(_get(LoginView.class).asksForCode()).isFalse();
    assertThat(ConsoleSession.loggedIn()).isFalse();
  }

  @Test
  void anUnreachableApiIsNamedInTheError() {
    System.setProperty("COURTYARD_API_URL", "http://127.0.0.1:9/api/v1");
    try {
      UI.getCurrent().navigate(LoginView.class);
      LoginForm form = _get(LoginForm.class);
      LoginFormKt._login(form, "operator", PASSWORD);

      assertThat(form.isError()).isTrue();
      assertThat(_get(LoginView.class).errorMessage())
          .isEqualTo("Courtyard API not reachable at http://127.0.0.1:9/api/v1");
    } finally {
      System.setProperty("COURTYARD_API_URL", fake.baseUrl());
    }
  }

  @Test
  void logoutForgetsTheSessionHereAndEndsItOnThePlatform() {
    login();
    OperatorApi api = ConsoleSession.requireApi();
    assertThat(api.baseUrl()).isEqualTo(fake.baseUrl());
    int open = fake.sessions();

    ButtonKt._click(_get(Button.class, spec -> spec.withId("logout")));

    assertThat(ConsoleSession.loggedIn()).isFalse();
    assertThat(fake.sessions()).isEqualTo(open - 1);
  }
}
