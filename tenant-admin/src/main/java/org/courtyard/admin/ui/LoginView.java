package org.courtyard.admin.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.StaffSignIn;
import org.courtyard.admin.property.today.TodayView;

/**
 * The one sign-in page, for both kinds of people: a property company's staff ({@link StaffSignIn}:
 * company, user name, password, code) and the platform's operators (user name and password; for an
 * account with a second factor the platform answers that a code is needed, and a second step asks
 * for the code of the authenticator app). The password waits in this view (server side) only until
 * that step ends. The company tab is chosen when the browser remembers a company or the address
 * says {@code login?as=company}; otherwise the operator's.
 */
@Route("login")
public final class LoginView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {

  private final LoginForm form = new LoginForm();
  private final Tab companyTab = new Tab();
  private final Tab operatorTab = new Tab();
  private final Tabs kind = new Tabs();
  private final StaffSignIn staff = new StaffSignIn();
  private final VerticalLayout operator = new VerticalLayout();
  private final VerticalLayout codeStep = new VerticalLayout();
  private final TextField code = new TextField();
  private final Span codeError = new Span();
  private String error;
  private String pendingUser;
  private String pendingPassword;

  public LoginView() {
    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

    form.setId("login");
    form.setI18n(i18n(null));
    form.setForgotPasswordButtonVisible(false);
    form.addLoginListener(e -> login(e.getUsername(), e.getPassword(), null));

    code.setId("login-code");
    code.setLabel(getTranslation("login.code"));
    code.setHelperText(getTranslation("login.code.help"));
    code.setAllowedCharPattern("[0-9]");
    code.setMaxLength(6);
    code.setAutofocus(true);
    code.getElement().setAttribute("autocomplete", "one-time-code");
    codeError.setId("login-code-error");
    codeError.getStyle().set("color", "var(--lumo-error-text-color)");
    Button verify = new Button(getTranslation("login.code.submit"), e -> submitCode());
    verify.setId("login-code-submit");
    verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    verify.addClickShortcut(Key.ENTER);
    Button back = new Button(getTranslation("action.cancel"), e -> showPasswordStep());
    back.setId("login-code-cancel");
    back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    codeStep.add(new H3(getTranslation("login.code.title")), code, codeError);
    codeStep.add(new HorizontalLayout(verify, back));
    codeStep.setWidth("20em");
    codeStep.setVisible(false);

    Paragraph where = new Paragraph(getTranslation("login.api", ConsoleSession.apiUrl()));
    where.getStyle().set("color", "var(--lumo-secondary-text-color)");
    companyTab.setId("login-kind-company");
    companyTab.setLabel(getTranslation("login.kind.company"));
    operatorTab.setId("login-kind-operator");
    operatorTab.setLabel(getTranslation("login.kind.operator"));
    kind.setId("login-kind");
    kind.add(companyTab, operatorTab);
    kind.addSelectedChangeListener(e -> showKind());
    operator.setPadding(false);
    operator.setAlignItems(FlexComponent.Alignment.CENTER);
    operator.add(form, codeStep);
    add(new LanguageSwitch(), kind, staff, operator, where);
    kind.setSelectedTab(StaffSignIn.rememberedCompanyPresent() ? companyTab : operatorTab);
    showKind();
  }

  private void showKind() {
    boolean company = kind.getSelectedTab() == companyTab;
    staff.setVisible(company);
    operator.setVisible(!company);
  }

  /** Shows the property company's sign-in (true) or the operator's. */
  void showCompanySignIn(boolean company) {
    kind.setSelectedTab(company ? companyTab : operatorTab);
    showKind();
  }

  /** Whether the property company's sign-in is showing. */
  boolean showsCompanySignIn() {
    return staff.isVisible();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("login.title");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (ConsoleSession.loggedIn()) {
      event.forwardTo(TenantsView.class);
    } else if (PropertySession.signedIn()) {
      event.forwardTo(TodayView.class);
    } else if (event.getLocation().getQueryParameters().getParameters().containsKey("as")) {
      showCompanySignIn(
          event.getLocation().getQueryParameters().getParameters().get("as").contains("company"));
    }
  }

  private void login(String user, String password, String totp) {
    try {
      ConsoleSession.login(user, password, totp);
      pendingUser = null;
      pendingPassword = null;
      getUI().ifPresent(ui -> ui.navigate(TenantsView.class));
    } catch (ApiProblem p) {
      if (p.status() == 401 && "totp-required".equals(p.shortType())) {
        pendingUser = user;
        pendingPassword = password;
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

  private String message(ApiProblem p) {
    return p.status() == 401 ? getTranslation("login.wrong") : Errors.message(p);
  }

  private void submitCode() {
    if (pendingUser == null) {
      showPasswordStep();
      return;
    }
    login(pendingUser, pendingPassword, code.getValue());
  }

  private void showCodeStep(String problem) {
    form.setVisible(false);
    codeStep.setVisible(true);
    code.clear();
    code.focus();
    codeError.setText(problem == null ? "" : problem);
    this.error = problem;
  }

  private void showPasswordStep() {
    pendingUser = null;
    pendingPassword = null;
    codeStep.setVisible(false);
    form.setVisible(true);
    form.setEnabled(true);
    form.setError(false);
  }

  private void failed(String message) {
    showPasswordStep();
    form.setI18n(i18n(message));
    form.setError(true);
  }

  private LoginI18n i18n(String error) {
    LoginI18n i18n = LoginI18n.createDefault();
    LoginI18n.Form f = i18n.getForm();
    f.setTitle(getTranslation("login.title"));
    f.setUsername(getTranslation("login.user"));
    f.setPassword(getTranslation("login.password"));
    f.setSubmit(getTranslation("login.submit"));
    LoginI18n.ErrorMessage message = i18n.getErrorMessage();
    message.setTitle(getTranslation("login.failed"));
    message.setMessage(error == null ? getTranslation("login.wrong") : error);
    this.error = error;
    return i18n;
  }

  /** The message the form (or the code step) shows when in error, null before any failure. */
  String errorMessage() {
    return error;
  }

  /** Whether the second step, the code of the authenticator app, is showing. */
  boolean asksForCode() {
    return codeStep.isVisible();
  }
}
