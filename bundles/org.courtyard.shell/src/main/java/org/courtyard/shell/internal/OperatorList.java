package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.OperatorAccounts;

@Service
@Command(scope = "courtyard", name = "operator-list", description = "Lists the operator accounts")
public class OperatorList implements Action {

  @Reference OperatorAccounts accounts;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("User name");
    table.column("Role");
    table.column("Status");
    table.column("TOTP");
    table.column("Created");
    for (OperatorAccount o : accounts.operators()) {
      table
          .addRow()
          .addContent(
              o.username(),
              o.role(),
              o.status(),
              o.totp() ? "on" : "off",
              o.createdAt().toString());
    }
    table.print(System.out);
    return null;
  }
}
