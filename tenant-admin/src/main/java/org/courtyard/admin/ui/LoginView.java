package org.courtyard.admin.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;

/** Operator login: user {@code operator} and the password the platform generated. */
@Route("login")
public final class LoginView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {

  private final LoginForm form = new LoginForm();
  private String error;

  public LoginView() {
    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

    form.setId("login");
    form.setI18n(i18n(null));
    form.setForgotPasswordButtonVisible(false);
    form.addLoginListener(e -> login(e.getUsername(), e.getPassword()));

    Paragraph where = new Paragraph(getTranslation("login.api", ConsoleSession.apiUrl()));
    where.getStyle().set("color", "var(--lumo-secondary-text-color)");
    add(new LanguageSwitch(), form, where);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("login.title");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (ConsoleSession.loggedIn()) {
      event.forwardTo(TenantsView.class);
    }
  }

  private void login(String user, String password) {
    try {
      ConsoleSession.login(user, password);
      getUI().ifPresent(ui -> ui.navigate(TenantsView.class));
    } catch (ApiProblem p) {
      form.setI18n(i18n(p.status() == 401 ? getTranslation("login.wrong") : Errors.message(p)));
      form.setError(true);
    } catch (ApiUnreachable u) {
      form.setI18n(i18n(Errors.message(u)));
      form.setError(true);
    }
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

  /** The message the form shows when it is in error, null before any failed login. */
  String errorMessage() {
    return error;
  }
}
