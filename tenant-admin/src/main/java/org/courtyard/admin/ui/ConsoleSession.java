package org.courtyard.admin.ui;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.courtyard.admin.AdminConfig;
import org.courtyard.admin.AdminServer;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's sign-in, kept in the HTTP session: the console signs in through the API (name,
 * password and, for an account with a second factor, a code) and holds only the session token the
 * API answers, never the password; signing out ends that session on the platform too.
 */
public final class ConsoleSession {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);
  private static final String API = ConsoleSession.class.getName() + ".api";
  private static final String ME = ConsoleSession.class.getName() + ".me";

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

  /** The signed-in API client; views behind the login only run when there is one. */
  public static OperatorApi requireApi() {
    return api().orElseThrow(() -> new IllegalStateException("not logged in"));
  }

  /** Who is signed in: name, role, whether the second factor is on. */
  public static SignedIn me() {
    VaadinSession session = VaadinSession.getCurrent();
    SignedIn me = session == null ? null : (SignedIn) session.getAttribute(ME);
    if (me == null) {
      throw new IllegalStateException("not logged in");
    }
    return me;
  }

  /** Whether the signed-in operator may only look (the support role). */
  public static boolean readOnly() {
    return me().readOnly();
  }

  /** Reads who is signed in again, after a change to the own account (the second factor). */
  public static void refreshMe() {
    VaadinSession.getCurrent().setAttribute(ME, requireApi().me());
  }

  public static boolean loggedIn() {
    return api().isPresent();
  }

  /**
   * Signs in through the API. Returns normally when it accepted; throws {@link
   * org.courtyard.admin.api.ApiProblem} (401 {@code invalid-credentials}, {@code totp-required},
   * {@code totp-invalid}; 429 when locked out) or {@link org.courtyard.admin.api.ApiUnreachable}.
   */
  public static void login(String user, String password, String totp) {
    OperatorApi api = OperatorApi.signIn(apiUrl(), user, password, totp);
    SignedIn me = api.me();
    VaadinSession session = VaadinSession.getCurrent();
    // A new session id after login, against session fixation.
    VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
    VaadinSession current = VaadinSession.getCurrent();
    current.setAttribute(API, api);
    current.setAttribute(ME, me);
    if (session != current) {
      session.setAttribute(API, null);
      session.setAttribute(ME, null);
    }
  }

  /** Ends the session on the platform (best effort) and forgets it here. */
  public static void logout() {
    VaadinSession session = VaadinSession.getCurrent();
    api()
        .ifPresent(
            api -> {
              try {
                api.signOut();
              } catch (RuntimeException e) {
                // expired or unreachable: the token is forgotten here either way
                LOG.debug("Signing out on the platform failed: {}", e.toString());
              }
            });
    session.setAttribute(API, null);
    session.setAttribute(ME, null);
    if (session.getSession() != null) {
      session.getSession().invalidate();
    }
  }
}
