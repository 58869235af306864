package org.courtyard.admin.property;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.today.TodayView;
import org.courtyard.admin.ui.ConsoleSession;
import org.courtyard.admin.ui.Errors;

/**
 * A property company's staff sign-in: company (the tenant slug, remembered in a cookie), user name
 * and password, then, when the platform answers {@code totp-required}, the authenticator app's
 * code. The password waits in this component (server side) only until that step ends. A link starts
 * the company's single sign-on, which returns to {@link SsoReturnView}.
 */
public final class StaffSignIn extends VerticalLayout {

  /** The cookie that remembers the last company signed in to on this browser. */
  public static final String COMPANY_COOKIE = "courtyard-company";

  private final TextField company = new TextField();
  private final TextField user = new TextField();
  private final PasswordField password = new PasswordField();
  private final Span error = new Span();
  private final Anchor sso = new Anchor();
  private final VerticalLayout passwordStep = new VerticalLayout();
  private final VerticalLayout codeStep = new VerticalLayout();
  private final TextField code = new TextField();
  private final Span codeError = new Span();
  private String pendingCompany;
  private String pendingUser;
  private String pendingPassword;

  public StaffSignIn() {
    setId("staff-sign-in");
    setWidth("22em");
    setPadding(false);

    company.setId("staff-company");
    company.setLabel(getTranslation("login.staff.company"));
    company.setHelperText(getTranslation("login.staff.company.help"));
    company.setWidthFull();
    company.addValueChangeListener(e -> updateSso());
    user.setId("staff-user");
    user.setLabel(getTranslation("login.staff.user"));
    user.setWidthFull();
    user.getElement().setAttribute("autocomplete", "username");
    password.setId("staff-password");
    password.setLabel(getTranslation("login.password"));
    password.setWidthFull();
    password.getElement().setAttribute("autocomplete", "current-password");
    error.setId("staff-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    Button submit = new Button(getTranslation("login.submit"), e -> submitPassword());
    submit.setId("staff-submit");
    submit.setWidthFull();
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickShortcut(Key.ENTER).listenOn(passwordStep);
    sso.setId("staff-sso");
    sso.setText(getTranslation("login.staff.sso"));
    passwordStep.setPadding(false);
    passwordStep.add(
        new H2(getTranslation("login.staff.title")), company, user, password, error, submit, sso);

    code.setId("staff-code");
    code.setLabel(getTranslation("login.code"));
    code.setHelperText(getTranslation("login.code.help"));
    code.setAllowedCharPattern("[0-9]");
    code.setMaxLength(6);
    code.getElement().setAttribute("autocomplete", "one-time-code");
    codeError.setId("staff-code-error");
    codeError.getStyle().set("color", "var(--lumo-error-text-color)");
    Button verify = new Button(getTranslation("login.code.submit"), e -> submitCode());
    verify.setId("staff-code-submit");
    verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    verify.addClickShortcut(Key.ENTER).listenOn(codeStep);
    Button back = new Button(getTranslation("action.cancel"), e -> showPasswordStep());
    back.setId("staff-code-cancel");
    back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    codeStep.setPadding(false);
    codeStep.add(
        new H3(getTranslation("login.code.title")),
        code,
        codeError,
        new HorizontalLayout(verify, back));
    codeStep.setVisible(false);

    add(passwordStep, codeStep);
    String remembered = rememberedCompany();
    if (remembered != null) {
      company.setValue(remembered);
    }
    updateSso();
  }

  /** Puts the cursor where the user starts typing. */
  public void focusFirstField() {
    if (company.isEmpty()) {
      company.focus();
    } else {
      user.focus();
    }
  }

  private void submitPassword() {
    signIn(company.getValue(), user.getValue(), password.getValue(), null);
  }

  private void submitCode() {
    if (pendingUser == null) {
      showPasswordStep();
      return;
    }
    signIn(pendingCompany, pendingUser, pendingPassword, code.getValue());
  }

  private void signIn(String slug, String name, String secret, String totp) {
    try {
      PropertySession.signIn(slug, name, secret, totp);
      pendingCompany = null;
      pendingUser = null;
      pendingPassword = null;
      password.clear();
      remember(slug);
      getUI().ifPresent(ui -> ui.navigate(TodayView.class));
    } catch (ApiProblem p) {
      if (p.status() == 401 && "totp-required".equals(p.shortType())) {
        pendingCompany = slug;
        pendingUser = name;
        pendingPassword = secret;
        showCodeStep(null);
      } else if (totp != null) {
        showCodeStep(
            p.status() == 401 && "totp-invalid".equals(p.shortType())
                ? getTranslation("login.code.wrong")
                : message(p));
      } else {
        failed(message(p));
      }
    } catch (ApiUnreachable u) {
      if (totp != null) {
        showCodeStep(Errors.message(u));
      } else {
        failed(Errors.message(u));
      }
    }
  }

  /** Wrong credentials in the user's language; other refusals with the platform's own detail. */
  private String message(ApiProblem p) {
    if (p.status() == 401 && "invalid-credentials".equals(p.shortType())) {
      return getTranslation("login.staff.wrong");
    }
    if (p.status() == 400 && "missing-credentials".equals(p.shortType())) {
      return getTranslation("login.staff.missing");
    }
    return p.detail() == null || p.detail().isBlank() ? p.title() : p.detail();
  }

  private void showCodeStep(String problem) {
    passwordStep.setVisible(false);
    codeStep.setVisible(true);
    code.clear();
    code.focus();
    codeError.setText(problem == null ? "" : problem);
  }

  private void showPasswordStep() {
    pendingCompany = null;
    pendingUser = null;
    pendingPassword = null;
    codeStep.setVisible(false);
    passwordStep.setVisible(true);
    error.setText("");
  }

  private void failed(String message) {
    showPasswordStep();
    password.clear();
    error.setText(message);
  }

  private void updateSso() {
    String slug =
        company.getValue() == null ? "" : company.getValue().strip().toLowerCase(Locale.ROOT);
    sso.setVisible(!slug.isEmpty());
    if (!slug.isEmpty()) {
      sso.setHref(ssoStart(ConsoleSession.apiUrl(), slug, consoleRoot()));
    }
  }

  /**
   * The address that starts the company's single sign-on; the platform sends the browser back to
   * {@code <console>/sso/<company>} with the tokens in the fragment.
   */
  static String ssoStart(String apiUrl, String slug, String consoleRoot) {
    String back = consoleRoot + "/" + SsoReturnView.ROUTE + "/" + slug;
    return apiUrl
        + "/auth/sso/"
        + URLEncoder.encode(slug, StandardCharsets.UTF_8)
        + "/start?redirect="
        + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }

  /** This console's own root address as the browser reached it, e.g. {@code http://host:8080}. */
  private static String consoleRoot() {
    VaadinRequest r = VaadinService.getCurrentRequest();
    if (r instanceof com.vaadin.flow.server.VaadinServletRequest s) {
      var http = s.getHttpServletRequest();
      String scheme = http.getScheme();
      int port = http.getServerPort();
      boolean usual = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
      return scheme
          + "://"
          + http.getServerName()
          + (usual || port <= 0 ? "" : ":" + port)
          + http.getContextPath();
    }
    return "";
  }

  /** Whether this browser signed in to a company before (its staff are the usual visitors). */
  public static boolean rememberedCompanyPresent() {
    return rememberedCompany() != null;
  }

  static String rememberedCompany() {
    VaadinRequest r = VaadinService.getCurrentRequest();
    if (r == null || r.getCookies() == null) {
      return null;
    }
    for (Cookie c : r.getCookies()) {
      if (COMPANY_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
        return c.getValue();
      }
    }
    return null;
  }

  private static void remember(String slug) {
    VaadinResponse response = VaadinService.getCurrentResponse();
    if (response == null || slug == null) {
      return;
    }
    String value = slug.strip().toLowerCase(Locale.ROOT);
    if (!value.matches("[a-z0-9_]{1,40}")) {
      return;
    }
    Cookie cookie = new Cookie(COMPANY_COOKIE, value);
    cookie.setMaxAge(60 * 60 * 24 * 365);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    response.addCookie(cookie);
  }

  /** The message shown under the password step, empty before any failure. */
  public String errorMessage() {
    return codeStep.isVisible() ? codeError.getText() : error.getText();
  }

  /** Whether the second step, the authenticator app's code, is showing. */
  public boolean asksForCode() {
    return codeStep.isVisible();
  }
}
