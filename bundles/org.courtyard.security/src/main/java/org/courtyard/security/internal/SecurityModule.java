package org.courtyard.security.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
import org.osgi.service.component.annotations.Component;

/** Announces the security module; its events come from the tenant's devices. */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
public final class SecurityModule implements ModuleDescriptor {

  public static final String ID = "security";

  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of(
              "security.access-event.read", "View the access log of doors and gates", "查看门禁通行记录"),
          PermissionDef.doors(
              "security.door.decide",
              "Decide whether a card, PIN or QR code may open a door (for door controllers)",
              "门禁通行判定（供门禁控制器调用）"),
          PermissionDef.doors("security.door.open", "Open doors and gates remotely", "远程开门、开闸"),
          PermissionDef.of("security.credential.read", "View access credentials", "查看门禁凭证"),
          PermissionDef.doors(
              "security.credential.issue",
              "Issue access credentials: cards, PINs, QR codes",
              "发放门禁凭证（门卡、密码、二维码）"),
          PermissionDef.of("security.credential.revoke", "Revoke access credentials", "注销门禁凭证"),
          PermissionDef.of("security.alarm.read", "View alarms", "查看告警"),
          PermissionDef.of(
              "security.alarm.handle", "Acknowledge and resolve alarms", "处理告警（确认、解除）"),
          PermissionDef.of("security.patrol.read", "View patrol routes and rounds", "查看巡更路线及巡更记录"),
          PermissionDef.of(
              "security.patrol.manage", "Set up patrol routes and schedule rounds", "设置巡更路线及排班"),
          PermissionDef.of("security.patrol.check-in", "Check in at patrol checkpoints", "巡更打卡"));

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

  @Override
  public List<PermissionDef> permissions() {
    return PERMISSIONS;
  }
}
