package org.courtyard.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.OperatorSessions;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.Totp;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Params;

/**
 * What a signed-in operator does about itself, under {@code /api/v1/operator/me}: who it is, its
 * second factor, signing out. Any role may (a support account too: it changes nothing but its own
 * credential), so this resource has a server of its own without the support role's read-only rule.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class OperatorSelfResource {

  private static final Texts TEXTS = Texts.of(OperatorSelfResource.class);

  /** The signed-in operator: name, role, whether it has a second factor, how it authenticated. */
  public record Me(String username, String role, boolean totp, String authentication) {}

  /** Body of the second-factor confirmation and turning it off: a current code of the app. */
  public record Code(String code) {}

  private final OperatorAccounts accounts;
  private final OperatorSessions sessions;

  OperatorSelfResource(OperatorAccounts accounts, OperatorSessions sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @Doc(summary = "Who is signed in", description = "Name, role and whether TOTP is on.")
  @GET
  public Me me(@Context SecurityContext security) {
    String name = security.getUserPrincipal().getName();
    OperatorAccount account =
        accounts.operators().stream()
            .filter(o -> o.username().equals(name))
            .findFirst()
            .orElseThrow(() -> Problems.notFound(TEXTS.text("label.operator"), name));
    return new Me(
        account.username(), account.role(), account.totp(), security.getAuthenticationScheme());
  }

  @Doc(
      summary = "Sign out",
      description =
          "Ends the session whose token authorized this request; nothing to do for HTTP Basic.",
      status = 204)
  @POST
  @Path("sign-out")
  public Response signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    AuthFilter.bearer(authorization).ifPresent(sessions::signOut);
    return Response.noContent().build();
  }

  @Doc(
      summary = "Set up my second factor",
      description =
          "A new TOTP secret and its otpauth:// URI for an authenticator app (scan it as a QR"
              + " code, or type the secret), replacing one not confirmed yet. Sign-in asks for"
              + " codes once it is confirmed. 409 totp-already-enabled.")
  @POST
  @Path("totp")
  public Totp.Setup setUpTotp(@Context SecurityContext security) {
    return accounts.setUpTotp(security.getUserPrincipal().getName());
  }

  @Doc(
      summary = "Confirm my second factor",
      description =
          "A first code from the app turns the second factor on: from then on the account signs"
              + " in with POST /operator/sign-in and a code, and HTTP Basic is refused for it."
              + " 401 totp-invalid, 409 totp-not-set-up.",
      status = 204)
  @POST
  @Path("totp/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response confirmTotp(@Context SecurityContext security, Code input) {
    accounts.confirmTotp(
        security.getUserPrincipal().getName(), Params.body(input).code(), AuthFilter.source());
    return Response.noContent().build();
  }

  @Doc(
      summary = "Turn my second factor off",
      description = "With a current code. 401 totp-invalid, 409 totp-not-set-up.",
      status = 204)
  @POST
  @Path("totp/disable")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response disableTotp(@Context SecurityContext security, Code input) {
    accounts.disableTotp(
        security.getUserPrincipal().getName(), Params.body(input).code(), AuthFilter.source());
    return Response.noContent().build();
  }
}
