package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.courtyard.api.TenantService;
import org.courtyard.api.TokenInfo;

@Service
@Command(scope = "courtyard", name = "token-list", description = "Lists a tenant's API tokens")
public class TokenList implements Action {

  @Reference TenantService tenants;

  @Argument(index = 0, name = "tenant", required = true)
  String tenant;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          ShellTable table = new ShellTable();
          table.column("Id");
          table.column("Created");
          table.column("Revoked");
          for (TokenInfo t : tenants.tokens(tenant)) {
            table.addRow().addContent(t.id, t.createdAt, t.revokedAt == null ? "" : t.revokedAt);
          }
          table.print(System.out);
        });
  }
}
