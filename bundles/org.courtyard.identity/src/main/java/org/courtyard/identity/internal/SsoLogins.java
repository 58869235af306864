package org.courtyard.identity.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.identity.internal.dto.SsoSettingsUpdate;
import org.courtyard.identity.internal.dto.SsoSettingsView;
import org.courtyard.identity.internal.dto.TokenView;

/**
 * Federated sign-in: the authorization-code flow with PKCE against the company's OpenID Connect
 * provider, ending in Courtyard's own session and tokens. The start remembers the sign-in (state,
 * nonce, PKCE verifier, where to return) and binds it to the browser with a cookie; the callback
 * takes it once, exchanges the code, checks the ID token, finds or creates the staff account by the
 * configured claim and opens a session as a password sign-in would. Refused callbacks leave a row
 * in the company's audit log, as refused password sign-ins do.
 */
final class SsoLogins {

  static final String OPERATION = "GET /auth/sso/callback";
  static final String SCOPE = "openid profile email";

  private static final Texts TEXTS = Texts.of(SsoLogins.class);

  /** Where the browser goes next, and the secret its cookie must carry back to the callback. */
  record Start(TenantSlug tenant, URI location, String state, String browserSecret) {}

  /** Courtyard's tokens, and where the browser takes them (null: answered as JSON). */
  record Finish(TenantSlug tenant, TokenView tokens, URI returnTo) {}

  /** Who a refused callback's audit row names: as much as was known when it was refused. */
  private static final class Attempt {
    String userId = "?";
    String name = "";
  }

  private final TenantService tenants;
  private final SsoSettings settings;
  private final SsoRequests requests;
  private final SsoUsers users;
  private final OidcProviders providers;
  private final Sessions sessions;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();

  SsoLogins(TenantService tenants, TenantStores stores, Sessions sessions, AuditLog audit) {
    this.tenants = tenants;
    this.settings = new SsoSettings(stores);
    this.requests = new SsoRequests(stores);
    this.users = new SsoUsers(stores);
    this.providers = new OidcProviders();
    this.sessions = sessions;
    this.audit = audit;
  }

  SsoSettingsView settings(TenantSlug tenant, URI apiBase) {
    return settings.view(tenant, apiBase);
  }

  /** Saves the settings; what was discovered of the old and new provider is fetched again. */
  SsoSettingsView updateSettings(TenantSlug tenant, SsoSettingsUpdate in, URI apiBase) {
    String before = settings.config(tenant).issuer();
    SsoSettingsView after = settings.update(tenant, in, apiBase);
    providers.forget(before);
    providers.forget(after.issuer());
    return after;
  }

  /**
   * Begins a sign-in for company {@code slug}: the provider's authorization address to send the
   * browser to.
   *
   * @param redirect where the browser should get the tokens, or null to get them as JSON
   * @param apiBase the address of {@code /api/v1/} as the browser reached it
   */
  Start start(String slug, String redirect, URI apiBase) {
    TenantSlug tenant = tenant(slug);
    SsoSettings.Config config = settings.config(tenant);
    if (!config.enabled()) {
      throw notConfigured();
    }
    String origin = Origins.of(apiBase).orElseThrow();
    URI returnTo = null;
    if (TextRules.trimToNull(redirect) != null) {
      returnTo =
          Origins.returnTarget(redirect, origin, config.redirectOrigins())
              .orElseThrow(
                  () -> TEXTS.problem(400, "sso-redirect-invalid", "sso.redirect-invalid", origin));
    }
    OidcProviders.Provider provider = providers.provider(config.issuer());
    String state = randomToken();
    String nonce = randomToken();
    String verifier = randomToken();
    String browser = randomToken();
    String redirectUri = apiBase.resolve(SsoResource.callbackPath(tenant)).toString();
    requests.add(
        tenant,
        new SsoRequests.Pending(
            state,
            nonce,
            verifier,
            sha256(browser),
            redirectUri,
            returnTo == null ? null : returnTo.toString(),
            config.version()));
    String endpoint = provider.authorizationEndpoint().toString();
    String location =
        endpoint
            + (provider.authorizationEndpoint().getRawQuery() == null ? "?" : "&")
            + "response_type=code&client_id="
            + form(config.clientId())
            + "&redirect_uri="
            + form(redirectUri)
            + "&scope="
            + form(SCOPE)
            + "&state="
            + state
            + "&nonce="
            + nonce
            + "&code_challenge="
            + challenge(verifier)
            + "&code_challenge_method=S256";
    return new Start(tenant, URI.create(location), state, browser);
  }

