package org.courtyard.workorders.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the work-order module to the platform, which then runs the migrations under {@code
 * db/workorders/} for a tenant before creating that tenant's {@link WorkordersTenant}. Orders
 * happen in rooms and public areas of the estate module, so it requires {@code estate}.
 *
 * <p>Its permissions follow the people of a property company: customer service records orders and
 * dispatches them, technicians work them, managers close them and set up the catalogue and the
 * rules; residents report, follow, confirm and rate their own.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
public final class WorkordersModule implements ModuleDescriptor {

  /** The module id: URL segment, factory PID suffix, migration folder and feature name suffix. */
  public static final String ID = "workorders";

  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of(
              "workorders.order.read", "View work orders and their timeline", "查看工单及其进度"),
          PermissionDef.of(
              "workorders.order.create",
              "Record repairs and complaints for residents or from inspections",
              "登记报修、投诉（代业主登记或巡检发现）"),
          PermissionDef.of(
              "workorders.order.dispatch",
              "Dispatch, transfer, cancel and reopen work orders; urge them",
              "派单、转单、取消、重开及催办工单"),
          PermissionDef.of(
              "workorders.order.work",
              "Grab, accept and work orders as a technician",
              "抢单、接单并处理工单（维修人员）"),
          PermissionDef.of(
              "workorders.order.close",
              "Confirm done work orders for residents and close them",
              "代业主确认完工并关闭工单"),
          PermissionDef.of(
              "workorders.attachment.upload", "Add photos and files to work orders", "上传工单照片及附件"),
          PermissionDef.of(
              "workorders.category.manage",
              "Set up categories, deadlines and working hours of work orders",
              "设置工单类别、时限及工作时间"),
          PermissionDef.of(
              "workorders.technician.manage",
              "Set up technicians' skills, areas and teams",
              "设置维修人员的技能、负责区域及班组"),
          PermissionDef.of("workorders.stock.manage", "Manage the materials stock", "管理维修材料库存"),
          PermissionDef.of("workorders.report.read", "View work-order reports", "查看工单报表"),
          PermissionDef.resident(
              "workorders.my-order.report",
              "Report repairs and complaints about my rooms",
              "为本人房屋报修、投诉"),
          PermissionDef.resident(
              "workorders.my-order.read", "View my repairs and complaints", "查看本人的报修、投诉"),
          PermissionDef.resident(
              "workorders.my-order.act",
              "Confirm, reopen, cancel and urge my repairs and complaints",
              "确认、重开、取消及催办本人的报修、投诉"));

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

  @Override
  public List<PermissionDef> permissions() {
    return PERMISSIONS;
  }
}
