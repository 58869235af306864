package org.courtyard.admin.property;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.StaffMe;
import org.courtyard.admin.api.StaffTokens;
import org.courtyard.admin.api.Tenant;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.ui.ConsoleSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A property company's staff member's sign-in, kept in the HTTP session: the {@link TenantApi}
 * (access and refresh token, never the password) and who is signed in with the permissions held and
 * where. Screens ask {@link #can} before offering anything and {@link #scope} for where.
 */
public final class PropertySession {

  private static final Logger LOG = LoggerFactory.getLogger(PropertySession.class);
  private static final String STATE = PropertySession.class.getName() + ".state";
  private static final String PLATFORM = "identity";

  /**
   * What the session holds for the signed-in staff member; {@code modules} are the company's
   * enabled modules, null when the staff member may not read them.
   */
  record State(
      TenantApi api,
      StaffMe me,
      String companyName,
      Map<Long, String> estateNames,
      Set<String> modules)
      implements Serializable {}

  private PropertySession() {}

  public static boolean signedIn() {
    return state().isPresent();
  }

  /** The signed-in client; screens behind the login only run when there is one. */
  public static TenantApi api() {
    return require().api();
  }

  /** Who is signed in, with the permissions and their scopes as the API answered at sign-in. */
  public static StaffMe me() {
    return require().me();
  }

  /**
   * Whether the signed-in staff member holds the permission in any scope, and the module it belongs
   * to (its first segment; {@code identity} is the platform's) is enabled for the company: a screen
   * of a module the company has not enabled is not offered.
   */
  public static boolean can(String permission) {
    return state().map(s -> s.me().can(permission) && enabled(s, permission)).orElse(false);
  }

  private static boolean enabled(State s, String permission) {
    int dot = permission.indexOf('.');
    if (s.modules() == null || dot < 0) {
      return true;
    }
    String module = permission.substring(0, dot);
    return PLATFORM.equals(module) || s.modules().contains(module);
  }

  /** The company's enabled modules as read at sign-in or the last {@link #refreshModules}. */
  public static Optional<Set<String>> modules() {
    return state().map(State::modules);
  }

  /** Reads the company's modules again, after they changed (the menu follows on the next page). */
  public static void refreshModules() {
    VaadinSession session = VaadinSession.getCurrent();
    State s = require();
    Tenant t = tenant(s.api(), s.me());
    session.setAttribute(
        STATE,
        new State(
            s.api(),
            s.me(),
            s.companyName(),
            s.estateNames(),
            t == null ? s.modules() : Set.copyOf(t.modules())));
  }

  /** Where the permission is held: the whole company, or some estates and buildings. */
  public static Optional<StaffMe.Held> scope(String permission) {
    return state().flatMap(s -> s.me().scopeOf(permission));
  }

  /** The company's name, or its slug when the staff member may not read the company. */
  public static String companyName() {
    return require().companyName();
  }

  /** Estate names by id for the estates in any of the user's scopes (empty when unknown). */
  public static Map<Long, String> estateNames() {
    return require().estateNames();
  }

  /**
   * Signs in through the API. Returns normally when it accepted; throws {@link ApiProblem} (401
   * {@code invalid-credentials}, {@code totp-required}, {@code totp-invalid}; 403; 429) or {@link
   * ApiUnreachable}.
   */
  public static void signIn(String company, String user, String password, String totp) {
    start(TenantApi.signIn(ConsoleSession.apiUrl(), company, user, password, totp));
  }

  /** Signs in with the tokens the company's single sign-on returned. */
  public static void signInWithTokens(String company, StaffTokens tokens) {
    start(TenantApi.withTokens(ConsoleSession.apiUrl(), company, tokens));
  }

  private static void start(TenantApi api) {
    StaffMe me = api.me();
    Tenant tenant = tenant(api, me);
    State state =
        new State(
            api,
            me,
            companyName(api, me, tenant),
            estateNames(api, me),
            tenant == null ? null : Set.copyOf(tenant.modules()));
    VaadinSession session = VaadinSession.getCurrent();
    // A new session id after sign-in, against session fixation.
    VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
    VaadinSession current = VaadinSession.getCurrent();
    current.setAttribute(STATE, state);
    if (session != current) {
      session.setAttribute(STATE, null);
    }
  }

  /** Ends the session on the platform (best effort) and forgets it here. */
  public static void signOut() {
    VaadinSession session = VaadinSession.getCurrent();
    state()
        .ifPresent(
            s -> {
              try {
                s.api().signOut();
              } catch (RuntimeException e) {
                // expired or unreachable: the tokens are forgotten here either way
                LOG.debug("Signing out on the platform failed: {}", e.toString());
              }
            });
    session.setAttribute(STATE, null);
    if (session.getSession() != null) {
      session.getSession().invalidate();
    }
  }

  private static Optional<State> state() {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null) {
      return Optional.empty();
    }
    State s = (State) session.getAttribute(STATE);
    if (s != null && s.api().signedOut()) {
      // the platform ended the session (refresh refused): sign in again
      session.setAttribute(STATE, null);
      return Optional.empty();
    }
    return Optional.ofNullable(s);
  }

  private static State require() {
    return state().orElseThrow(() -> new IllegalStateException("not signed in"));
  }

  /** The company as the API shows it, or null when the staff member may not read it. */
  private static Tenant tenant(TenantApi api, StaffMe me) {
    if (!me.can("identity.tenant.read")) {
      return null;
    }
    try {
      return api.get("tenant", Tenant.class);
    } catch (ApiProblem | ApiUnreachable e) {
      LOG.debug("Company not read: {}", e.toString());
      return null;
    }
  }

  private static String companyName(TenantApi api, StaffMe me, Tenant t) {
    if (t != null && t.name() != null && !t.name().isBlank()) {
      return t.name();
    }
    return me.tenant() == null ? api.tenant() : me.tenant();
  }

  /** The estates' names for the scope line; ids stay ids when they cannot be read. */
  private static Map<Long, String> estateNames(TenantApi api, StaffMe me) {
    TreeSet<Long> wanted = new TreeSet<>();
    me.permissions().forEach(h -> wanted.addAll(h.estates()));
    Map<Long, String> names = new LinkedHashMap<>();
    if (wanted.isEmpty() || !me.can("estate.estate.read")) {
      return names;
    }
    try {
      List<EstateName> estates =
          api.page("estate/estates", Map.of("limit", 500), EstateName.class).items();
      for (EstateName e : estates) {
        if (wanted.contains(e.id())) {
          names.put(e.id(), e.name());
        }
      }
    } catch (ApiProblem | ApiUnreachable e) {
      LOG.debug("Estate names not read: {}", e.toString());
    }
    return names;
  }

  /** Only what the scope line needs of an estate. */
  record EstateName(long id, String name) implements Serializable {}
}
