package org.courtyard.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.SignedIn;
import org.courtyard.admin.api.TotpSetup;

/**
 * The signed-in operator's own account: name and role, and the second factor. Setting it up shows
 * the secret as a QR code (drawn on the server), as text and as its {@code otpauth://} URI; a first
 * code from the app turns it on, and from then on the sign-in asks for a code. Any role may do this
 * for itself.
 */
@Route(value = "account", layout = MainLayout.class)
public final class MyAccountView extends VerticalLayout implements HasDynamicTitle {

  private final OperatorApi api = ConsoleSession.requireApi();
  private final Span status = new Span();
  private final Div setup = new Div();
  private final TextField code = new TextField();
  private final Button start = new Button();
  private final Button confirm = new Button();
  private final Button turnOff = new Button();
  private final Div qr = new Div();
  private TotpSetup pending;

  public MyAccountView() {
    setSizeFull();
    add(new H2(getTranslation("account.title")));
    SignedIn me = ConsoleSession.me();
    Paragraph who =
        new Paragraph(
            getTranslation(
                "account.who", me.username(), Texts.state("operators.role.", me.role())));
    who.setId("account-who");
    add(who, new H3(getTranslation("account.totp.title")));
    status.setId("account-totp-status");
    add(status);

    start.setText(getTranslation("account.totp.setUp"));
    start.setId("totp-set-up");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.addClickListener(e -> setUp());

    code.setId("totp-code");
    code.setLabel(getTranslation("login.code"));
    code.setAllowedCharPattern("[0-9]");
    code.setMaxLength(6);
    confirm.setText(getTranslation("account.totp.confirm"));
    confirm.setId("totp-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    confirm.addClickListener(e -> confirm());
    turnOff.setText(getTranslation("account.totp.turnOff"));
    turnOff.setId("totp-turn-off");
    turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
    turnOff.addClickListener(e -> turnOff());

    setup.setId("totp-setup");
    qr.setId("totp-qr");
    HorizontalLayout codeRow = new HorizontalLayout(code, confirm, turnOff);
    codeRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    add(start, setup, codeRow);
    show(me);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("account.title");
  }

  private void show(SignedIn me) {
    status.setText(getTranslation(me.totp() ? "account.totp.on" : "account.totp.off"));
    start.setVisible(!me.totp() && pending == null);
    setup.setVisible(pending != null);
    confirm.setVisible(!me.totp() && pending != null);
    turnOff.setVisible(me.totp());
    code.setVisible(me.totp() || pending != null);
    code.clear();
  }

  private void setUp() {
    try {
      pending = api.setUpTotp();
      setup.removeAll();
      qr.getElement().setProperty("innerHTML", QrSvg.of(pending.uri(), 200));
      Span secret = new Span(pending.secret());
      secret.setId("totp-secret");
      secret.getStyle().set("font-family", "monospace").set("user-select", "all");
      Span uri = new Span(pending.uri());
      uri.setId("totp-uri");
      uri.getStyle()
          .set("font-family", "monospace")
          .set("font-size", "var(--lumo-font-size-xs)")
          .set("word-break", "break-all")
          .set("user-select", "all");
      setup.add(
          new Paragraph(getTranslation("account.totp.scan")),
          qr,
          new Paragraph(getTranslation("account.totp.secret")),
          secret,
          new Paragraph(getTranslation("account.totp.uri")),
          uri,
          new Paragraph(getTranslation("account.totp.enterCode")));
      show(ConsoleSession.me());
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  private void confirm() {
    try {
      api.confirmTotp(code.getValue());
      pending = null;
      setup.removeAll();
      ConsoleSession.refreshMe();
      Errors.success(getTranslation("account.totp.enabled"));
      show(ConsoleSession.me());
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  private void turnOff() {
    try {
      api.disableTotp(code.getValue());
      ConsoleSession.refreshMe();
      Errors.success(getTranslation("account.totp.disabled"));
      show(ConsoleSession.me());
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  /** The QR code's SVG while a set-up is showing, for tests. */
  String qrSvg() {
    return qr.getElement().getProperty("innerHTML");
  }
}
