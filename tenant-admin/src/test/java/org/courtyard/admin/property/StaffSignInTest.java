package org.courtyard.admin.property;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.courtyard.admin.property.today.TodayView;
import org.courtyard.admin.ui.LoginView;
import org.junit.jupiter.api.Test;

class StaffSignInTest extends PropertyTestBase {

  @Test
  void theLoginPageOffersBothKindsAndTheOperatorsFormStaysAsItWas() {
    UI.getCurrent().navigate(LoginView.class);

    assertThat(_get(Tabs.class, s -> s.withId("login-kind")).getSelectedTab().getLabel())
        .isEqualTo("Platform operator");
    assertThat(_get(LoginForm.class).isVisible()).isTrue();
    assertThat(LocatorJ._find(StaffSignIn.class)).isEmpty();

    Tabs kind = _get(Tabs.class, s -> s.withId("login-kind"));
    kind.setSelectedIndex(0);

    assertThat(kind.getSelectedTab().getLabel()).isEqualTo("Property company");
    assertThat(_get(StaffSignIn.class).isVisible()).isTrue();
  }

  @Test
  void aStaffMemberSignsInWithCompanyNameAndPasswordAndLandsOnToday() {
    int before = fake.openSessions();

    submit(COMPANY, "admin", PASSWORD);

    assertThat(PropertySession.signedIn()).isTrue();
    assertThat(PropertySession.me().name()).isEqualTo("admin");
    assertThat(PropertySession.companyName()).isEqualTo(COMPANY_NAME);
    assertThat(fake.openSessions()).isEqualTo(before + 1);
    assertThat(currentView()).isInstanceOf(TodayView.class);
  }

  @Test
  void theHeaderCallsTheStaffMemberByTheirDisplayNameNotTheirUserName() {
    fake.staff(COMPANY, "li.na", PASSWORD).grant("guard").displayName("李娜");

    submit(COMPANY, "li.na", PASSWORD);

    assertThat(PropertySession.me().name()).isEqualTo("li.na");
    assertThat(PropertySession.me().shownName()).isEqualTo("李娜");
    assertThat(
            _get(com.vaadin.flow.component.html.Span.class, s -> s.withId("property-user"))
                .getText())
        .isEqualTo("李娜");
  }

  @Test
  void theCompanyIsRememberedInACookieAndChosenNextTime() {
    submit("ACME", "admin", PASSWORD);

    FakeResponse response =
        (FakeResponse) ((VaadinServletResponse) VaadinService.getCurrentResponse()).getResponse();
    Cookie cookie = response.findCookie(StaffSignIn.COMPANY_COOKIE);
    assertThat(cookie).isNotNull();
    assertThat(cookie.getValue()).isEqualTo("acme");
    assertThat(cookie.isHttpOnly()).isTrue();

    PropertySession.signOut();
    ((FakeRequest) ((VaadinServletRequest) VaadinService.getCurrentRequest()).getRequest())
        .addCookie(new Cookie(StaffSignIn.COMPANY_COOKIE, "acme"));
    UI.getCurrent().navigate(LoginView.class);

    assertThat(_get(StaffSignIn.class).isVisible()).isTrue();
    assertThat(_get(TextField.class, s -> s.withId("staff-company")).getValue()).isEqualTo("acme");
  }

  @Test
  void aWrongPasswordSaysSoInEnglishAndInChinese() {
    submit(COMPANY, "admin", "guess");

    assertThat(PropertySession.signedIn()).isFalse();
    assertThat(_get(StaffSignIn.class).errorMessage())
        .isEqualTo("Wrong company, user name or password.");

    UI.getCurrent().getSession().setLocale(Locale.CHINESE);
    UI.getCurrent().setLocale(Locale.CHINESE);
    submit(COMPANY, "admin", "guess");

    assertThat(_get(StaffSignIn.class).errorMessage()).isEqualTo("公司、用户名或密码错误。");
    assertThat(PropertySession.signedIn()).isFalse();
  }

  @Test
  void anUnknownCompanyIsRefusedLikeAWrongPassword() {
    submit("nobody_here", "admin", PASSWORD);

    assertThat(PropertySession.signedIn()).isFalse();
    assertThat(_get(StaffSignIn.class).errorMessage())
        .isEqualTo("Wrong company, user name or password.");
  }

  @Test
  void anAccountWithASecondFactorIsAskedForTheCodeAndAWrongCodeIsRefused() {
    submit(COMPANY, "secure", PASSWORD);

    StaffSignIn form = _get(StaffSignIn.class);
    assertThat(form.asksForCode()).isTrue();
    assertThat(PropertySession.signedIn()).isFalse();

    String wrong = code().equals("000000") ? "111111" : "000000";
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("staff-code")), wrong);
    ButtonKt._click(_get(Button.class, s -> s.withId("staff-code-submit")));
    assertThat(form.asksForCode()).isTrue();
    assertThat(form.errorMessage()).contains("code");
    assertThat(PropertySession.signedIn()).isFalse();

    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("staff-code")), code());
    ButtonKt._click(_get(Button.class, s -> s.withId("staff-code-submit")));

    assertThat(PropertySession.signedIn()).isTrue();
    assertThat(currentView()).isInstanceOf(TodayView.class);
  }

  @Test
  void theSingleSignOnLinkStartsAtThePlatformAndReturnsToTheConsole() {
    openCompanySignIn();
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("staff-company")), "acme");

    String href =
        _get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("staff-sso")).getHref();
    assertThat(href).startsWith(fake.baseUrl() + "/auth/sso/acme/start?redirect=");
    assertThat(href).contains("%2Fsso%2Facme");
    assertThat(StaffSignIn.ssoStart("http://api/v1", "acme", "http://console:8080"))
        .isEqualTo(
            "http://api/v1/auth/sso/acme/start?redirect=http%3A%2F%2Fconsole%3A8080%2Fsso%2Facme");
  }

  @Test
  void theSingleSignOnsFragmentGivesTheTokens() {
    var tokens =
        SsoReturnView.parse(
            "#accessToken=a.b.c&tokenType=Bearer&expiresIn=900&refreshToken=cyr_acme.x.y"
                + "&refreshExpiresIn=2592000");

    assertThat(tokens).isPresent();
    assertThat(tokens.get().accessToken()).isEqualTo("a.b.c");
    assertThat(tokens.get().refreshToken()).isEqualTo("cyr_acme.x.y");
    assertThat(tokens.get().expiresIn()).isEqualTo(900);
    assertThat(SsoReturnView.parse("")).isEmpty();
    assertThat(SsoReturnView.parse("#error=x")).isEmpty();
  }
}
