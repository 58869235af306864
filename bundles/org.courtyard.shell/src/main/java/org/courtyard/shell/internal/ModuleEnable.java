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
    name = "module-enable",
    description = "Enables a module for a tenant, hot-loading it if needed")
public class ModuleEnable implements Action {

  @Reference TenantService tenants;

  @Argument(index = 0, name = "tenant", required = true)
  String tenant;

  @Argument(index = 1, name = "module", required = true)
  String module;

  @Override
  public Object execute() {
    return Shell.run(
        () -> {
          long start = System.nanoTime();
          tenants.enableModule(tenant, module);
          System.out.printf(
              "Module %s enabled for %s in %d ms%n",
              module, tenant, (System.nanoTime() - start) / 1_000_000);
        });
  }
}
