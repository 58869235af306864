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
    name = "module-disable",
    description = "Disables a module for a tenant; its data is kept")
public class ModuleDisable implements Action {

  @Reference TenantService tenants;

  @Argument(index = 0, name = "tenant", required = true)
  String tenant;

  @Argument(index = 1, name = "module", required = true)
  String module;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          tenants.disableModule(tenant, module);
          System.out.printf(
              "Module %s disabled for %s; its data stays in schema t_%s%n", module, tenant, tenant);
        });
  }
}
