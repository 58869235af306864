package org.courtyard.estate.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the estate module to the platform, which then runs the migrations under {@code
 * db/estate/} for a tenant before creating that tenant's {@link EstateTenant}.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + EstateModule.ID)
public final class EstateModule implements ModuleDescriptor {

  public static final String ID = "estate";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Estate base data";
  }

  @Override
  public String description() {
    return "Estates, buildings, units and rooms (基础信息管理): the data every other module hangs on";
  }

  @Override
  public List<String> requires() {
    return List.of();
  }
}
