package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.ProblemException;

@Service
@Command(
    scope = "courtyard",
    name = "operator-create",
    description =
        "Creates an operator account (owner, or support: read-only) with a random first password,"
            + " printed once")
public class OperatorCreate implements Action {

  @Reference OperatorAccounts accounts;

  @Argument(index = 0, name = "username", required = true, description = "Lower case")
  String username;

  @Option(name = "-r", aliases = "--role", description = "owner or support (default support)")
  String role = OperatorAccount.SUPPORT;

  @Override
  public Object execute() {
    try {
      String password = accounts.createOperator(username, role);
      System.out.println(
          "Created operator " + username + " (" + role + "). Password, shown once: " + password);
    } catch (ProblemException e) {
      System.err.println(e.title() + ": " + e.detail());
      Shell.failed(e.title() + ": " + e.detail());
    }
    return null;
  }
}
