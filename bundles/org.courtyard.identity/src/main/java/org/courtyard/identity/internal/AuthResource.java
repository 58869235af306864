package org.courtyard.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.PermissionDef;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.identity.internal.dto.CallerView;
import org.courtyard.identity.internal.dto.CodeInput;
import org.courtyard.identity.internal.dto.CodeSentView;
import org.courtyard.identity.internal.dto.LoginInput;
import org.courtyard.identity.internal.dto.RefreshInput;
import org.courtyard.identity.internal.dto.ResidentCodeInput;
import org.courtyard.identity.internal.dto.ResidentVerifyInput;
import org.courtyard.identity.internal.dto.TokenView;
import org.courtyard.identity.internal.dto.TotpSetupView;

/**
 * Sign-in under {@code /api/v1/auth}: a staff member's company, user name and password give an
 * access token for 15 minutes and a refresh token for 30 days; the public keys that verify access
 * tokens are published as a JWKS. Signing in, refreshing and the keys need no credential.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource implements TenantExtension {

  static final String PATH = "auth";
  private static final Texts TEXTS = Texts.of(AuthResource.class);

  private final Sessions sessions;
  private final StaffUsers users;
  private final AccessTokens tokens;
  private final SigningKeys keys;
  private final PermissionCatalog catalog;
  private final SecondFactor secondFactor;
  private final ResidentSignIn residents;
  private final ResidentAccounts residentAccounts;
  private final PersonLanguages languages;

  AuthResource(
      Sessions sessions,
      StaffUsers users,
      AccessTokens tokens,
      SigningKeys keys,
      PermissionCatalog catalog,
      SecondFactor secondFactor,
      ResidentSignIn residents,
      ResidentAccounts residentAccounts,
      PersonLanguages languages) {
    this.languages = languages;
    this.residents = residents;
    this.residentAccounts = residentAccounts;
    this.secondFactor = secondFactor;
    this.sessions = sessions;
    this.users = users;
    this.tokens = tokens;
    this.keys = keys;
    this.catalog = catalog;
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public Set<String> publicPaths() {
    return Set.of("login", "refresh", "jwks.json", "resident/code", "resident/verify");
  }

  @Doc(
      summary = "Sign in",
      description =
          "A staff member's company (tenant slug), user name and password give an access token"
              + " (Bearer, 15 minutes) and a refresh token (30 days, one use). 401"
              + " invalid-credentials, 403 user-disabled or tenant-suspended, 429 after too many"
              + " failures.")
  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenView login(@Context HttpServletRequest http, LoginInput input) {
    return sessions.login(
        Params.body(input), http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
  }

  @Doc(
      summary = "Ask for a resident's sign-in code",
      description =
          "Sends a six-digit code, valid 5 minutes, to the resident's phone number or e-mail"
              + " address. The answer is the same whether or not the address belongs to a"
              + " resident. 429 too-many-codes (one a minute, five an hour per address), 422"
              + " invalid-address, 503 code-not-sent.",
      status = 202,
      returns = CodeSentView.class)
  @POST
  @Path("resident/code")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response residentCode(@Context HttpServletRequest http, ResidentCodeInput input) {
    return Response.accepted(residents.requestCode(Params.body(input), http.getRemoteAddr()))
        .build();
  }

  @Doc(
      summary = "Sign a resident in with the code",
      description =
          "The address and the code give a resident's access token and refresh token; the"
              + " resident's account is made on first sign-in. 401 invalid-code (five tries),"
              + " 409 choose-person when several residents share the address (send personId),"
              + " 403 resident-disabled.")
  @POST
  @Path("resident/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenView residentVerify(@Context HttpServletRequest http, ResidentVerifyInput input) {
    return residents.verify(
        Params.body(input), http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
  }

  @Doc(
      summary = "Refresh the tokens",
      description =
          "Exchanges a refresh token, once, for a new access token and the next refresh token. A"
              + " refresh token used twice ends its session. 401 invalid-refresh-token.")
  @POST
  @Path("refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenView refresh(RefreshInput input) {
    return sessions.refresh(Params.body(input).refreshToken());
  }

  @Doc(
      summary = "Sign out",
      description =
          "Ends the session of the access token: its refresh token stops working and so does the"
              + " access token, at once.")
  @Permission(Permission.SELF)
  @POST
  @Path("logout")
  public void logout(
      @Context SecurityContext security,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    TenantPrincipal caller = signedIn(security);
    sessions.logout(caller.tenant(), sessionOf(authorization));
  }

  @Doc(
      summary = "Sign out everywhere",
      description = "Ends every session of the signed-in user, on every device.")
  @Permission(Permission.SELF)
  @POST
  @Path("logout-all")
  public void logoutAll(
      @Context SecurityContext security,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    TenantPrincipal caller = signedIn(security);
    if (caller.kind() == TenantPrincipal.Kind.RESIDENT) {
      residentAccounts.signOutEverywhere(caller.tenant(), accountOf(authorization));
    } else {
      users.signOutEverywhere(caller.tenant(), Long.parseLong(caller.subject()));
    }
  }

  @Doc(
      summary = "Who am I",
      description =
          "The caller of this credential and, for each permission it holds, where: the whole"
              + " company or some estates and buildings.")
  @Permission(Permission.SELF)
  @GET
  @Path("me")
  public CallerView me(@Context SecurityContext security) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    List<CallerView.Held> held = new ArrayList<>();
    for (PermissionDef def : catalog.all()) {
      caller
          .scopeFor(def.id())
          .ifPresent(
              scope ->
                  held.add(
                      new CallerView.Held(
                          def.id(),
                          scope.isAll() ? "company" : def.forResidents() ? "own" : "some",
                          List.copyOf(scope.estates()),
                          List.copyOf(scope.buildings()))));
    }
    String displayName = caller.name();
    String language = null;
    if (caller.kind() == TenantPrincipal.Kind.STAFF) {
      long id = Long.parseLong(caller.subject());
      displayName = users.get(caller.tenant(), id).displayName();
      language = languages.get(caller.tenant(), false, id);
    } else if (caller.kind() == TenantPrincipal.Kind.RESIDENT) {
      language = languages.get(caller.tenant(), true, Long.parseLong(caller.subject()));
    }
    return new CallerView(
        caller.tenant().value(),
        caller.kind().name().toLowerCase(java.util.Locale.ROOT),
        caller.subject(),
        caller.name(),
        displayName,
        language,
        held);
  }

  @Doc(
      summary = "Choose the language you are written to in",
      description =
          "{\"language\": \"zh\" or \"en\"}: the messages the modules send you (a work order"
              + " dispatched to you, a step of an order you reported) are written in it; until"
              + " you choose, they come in both. For a signed-in staff member or resident; 409"
              + " not-signed-in for an owner token or an API key, which are nobody's. 422"
              + " validation-failed for another language.")
  @Permission(Permission.SELF)
  @PUT
  @Path("me/language")
  @Consumes(MediaType.APPLICATION_JSON)
  public CallerView setLanguage(
      @Context SecurityContext security, org.courtyard.identity.internal.dto.LanguageInput input) {
    TenantPrincipal caller = signedIn(security);
    boolean resident = caller.kind() == TenantPrincipal.Kind.RESIDENT;
    languages.set(
        caller.tenant(),
        resident,
        Long.parseLong(caller.subject()),
        input == null ? null : input.language());
    return me(security);
  }

  @Doc(
      summary = "Get the token signing keys",
      description =
          "The public keys (JWKS, RS256) that verify Courtyard's access tokens, for integrations"
              + " that check tokens themselves.")
  @GET
  @Path("jwks.json")
  @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
  public Map<String, Object> jwks() {
    return keys.publishedJson();
  }

  @Doc(
      summary = "Set up a second factor",
      description =
          "A new secret for an authenticator app (and its otpauth:// URI for a QR code); sign-in"
              + " asks for codes once it is confirmed. 409 totp-already-enabled.")
  @Permission(Permission.SELF)
  @POST
  @Path("totp/setup")
  public TotpSetupView setupTotp(@Context SecurityContext security) {
    TenantPrincipal caller = staff(security);
    return secondFactor.setup(caller.tenant(), Long.parseLong(caller.subject()), caller.name());
  }

  @Doc(
      summary = "Confirm the second factor",
      description = "A first code from the app turns the second factor on. 401 totp-invalid.",
      status = 204)
  @Permission(Permission.SELF)
  @POST
  @Path("totp/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response confirmTotp(@Context SecurityContext security, CodeInput input) {
    TenantPrincipal caller = staff(security);
    secondFactor.confirm(
        caller.tenant(), Long.parseLong(caller.subject()), Params.body(input).code());
    return Response.noContent().build();
  }

  @Doc(
      summary = "Turn the second factor off",
      description =
          "With a current code; 409 totp-required-by-company when the company requires one.",
      status = 204)
  @Permission(Permission.SELF)
  @POST
  @Path("totp/disable")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response disableTotp(@Context SecurityContext security, CodeInput input) {
    TenantPrincipal caller = staff(security);
    secondFactor.disable(
        caller.tenant(), Long.parseLong(caller.subject()), Params.body(input).code());
    return Response.noContent().build();
  }

  /** A signed-in staff member or resident: a caller with a session. */
  private static TenantPrincipal signedIn(SecurityContext security) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    if (caller.kind() == TenantPrincipal.Kind.RESIDENT) {
      return caller;
    }
    return staff(security);
  }

  private static TenantPrincipal staff(SecurityContext security) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    if (caller.kind() != TenantPrincipal.Kind.STAFF) {
      throw TEXTS.problem(409, "not-signed-in", "auth.no-session");
    }
    return caller;
  }

  /** The session of the access token this request carries (verified already, so cached). */
  private UUID sessionOf(String authorization) {
    return claimsOf(authorization).session();
  }

  /** The resident account of the access token this request carries. */
  private long accountOf(String authorization) {
    return claimsOf(authorization).user();
  }

  private AccessTokens.Claims claimsOf(String authorization) {
    String token = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer\\s+", "");
    return tokens
        .verify(token)
        .orElseThrow(() -> TEXTS.problem(401, "unauthorized", "auth.sign-in-again"));
  }
}
