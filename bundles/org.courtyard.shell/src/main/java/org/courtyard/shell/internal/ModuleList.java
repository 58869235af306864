package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.courtyard.api.ModuleInfo;
import org.courtyard.api.TenantService;

@Service
@Command(
    scope = "courtyard",
    name = "module-list",
    description = "Lists the modules this container offers")
public class ModuleList implements Action {

  @Reference TenantService tenants;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Module");
    table.column("Title");
    table.column("Version");
    table.column("Requires");
    table.column("Installed");
    for (ModuleInfo m : tenants.availableModules()) {
      table
          .addRow()
          .addContent(
              m.id, m.title, m.version, String.join(",", m.requires), m.installed ? "yes" : "no");
    }
    table.print(System.out);
    return null;
  }
}
