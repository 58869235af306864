package org.courtyard.workorders.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the work-order module to the platform, which then runs the migrations under {@code
 * db/workorders/} for a tenant before creating that tenant's {@link WorkordersTenant}. Orders
 * happen in rooms and public areas of the estate module, so it requires {@code estate}.
 *
 * <p>No permissions yet: each is declared together with the first operation that needs it, so that
 * the role editor never offers one that guards nothing.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
public final class WorkordersModule implements ModuleDescriptor {

  /** The module id: URL segment, factory PID suffix, migration folder and feature name suffix. */
  public static final String ID = "workorders";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Repairs and complaints";
  }

  @Override
  public String description() {
    return "Repairs and complaints (报修与投诉): work orders from the resident's report through"
        + " dispatch and repair to confirmation, with deadlines in the company's working hours";
  }

  @Override
  public List<String> requires() {
    return List.of("estate");
  }
}
