package org.courtyard.module.template.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
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

  /**
   * Every permission the resources name, once: roles can grant only these. {@code money} and {@code
   * doors} instead of {@code of} mark what moves money or lets people in, for careful review.
   */
  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of("template.note.read", "View notes", "查看记事"),
          PermissionDef.of("template.note.create", "Create notes", "新增记事"),
          PermissionDef.of("template.note.update", "Edit notes", "修改记事"),
          PermissionDef.of("template.note.delete", "Delete notes", "删除记事"));

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

  @Override
  public List<PermissionDef> permissions() {
    return PERMISSIONS;
  }
}
