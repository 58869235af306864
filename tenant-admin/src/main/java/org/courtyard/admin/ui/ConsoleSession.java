package org.courtyard.admin.ui;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.courtyard.admin.AdminConfig;
import org.courtyard.admin.AdminServer;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.OperatorApi;

/**
 * The operator's login, kept in the HTTP session: the console holds the credential only there and
 * checks it by calling the API, which is the one that knows the password.
 */
public final class ConsoleSession {

  private static final String API = ConsoleSession.class.getName() + ".api";

  private ConsoleSession() {}

  /** The API root this console talks to: the web app's setting, else env/system properties. */
  public static String apiUrl() {
    VaadinService service = VaadinService.getCurrent();
    if (service instanceof VaadinServletService servlet && servlet.getServlet() != null) {
      String configured =
          servlet.getServlet().getServletContext().getInitParameter(AdminServer.API_URL_ATTRIBUTE);
      if (configured != null && !configured.isBlank()) {
        return configured;
      }
    }
    return AdminConfig.resolve(System.getenv(), System.getProperties()).apiUrl();
  }

  public static Optional<OperatorApi> api() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((OperatorApi) session.getAttribute(API));
  }

  /** The logged-in API client; views behind the login only run when there is one. */
  public static OperatorApi requireApi() {
    return api().orElseThrow(() -> new IllegalStateException("not logged in"));
  }

  public static boolean loggedIn() {
    return api().isPresent();
  }

  /**
   * Checks the credential against the API. Returns normally when it is accepted; throws {@link
   * ApiProblem} (401 for a wrong password) or {@link org.courtyard.admin.api.ApiUnreachable}.
   */
  public static void login(String user, String password) {
    if (!OperatorApi.USER.equals(user)) {
      throw new ApiProblem(401, "urn:courtyard:problem:unauthorized", "Unauthorized", null);
    }
    OperatorApi api = new OperatorApi(apiUrl(), password);
    api.tenants();
    VaadinSession session = VaadinSession.getCurrent();
    // A new session id after login, against session fixation.
    VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
    VaadinSession.getCurrent().setAttribute(API, api);
    if (session != VaadinSession.getCurrent()) {
      session.setAttribute(API, null);
    }
  }

  public static void logout() {
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(API, null);
    if (session.getSession() != null) {
      session.getSession().invalidate();
    }
  }
}