  /**
   * Completes a sign-in the provider sent the browser back from.
   *
   * @param browserSecret the value of the start's cookie, null when the browser sent none
   * @param error the provider's refusal ({@code access_denied}, ...), null when it signed in
   */
  Finish finish(
      String slug,
      String code,
      String state,
      String error,
      String browserSecret,
      String source,
      String userAgent) {
    TenantSlug tenant = tenant(slug);
    Attempt who = new Attempt();
    try {
      return complete(tenant, code, state, error, browserSecret, source, userAgent, who);
    } catch (ProblemException refused) {
      audit.record(
          new RequestAudit(
              tenant,
              "staff",
              who.userId,
              who.name,
              OPERATION,
              null,
              List.of(),
              "sign-in",
              TextRules.clip(source, 64),
              null),
          refused.status() + " " + refused.type());
      throw refused;
    }
  }

  private Finish complete(
      TenantSlug tenant,
      String code,
      String state,
      String error,
      String browserSecret,
      String source,
      String userAgent,
      Attempt who) {
    String s = TextRules.trimToNull(state);
    SsoRequests.Pending pending =
        (s == null || s.length() > 100
                ? Optional.<SsoRequests.Pending>empty()
                : requests.take(tenant, s))
            .orElseThrow(() -> stateInvalid(TEXTS.text("sso.state-unknown")));
    if (browserSecret == null
        || !MessageDigest.isEqual(
            sha256(browserSecret).getBytes(StandardCharsets.US_ASCII),
            pending.browserHash().getBytes(StandardCharsets.US_ASCII))) {
      throw stateInvalid(TEXTS.text("sso.state-other-browser"));
    }
    if (TextRules.trimToNull(error) != null) {
      throw TEXTS.problem(
          401, "sso-refused-by-provider", "sso.refused-by-provider", TextRules.quote(error));
    }
    if (TextRules.trimToNull(code) == null || code.length() > 2000) {
      throw TEXTS.problem(400, "sso-code-missing", "sso.code-missing");
    }
    SsoSettings.Config config = settings.config(tenant);
    if (!config.enabled()) {
      throw notConfigured();
    }
    if (config.version() != pending.configVersion()) {
      throw stateInvalid(TEXTS.text("sso.settings-changed"));
    }
    OidcProviders.Provider provider = providers.provider(config.issuer());
    String idToken =
        providers.exchange(
            provider,
            config.clientId(),
            config.clientSecret(),
            code,
            pending.redirectUri(),
            pending.codeVerifier());
    JWTClaimsSet claims = providers.verify(provider, config.clientId(), idToken, pending.nonce());
    String subject = SsoUsers.subjectOf(config, claims);
    who.name = TextRules.clip(subject, 60);
    StaffUsers.Login user = users.account(tenant, config, subject, claims, source);
    who.userId = Long.toString(user.id());
    who.name = user.username();
    if (!StaffUsers.ACTIVE.equals(user.status())) {
      throw Sessions.userDisabled();
    }
    TokenView tokens = sessions.openSession(tenant, user, OPERATION, source, userAgent);
    return new Finish(
        tenant, tokens, pending.returnTo() == null ? null : URI.create(pending.returnTo()));
  }

  /** An existing, active company; unknown ones answer as ones without federated sign-in. */
  private TenantSlug tenant(String slug) {
    String s = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
    Optional<Tenant> tenant = TenantSlug.isValid(s) ? tenants.find(s) : Optional.empty();
    if (tenant.isEmpty()) {
      throw notConfigured();
    }
    if (!Tenant.ACTIVE.equals(tenant.get().status)) {
      throw Sessions.suspended(s);
    }
    return TenantSlug.of(s);
  }

  /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(verifier))). */
  static String challenge(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
  }

  private String randomToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String sha256(String value) {
    return Base64.getEncoder().encodeToString(digest(value));
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ProblemException notConfigured() {
    return TEXTS.problem(400, "sso-not-configured", "sso.not-configured");
  }

  private static ProblemException stateInvalid(Text why) {
    return TEXTS.problem(401, "sso-state-invalid", "sso.state-invalid", why);
  }
}
