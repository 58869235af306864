package org.courtyard.estate.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
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

  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of("estate.estate.read", "View estates", "查看小区"),
          PermissionDef.of("estate.estate.create", "Create estates", "新增小区"),
          PermissionDef.of("estate.estate.update", "Edit estates", "修改小区"),
          PermissionDef.of("estate.estate.delete", "Delete estates", "删除小区"),
          PermissionDef.of("estate.building.read", "View buildings", "查看楼栋"),
          PermissionDef.of("estate.building.create", "Create buildings", "新增楼栋"),
          PermissionDef.of("estate.building.update", "Edit buildings", "修改楼栋"),
          PermissionDef.of("estate.building.delete", "Delete buildings", "删除楼栋"),
          PermissionDef.of("estate.unit.read", "View units", "查看单元"),
          PermissionDef.of("estate.unit.create", "Create units", "新增单元"),
          PermissionDef.of("estate.unit.update", "Edit units", "修改单元"),
          PermissionDef.of("estate.unit.delete", "Delete units", "删除单元"),
          PermissionDef.of("estate.room.read", "View rooms", "查看房间"),
          PermissionDef.of("estate.room.create", "Create rooms", "新增房间"),
          PermissionDef.of("estate.room.update", "Edit rooms", "修改房间"),
          PermissionDef.of("estate.room.delete", "Delete rooms", "删除房间"),
          PermissionDef.of(
              "estate.room.import", "Import a building's rooms from a spreadsheet", "批量导入房间"));

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

  @Override
  public List<PermissionDef> permissions() {
    return PERMISSIONS;
  }
}
