package org.courtyard.rest.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Params;

/**
 * Operator accounts under {@code /api/v1/operator/accounts}: owners run the platform, support staff
 * may only look. Support accounts are refused every request but GET, these included.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class OperatorAccountsResource {

  /** Body of {@code POST /operator/accounts}. */
  public record NewOperator(String username, String role) {}

  /** The answer to a creation: the account and its first password, shown this once. */
  public record CreatedOperator(OperatorAccount account, String password) {}

  private final OperatorAccounts accounts;

  OperatorAccountsResource(OperatorAccounts accounts) {
    this.accounts = accounts;
  }

  @Doc(
      summary = "List operator accounts",
      description = "Names, roles, status and whether TOTP is on; never passwords or secrets.")
  @GET
  public List<OperatorAccount> listOperators() {
    return accounts.operators();
  }

  @Doc(
      summary = "Create an operator account",
      description =
          "A name and a role (owner or support); the answer holds a random first password, shown"
              + " once. 409 duplicate, 422 for a bad name or role.",
      returns = CreatedOperator.class,
      status = 201)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createOperator(NewOperator input) {
    NewOperator in = Params.body(input);
    String password = accounts.createOperator(in.username(), in.role());
    OperatorAccount account =
        accounts.operators().stream()
            .filter(o -> o.username().equals(in.username()))
            .findFirst()
            .orElseThrow();
    return Response.status(201).entity(new CreatedOperator(account, password)).build();
  }

  @Doc(
      summary = "Disable an operator account",
      description =
          "Refused at once from then on, its sessions ended. 409 last-owner when no active owner"
              + " would remain.")
  @POST
  @Path("{username}/disable")
  public OperatorAccount disableOperator(@PathParam("username") String username) {
    return accounts.setOperatorActive(username, false);
  }

  @Doc(
      summary = "Reset an operator's second factor",
      description =
          "For an operator who lost the authenticator app: its TOTP is removed and its sessions"
              + " end; it signs in with its password and may set TOTP up again. Owners only.",
      status = 204)
  @POST
  @Path("{username}/totp/reset")
  public Response resetOperatorTotp(@PathParam("username") String username) {
    accounts.resetTotp(username);
    return Response.noContent().build();
  }

  @Doc(summary = "Enable an operator account", description = "It may sign in again.")
  @POST
  @Path("{username}/enable")
  public OperatorAccount enableOperator(@PathParam("username") String username) {
    return accounts.setOperatorActive(username, true);
  }
}
