package org.courtyard.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;

@Service
@Command(
    scope = "courtyard",
    name = "tenant-list",
    description = "Lists tenants with their enabled modules")
public class TenantList implements Action {

  @Reference TenantService tenants;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Slug");
    table.column("Name");
    table.column("Status");
    table.column("Schema");
    table.column("Modules");
    table.column("Created");
    for (Tenant t : tenants.list()) {
      table
          .addRow()
          .addContent(
              t.slug,
              t.name,
              t.statusReason == null ? t.status : t.status + " (" + t.statusReason + ")",
              t.schema,
              String.join(",", t.modules),
              t.createdAt);
    }
    table.print(System.out);
    return null;
  }
}
