package org.courtyard.module.template.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the template module to the platform, which then runs the migrations under {@code
 * db/template/} for a tenant before creating that tenant's {@link TemplateTenant}.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + TemplateModule.ID)
public final class TemplateModule implements ModuleDescriptor {

  /** The module id: URL segment, factory PID suffix, migration folder and feature name suffix. */
  public static final String ID = "template";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Module template";
  }

  @Override
  public String description() {
    return "Notes: the module a developer copies to start a new one; not a product module";
  }

  @Override
  public List<String> requires() {
    return List.of();
  }
}
