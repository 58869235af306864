package org.courtyard.identity.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.identity.internal.dto.TokenView;

/**
 * Sign-in through the company's own identity provider, under {@code /api/v1/auth/sso/{tenant}}: the
 * browser opens {@code start}, signs in at the provider, comes back to {@code callback} and leaves
 * with Courtyard's tokens, in the fragment of the address it asked to return to or, when it named
 * none, as JSON. Both need no credential.
 */
@Path("sso/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public final class SsoResource implements TenantExtension {

  /** The cookie that ties a callback to the browser that started it, per sign-in. */
  static final String COOKIE_PREFIX = "cy_sso_";

  /** How much of the state names the cookie: enough to tell sign-ins apart. */
  private static final int COOKIE_ID = 12;

  private final SsoLogins sso;

  SsoResource(SsoLogins sso) {
    this.sso = sso;
  }

  @Override
  public String path() {
    return AuthResource.PATH;
  }

  @Override
  public Set<String> publicPaths() {
    return Set.of("sso/{tenant}/start", "sso/{tenant}/callback");
  }

  /** The callback's address relative to {@code /api/v1/}: the redirect URI at the provider. */
  static String callbackPath(TenantSlug tenant) {
    return AuthResource.PATH + "/sso/" + tenant.value() + "/callback";
  }

  static String startPath(TenantSlug tenant) {
    return AuthResource.PATH + "/sso/" + tenant.value() + "/start";
  }

  @Doc(
      summary = "Start signing in through the company's identity provider",
      description =
          "Answers 302 to the company's OpenID Connect provider (authorization code with PKCE,"
              + " scope openid profile email) and sets a cookie that the callback needs, valid 10"
              + " minutes. redirect (optional): where the browser gets the tokens, on this"
              + " server's origin or on one the company allows; without it the callback answers"
              + " JSON. 400 sso-not-configured, sso-redirect-invalid; 502"
              + " sso-provider-unavailable.",
      status = 302)
  @GET
  @Path("start")
  public Response startSso(
      @Context HttpServletRequest http,
      @Context UriInfo uri,
      @PathParam("tenant") String tenant,
      @QueryParam("redirect") String redirect) {
    URI api = apiBase(http, uri);
    SsoLogins.Start start = sso.start(tenant, redirect, api);
    return Response.status(Response.Status.FOUND)
        .location(start.location())
        .header(
            HttpHeaders.SET_COOKIE,
            cookie(
                api,
                start.tenant(),
                start.state(),
                start.browserSecret(),
                SsoRequests.LIFETIME.toSeconds()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @Doc(
      summary = "Finish signing in through the company's identity provider",
      description =
          "Where the provider sends the browser back (register this address there). Exchanges"
              + " the code, checks the ID token (signature, issuer, audience, expiry, nonce),"
              + " finds the staff account by the configured claim (or creates it when the company"
              + " allows) and opens a session: 302 to the start's redirect with accessToken,"
              + " tokenType, expiresIn, refreshToken and refreshExpiresIn in the fragment, or the"
              + " tokens as JSON. 400 sso-not-configured, sso-code-missing; 401 sso-state-invalid,"
              + " sso-refused-by-provider, sso-token-refused, sso-id-token-invalid,"
              + " sso-claim-missing, sso-claim-invalid, sso-email-unverified, sso-user-unknown,"
              + " sso-user-ambiguous; 403 user-disabled; 502 sso-provider-unavailable.",
      returns = TokenView.class)
  @GET
  @Path("callback")
  public Response finishSso(
      @Context HttpServletRequest http,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @PathParam("tenant") String tenant,
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @QueryParam("error") String error) {
    URI api = apiBase(http, uri);
    Cookie browser =
        state == null || state.length() < COOKIE_ID
            ? null
            : headers.getCookies().get(COOKIE_PREFIX + state.substring(0, COOKIE_ID));
    SsoLogins.Finish done =
        sso.finish(
            tenant,
            code,
            state,
            error,
            browser == null ? null : browser.getValue(),
            http.getRemoteAddr(),
            http.getHeader(HttpHeaders.USER_AGENT));
    Response.ResponseBuilder answer =
        done.returnTo() == null
            ? Response.ok(done.tokens(), MediaType.APPLICATION_JSON_TYPE)
            : Response.status(Response.Status.FOUND)
                .location(URI.create(done.returnTo() + "#" + fragment(done.tokens())));
    return answer
        .header(HttpHeaders.SET_COOKIE, cookie(api, done.tenant(), state, "", 0))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static String fragment(TokenView t) {
    return "accessToken="
        + enc(t.accessToken())
        + "&tokenType="
        + enc(t.tokenType())
        + "&expiresIn="
        + t.expiresIn()
        + "&refreshToken="
        + enc(t.refreshToken())
        + "&refreshExpiresIn="
        + t.refreshExpiresIn()
        + (t.secondFactorSetupRequired() ? "&secondFactorSetupRequired=true" : "");
  }

  /**
   * The cookie only the callback of this company sees (HttpOnly, SameSite=Lax: sent when the
   * provider redirects the browser back, not on other sites' requests), named after the sign-in so
   * that sign-ins in two tabs do not replace each other's.
   */
  private static String cookie(
      URI api, TenantSlug tenant, String state, String value, long maxAge) {
    return COOKIE_PREFIX
        + state.substring(0, COOKIE_ID)
        + "="
        + value
        + "; Path="
        + api.getRawPath()
        + AuthResource.PATH
        + "/sso/"
        + tenant.value()
        + "/callback; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Lax"
        + ("https".equalsIgnoreCase(api.getScheme()) ? "; Secure" : "");
  }

  /**
   * The address of {@code /api/v1/} as the caller reached it: scheme, host and port of this request
   * (CXF's base address keeps the host of whichever request reached the server first), the path of
   * the server's base.
   */
  static URI apiBase(HttpServletRequest http, UriInfo uri) {
    URI url = URI.create(http.getRequestURL().toString());
    String path = uri.getBaseUri().getRawPath();
    return URI.create(
            url.getScheme()
                + "://"
                + url.getRawAuthority()
                + (path.endsWith("/") ? path : path + "/"))
        .resolve("../");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
