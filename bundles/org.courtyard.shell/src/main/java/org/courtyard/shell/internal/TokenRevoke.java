package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.TenantService;

@Service
@Command(
    scope = "courtyard",
    name = "token-revoke",
    description = "Revokes a tenant API token at once (by its id, the 16 characters after cy_)")
public class TokenRevoke implements Action {

  @Reference TenantService tenants;

  @Argument(index = 0, name = "tenant", required = true)
  String tenant;

  @Argument(index = 1, name = "id", required = true)
  String id;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          tenants.revokeToken(tenant, id);
          System.out.println("Token " + id + " of " + tenant + " revoked.");
        });
  }
}
