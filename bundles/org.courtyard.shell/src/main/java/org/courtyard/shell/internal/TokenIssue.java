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
    name = "token-issue",
    description = "Issues another admin API token for a tenant")
public class TokenIssue implements Action {

  @Reference TenantService tenants;

  @Argument(index = 0, name = "tenant", required = true)
  String tenant;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          String token = tenants.issueToken(tenant);
          System.out.println("Admin API token for " + tenant + " (shown once):");
          System.out.println("  " + token);
        });
  }
}
