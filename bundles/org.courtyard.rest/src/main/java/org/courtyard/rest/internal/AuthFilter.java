package org.courtyard.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.courtyard.api.Authenticator;
import org.courtyard.api.Languages;
import org.courtyard.api.MinuteCounter;
import org.courtyard.api.OperatorSessions;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RetryLaterException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.CallerVerifier;
import org.courtyard.api.rest.TenantPrincipal;
import org.slf4j.MDC;

/**
 * Establishes who is calling, from the credential alone. One instance per server, configured with
 * the kind of caller that server accepts: operators (HTTP Basic, or a Bearer session token {@code
 * cyo_...} from the operator sign-in) never reach tenant endpoints and tenant tokens (Bearer) never
 * reach operator endpoints. Failed credentials are throttled per client address and per account by
 * the {@link Authenticator}; its refusals (429 after too many failures, 503 while too many
 * verifications run) carry {@code Retry-After}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Texts TEXTS = Texts.of(AuthFilter.class);

  enum Audience {
    PUBLIC,
    OPERATOR,
    TENANT
  }

  private static final String OPERATOR_CHALLENGE =
      "Basic realm=\"courtyard-operator\", Bearer realm=\"courtyard-operator\"";

  private final Authenticator authenticator;
  private final OperatorSessions sessions;
  private final Supplier<CallerVerifier> callers;
  private final Audience audience;
  private final String module;
  private final Set<String> publicPaths;
  private final ModuleGate gate;
  private final MinuteCounter served;

  /**
   * @param callers the verifier of signed-in callers' tokens, null while identity is not running
   * @param module the module a tenant must have enabled to use this server, or null
   * @param publicPaths paths of this server anyone may call without a credential
   */
  AuthFilter(
      Authenticator authenticator,
      OperatorSessions sessions,
      Supplier<CallerVerifier> callers,
      Audience audience,
      String module,
      Set<String> publicPaths,
      ModuleGate gate,
      MinuteCounter served) {
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.callers = callers;
    this.audience = audience;
    this.module = module;
    this.publicPaths = publicPaths;
    this.gate = gate;
    this.served = served;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      authenticate(request);
    } catch (RetryLaterException e) {
      // Problems adds its Retry-After
      request.abortWith(
          Problems.response(e, request.getUriInfo().getRequestUri().getPath(), language(request)));
    }
  }

  private void authenticate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if ((audience == Audience.PUBLIC && isPublic(path)) || isListed(publicPaths, strip(path))) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (audience == Audience.OPERATOR) {
      authenticateOperator(request, header);
      return;
    }
    Optional<String> token = bearer(header);
    Optional<TenantPrincipal> caller = token.flatMap(this::caller);
    if (caller.isEmpty()) {
      abort(
          request,
          token.isEmpty()
              ? "Bearer realm=\"courtyard\""
              : "Bearer realm=\"courtyard\", error=\"invalid_token\"",
          token.isEmpty()
              ? TEXTS.text("auth.credential-needed")
              : TEXTS.text("auth.token-unknown"));
      return;
    }
    Optional<TenantSlug> tenant = caller.map(TenantPrincipal::tenant);
    if (module != null && !gate.isEnabled(tenant.get(), module)) {
      throw TEXTS.problem(
          404, "module-not-enabled", "auth.module-not-enabled", module, tenant.get());
    }
    MDC.put("tenant", tenant.get().value());
    request.setSecurityContext(
        new CallerContext(
            caller.get(), request.getSecurityContext().isSecure(), "tenant", "Bearer"));
  }

  /**
   * An operator: a session token from {@code POST /operator/sign-in} as Bearer, or HTTP Basic for
   * an account without a second factor (one with a factor gets 401 {@code
   * operator-sign-in-required} pointing at the sign-in, however right its password).
   */
  private void authenticateOperator(ContainerRequestContext request, String header) {
    Optional<String> token = bearer(header);
    String operator = null;
    String scheme;
    if (token.isPresent()) {
      scheme = "Bearer";
      operator = sessions.operatorOfSession(token.get(), source()).orElse(null);
    } else {
      scheme = SecurityContext.BASIC_AUTH;
      String[] basic = basic(header);
      try {
        if (basic != null && authenticator.isOperator(basic[0], basic[1], source())) {
          operator = basic[0];
        }
      } catch (RetryLaterException e) {
        throw e;
      } catch (ProblemException e) {
        refuse(request, e, HttpHeaders.WWW_AUTHENTICATE, OPERATOR_CHALLENGE);
        return;
      }
    }
    if (operator == null) {
      abort(
          request,
          token.isPresent()
              ? "Bearer realm=\"courtyard-operator\", error=\"invalid_token\""
              : OPERATOR_CHALLENGE,
          token.isPresent()
              ? TEXTS.text("auth.operator-session-unknown")
              : TEXTS.text("auth.operator-credential-needed"));
      return;
    }
    String name = operator;
    request.setSecurityContext(
        new CallerContext(() -> name, request.getSecurityContext().isSecure(), "operator", scheme));
  }

  /** An owner token {@code cy_...} through the registry, anything else through identity. */
  private Optional<TenantPrincipal> caller(String token) {
    if (token.startsWith("cy_")) {
      return authenticator
          .tenantOfToken(token, source())
          .map(t -> new TenantPrincipal(t, tokenId(token)));
    }
    CallerVerifier verifier = callers.get();
    return verifier == null ? Optional.empty() : verifier.verify(token, source());
  }

  /**
   * Whether {@code path} is one of {@code templates}: literally, or with a {@code {name}} segment
   * of a template standing for any one segment ({@code sso/{tenant}/start}).
   */
  static boolean isListed(Set<String> templates, String path) {
    if (templates.contains(path)) {
      return true;
    }
    String[] segments = path.split("/", -1);
    for (String template : templates) {
      if (template.indexOf('{') < 0) {
        continue;
      }
      String[] parts = template.split("/", -1);
      if (parts.length != segments.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < parts.length && match; i++) {
        match =
            parts[i].startsWith("{") && parts[i].endsWith("}")
                ? !segments[i].isEmpty()
                : parts[i].equals(segments[i]);
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /**
   * Log lines written while serving a tenant carry its slug; the thread goes back to the pool
   * clean. Every response, refusals included, counts as served for the operator's traffic chart.
   */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MDC.remove("tenant");
    served.add(1);
  }

  /** The client's address as the server saw it (no proxy headers: anyone can write those). */
  static String source() {
    Message message = JAXRSUtils.getCurrentMessage();
    Object http = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
    return http instanceof HttpServletRequest ? ((HttpServletRequest) http).getRemoteAddr() : null;
  }

  /** The public id part of a {@code cy_<id>_<secret>} token, for audit trails; never the secret. */
  static String tokenId(String token) {
    return token.length() > 19 ? token.substring(3, 19) : "?";
  }

  /** Ping and the OpenAPI document are the only endpoints anyone may call. */
  static boolean isPublic(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.equals("ping") || p.equals("openapi.json");
  }

  private static void abort(ContainerRequestContext request, String challenge, Text detail) {
    ProblemException p =
        new ProblemException(401, "unauthorized", TEXTS.title("unauthorized"), detail, Map.of());
    refuse(request, p, HttpHeaders.WWW_AUTHENTICATE, challenge);
  }

  private static void refuse(
      ContainerRequestContext request, ProblemException p, String header, Object value) {
    String instance = request.getUriInfo().getRequestUri().getPath();
    request.abortWith(
        Response.fromResponse(Problems.response(p, instance, language(request)))
            .header(header, value)
            .build());
  }

  /** The language the client asked for, for a refusal made before any resource ran. */
  private static java.util.Locale language(ContainerRequestContext request) {
    return Languages.fromAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Optional<String> bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).trim());
  }
}
