package org.courtyard.security.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/** Announces the security module; its events come from the tenant's devices. */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
public final class SecurityModule implements ModuleDescriptor {

  public static final String ID = "security";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Security";
  }

  @Override
  public String description() {
    return "Security (安防管理): the access log of doors and gates, and device alarms from raised to"
        + " resolved";
  }

  @Override
  public List<String> requires() {
    return List.of("devices");
  }
}
