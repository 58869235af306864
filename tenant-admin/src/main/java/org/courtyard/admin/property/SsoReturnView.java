package org.courtyard.admin.property;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.StaffTokens;
import org.courtyard.admin.property.today.TodayView;
import org.courtyard.admin.ui.Errors;

/**
 * Where the company's single sign-on returns ({@code /sso/<company>#accessToken=...}): the tokens
 * are in the URL fragment, which never reaches a server, so the page reads it in the browser once,
 * removes it from the address bar and history, and signs in with them.
 */
@Route(SsoReturnView.ROUTE)
public final class SsoReturnView extends VerticalLayout
    implements HasUrlParameter<String>, HasDynamicTitle {

  static final String ROUTE = "sso";

  private final Paragraph status = new Paragraph();
  private String company;

  public SsoReturnView() {
    setId("sso-return");
    status.setText(getTranslation("login.sso.wait"));
    add(status);
  }

  @Override
  public void setParameter(BeforeEvent event, String tenant) {
    this.company = tenant;
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    event
        .getUI()
        .getPage()
        .executeJs(
            "const h = window.location.hash;"
                + " history.replaceState(null, '', window.location.pathname);"
                + " return h;")
        .then(String.class, this::finish);
  }

  void finish(String fragment) {
    Optional<StaffTokens> tokens = parse(fragment);
    if (tokens.isEmpty() || company == null) {
      status.setText(getTranslation("login.sso.failed"));
      return;
    }
    try {
      PropertySession.signInWithTokens(company, tokens.get());
      getUI().ifPresent(ui -> ui.navigate(TodayView.class));
    } catch (ApiProblem | ApiUnreachable e) {
      status.setText(Errors.message(e));
    }
  }

  /** The tokens of a fragment {@code #accessToken=..&expiresIn=..&refreshToken=..}. */
  static Optional<StaffTokens> parse(String fragment) {
    if (fragment == null || fragment.isBlank()) {
      return Optional.empty();
    }
    String f = fragment.startsWith("#") ? fragment.substring(1) : fragment;
    Map<String, String> values = new HashMap<>();
    for (String pair : f.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String access = values.get("accessToken");
    if (access == null || access.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new StaffTokens(
            access,
            number(values.get("expiresIn"), 900),
            values.get("refreshToken"),
            number(values.get("refreshExpiresIn"), 0)));
  }

  private static long number(String s, long otherwise) {
    try {
      return s == null ? otherwise : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("login.staff.title");
  }
}
