package org.courtyard.parking.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the parking module: the platform runs the migrations under {@code db/parking/} for a
 * tenant before creating its {@link ParkingTenant}. Lots belong to the estate module's estates, so
 * it requires {@code estate}.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
public final class ParkingModule implements ModuleDescriptor {

  public static final String ID = "parking";

  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of("parking.lot.read", "View parking lots and spaces", "查看停车场与车位"),
          PermissionDef.of("parking.lot.manage", "Set up parking lots and spaces", "设置停车场与车位"),
          PermissionDef.of(
              "parking.booking.read", "View space leases and reservations", "查看车位租用与预约"),
          PermissionDef.money("parking.booking.create", "Lease and reserve spaces", "办理车位租用与预约"),
          PermissionDef.money(
              "parking.booking.cancel", "Cancel space leases and reservations", "取消车位租用与预约"),
          PermissionDef.of("parking.card.read", "View monthly cards", "查看月卡"),
          PermissionDef.money("parking.card.manage", "Sell and cancel monthly cards", "办理与注销月卡"),
          PermissionDef.of("parking.list.read", "View the white and black lists", "查看白名单与黑名单"),
          PermissionDef.of(
              "parking.list.manage",
              "Put plates on and off the white and black lists",
              "管理白名单与黑名单"),
          PermissionDef.of("parking.gate.read", "View vehicles through the gates", "查看车辆出入记录"),
          PermissionDef.doors(
              "parking.gate.operate", "Decide at a gate and open its barrier", "道闸人工放行与拦截"),
          PermissionDef.money("parking.payment.collect", "Take temporary parking fees", "收取临时停车费"),
          PermissionDef.money(
              "parking.coupon.grant", "Record merchants' parking coupons", "登记商户停车优惠券"),
          PermissionDef.resident(
              "parking.my-visitor.grant", "Give my visitors free parking time", "为访客赠送免费停车时长"),
          PermissionDef.resident(
              "parking.my-visitor.read", "View the free time I gave my visitors", "查看本人赠送的访客停车时长"),
          PermissionDef.of(
              "parking.report.read",
              "View parking reports: occupancy, revenue, stays, expiring cards",
              "查看停车报表：车位占用、收入、停车时长、到期月卡"));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Parking";
  }

  @Override
  public String description() {
    return "Parking lots and spaces per estate, leases and reservations of a space (never two for"
        + " the same time), monthly cards, and the white and black lists of plates";
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
