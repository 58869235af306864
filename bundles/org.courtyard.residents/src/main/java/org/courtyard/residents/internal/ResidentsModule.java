package org.courtyard.residents.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the residents module to the platform, which then runs the migrations under {@code
 * db/residents/} for a tenant before creating that tenant's {@link ResidentsTenant}. Occupancies
 * refer to rooms, so the estate module must be enabled first.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + ResidentsModule.ID)
public final class ResidentsModule implements ModuleDescriptor {

  public static final String ID = "residents";

  /** The module whose rooms occupancies refer to. */
  static final String ESTATE = "estate";

  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of(
              "residents.person.read",
              "View residents and owners, with their phone and ID numbers",
              "查看住户/业主信息（含手机号、证件号）"),
          PermissionDef.of("residents.person.create", "Add residents and owners", "新增住户/业主"),
          PermissionDef.of(
              "residents.person.update", "Edit residents' and owners' details", "修改住户/业主信息"),
          PermissionDef.of("residents.person.delete", "Delete residents and owners", "删除住户/业主"),
          PermissionDef.of(
              "residents.occupancy.read", "View who owns, rents or lives in rooms", "查看房屋的业主与住户"),
          PermissionDef.of(
              "residents.occupancy.create",
              "Record an owner, tenant or occupant of a room",
              "登记房屋的业主、租户或住户"),
          PermissionDef.of(
              "residents.occupancy.end", "End an occupancy (move-out, sale)", "结束入住关系（迁出、过户）"),
          PermissionDef.of("residents.vehicle.read", "View vehicles", "查看车辆"),
          PermissionDef.of("residents.vehicle.create", "Register vehicles", "登记车辆"),
          PermissionDef.of("residents.vehicle.delete", "Remove vehicles from the register", "注销车辆"),
          PermissionDef.resident(
              "residents.my-home.read",
              "A resident's own details, rooms and vehicles",
              "住户本人的信息、房屋与车辆"));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Residents and owners";
  }

  @Override
  public String description() {
    return "Owners, residents and their contacts (业主信息管理): who lives in or owns which room since"
        + " when, and their vehicles";
  }

  @Override
  public List<String> requires() {
    return List.of(ESTATE);
  }

  @Override
  public List<PermissionDef> permissions() {
    return PERMISSIONS;
  }
}
