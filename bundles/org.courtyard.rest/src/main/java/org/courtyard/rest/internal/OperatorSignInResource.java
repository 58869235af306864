package org.courtyard.rest.internal;

import java.util.List;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.courtyard.api.OperatorSession;
import org.courtyard.api.OperatorSessions;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Params;

/**
 * {@code POST /api/v1/operator/sign-in}: an operator's password and, for an account with a second
 * factor, its current code, answered with a session token for {@code Authorization: Bearer}. Public
 * (it is the credential check); every attempt leaves a row in the operators' audit log, a success
 * in the transaction that opens the session.
 */
@Path("sign-in")
@Produces(MediaType.APPLICATION_JSON)
public final class OperatorSignInResource {

  /** Body of {@code POST /operator/sign-in}; {@code totp} only for an account with one. */
  public record SignIn(String username, String password, String totp) {}

  private final OperatorSessions sessions;

  OperatorSignInResource(OperatorSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(
      summary = "Sign an operator in",
      description =
          "User name, password and, for an account with a second factor, the current code of its"
              + " authenticator app (totp). The answer's token goes in Authorization: Bearer on"
              + " operator endpoints; it ends after idleMinutes without a request, at expiresAt,"
              + " at sign-out, or when the account is disabled or its password or second factor"
              + " reset. 401 invalid-credentials, totp-required (send the code), totp-invalid"
              + " (wrong, expired or used code); 429 after repeated failures.")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public OperatorSession signIn(SignIn input, @HeaderParam(AuditFilter.REQUEST_ID) String id) {
    SignIn in = Params.body(input);
    String who = in.username() == null || in.username().isBlank() ? "?" : in.username();
    String source = AuthFilter.source();
    // there is no verified caller yet: the row names the account tried (AuditFilter writes it with
    // the status when the sign-in is refused)
    RequestAudit.begin(
        RequestAudit.operator(
            who,
            "POST /operator/sign-in",
            List.of(who),
            in.totp() == null || in.totp().isBlank() ? "password" : "password and code",
            source,
            id != null && id.matches("^[A-Za-z0-9._:-]{1,64}$")
                ? id
                : UUID.randomUUID().toString()));
    return sessions.signIn(in.username(), in.password(), in.totp(), source);
  }
}
