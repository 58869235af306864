package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.courtyard.api.OperatorAccounts;
import org.courtyard.api.ProblemException;

@Service
@Command(
    scope = "courtyard",
    name = "operator-disable",
    description = "Disables an operator account at once (or enables it again with --enable)")
public class OperatorDisable implements Action {

  @Reference OperatorAccounts accounts;

  @Argument(index = 0, name = "username", required = true)
  String username;

  @Option(name = "--enable", description = "Enable the account instead")
  boolean enable;

  @Override
  public Object execute() {
    try {
      System.out.println(
          accounts.setOperatorActive(username, enable).username()
              + (enable ? " enabled." : " disabled; its requests are refused from now on."));
    } catch (ProblemException e) {
      System.err.println(e.title() + ": " + e.detail());
      Shell.failed(e.title() + ": " + e.detail());
    }
    return null;
  }
}
