package org.courtyard.billing.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the billing module to the platform, which runs the migrations under {@code db/billing/}
 * for a tenant before creating that tenant's {@link BillingTenant}.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
public final class BillingModule implements ModuleDescriptor {

  public static final String ID = "billing";

  private static final List<PermissionDef> PERMISSIONS =
      List.of(
          PermissionDef.of("billing.settings.read", "View billing settings", "查看收费设置"),
          PermissionDef.money(
              "billing.settings.manage",
              "Change billing settings: currency, grace days, time zone",
              "修改收费设置（币种、缴费宽限天数、时区）"),
          PermissionDef.of("billing.fee-item.read", "View fee items and their prices", "查看收费项目及标准"),
          PermissionDef.money(
              "billing.fee-item.manage",
              "Create and edit fee items and their prices",
              "设置收费项目及收费标准"),
          PermissionDef.money("billing.charge.create", "Charge one-off fees to rooms", "发起临时收费"),
          PermissionDef.of("billing.run.read", "View billing runs", "查看账单生成批次"),
          PermissionDef.money("billing.run.start", "Start a billing run for a period", "按账期批量生成账单"),
          PermissionDef.of("billing.bill.read", "View bills", "查看账单"),
          PermissionDef.of(
              "billing.payment.read", "View payments and print receipts", "查看缴费记录及打印收据"),
          PermissionDef.money("billing.payment.create", "Record payments", "登记缴费"),
          PermissionDef.money("billing.refund.create", "Record refunds", "办理退款"),
          PermissionDef.of(
              "billing.statement.read", "View statements of rooms and residents", "查看房间及住户对账单"),
          PermissionDef.resident(
              "billing.my-statement.read",
              "A resident's own bills, payments and balance",
              "住户本人的账单、缴费与余额"),
          PermissionDef.of(
              "billing.arrears.read", "View arrears and payment reminders", "查看欠费及催缴提醒"),
          PermissionDef.of(
              "billing.statistics.read",
              "View collection statistics: billed and collected",
              "查看收费统计（应收与实收）"),
          PermissionDef.of(
              "billing.ledger.read",
              "View ledger transactions and the ledger check",
              "查看账务流水及对账结果"),
          PermissionDef.money("billing.ledger.reverse", "Reverse ledger transactions", "冲正账务流水"),
          PermissionDef.of("billing.meter.read", "View meters", "查看水电气表"),
          PermissionDef.of("billing.meter.create", "Add meters to rooms", "新增水电气表"),
          PermissionDef.of("billing.reading.read", "View meter readings", "查看抄表读数"),
          PermissionDef.of("billing.reading.create", "Record meter readings", "录入抄表读数"),
          PermissionDef.of(
              "billing.reading.import", "Import meter readings from a spreadsheet", "批量导入抄表读数"));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Fees and billing";
  }

  @Override
  public String description() {
    return "Fee items, monthly bills, payments, prepayment, arrears and collection statistics (费用管理)";
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
