package org.courtyard.billing.internal;

import static org.courtyard.billing.internal.StatementHtml.esc;
import static org.courtyard.billing.internal.StatementHtml.num;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.courtyard.billing.internal.dto.IncomeView;
import org.courtyard.billing.internal.dto.PaymentView;

/**
 * A payment's receipt (收据) as a printable page: number, room, time, method, the amount in figures
 * and in Chinese capitals, and the bills it paid. Every value from data is HTML-escaped.
 */
final class ReceiptHtml {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ReceiptHtml() {}

  /**
   * @param room the room's label as estate knows it, or null for one estate no longer has
   */
  static String render(PaymentView p, String room, ZoneId zone) {
    StringBuilder h = new StringBuilder(2048);
    String number = "R" + p.id();
    StringBuilder style = new StringBuilder(".amount{font-size:1.3em}");
    StatementHtml.head(h, "Receipt 收据", number, style.toString());
    h.append("<h1>Receipt / 收据</h1>\n<table>")
        .append("<tr><th>Receipt no. / 收据编号</th><td>")
        .append(esc(number))
        .append("</td></tr><tr><th>Room / 房间</th><td>")
        .append(esc(room != null ? room : "#" + p.roomId()))
        .append("</td></tr><tr><th>Received / 收款时间</th><td>")
        .append(esc(TIME.format(p.createdAt().atZone(zone))))
        .append("</td></tr><tr><th>Method / 收款方式</th><td>")
        .append(esc(p.method()))
        .append("</td></tr><tr class=\"amount\"><th>Amount / 金额 (")
        .append(esc(p.currency()))
        .append(")</th>")
        .append(num(p.amount()))
        .append("</tr>");
    if ("CNY".equals(p.currency())) {
      h.append("<tr class=\"amount\"><th>Amount in words / 大写</th><td>")
          .append(esc("人民币" + ChineseAmount.of(p.amount())))
          .append("</td></tr>");
    }
    if ("reversed".equals(p.status())) {
      h.append("<tr><th>Status / 状态</th><td>Reversed / 已冲销</td></tr>");
    }
    h.append("</table>\n<h2>Paid / 缴费明细</h2>\n<table><tr><th>Bill / 账单</th>")
        .append("<th>Period / 账期</th><th>Amount / 金额</th></tr>\n");
    for (PaymentView.Applied a : p.applied()) {
      h.append("<tr><td>")
          .append(a.billId())
          .append("</td><td>")
          .append(esc(a.period()))
          .append("</td>")
          .append(num(a.amount()))
          .append("</tr>\n");
    }
    if (p.toPrepayment() != null && p.toPrepayment().signum() > 0) {
      h.append("<tr><td colspan=\"2\">Prepayment / 预存</td>")
          .append(num(p.toPrepayment()))
          .append("</tr>\n");
    }
    h.append("</table>\n<p>Transaction / 交易号: ")
        .append(esc(String.valueOf(p.txId())))
        .append("</p>\n</body></html>\n");
    return h.toString();
  }

  /** An income's receipt: what it was for and who paid, for no room. */
  static String render(IncomeView i, String feeName, ZoneId zone) {
    StringBuilder h = new StringBuilder(1536);
    StatementHtml.head(h, "Receipt 收据", i.receiptNo(), ".amount{font-size:1.3em}");
    h.append("<h1>Receipt / 收据</h1>\n<table>")
        .append("<tr><th>Receipt no. / 收据编号</th><td>")
        .append(esc(i.receiptNo()))
        .append("</td></tr><tr><th>For / 收费项目</th><td>")
        .append(esc(feeName != null ? feeName : i.feeCode()))
        .append("</td></tr>");
    if (i.payer() != null) {
      h.append("<tr><th>Payer / 付款人</th><td>").append(esc(i.payer())).append("</td></tr>");
    }
    h.append("<tr><th>Received / 收款时间</th><td>")
        .append(esc(TIME.format(i.receivedAt().atZone(zone))))
        .append("</td></tr><tr><th>Method / 收款方式</th><td>")
        .append(esc(i.method()))
        .append("</td></tr><tr class=\"amount\"><th>Amount / 金额 (")
        .append(esc(i.currency()))
        .append(")</th>")
        .append(num(i.amount()))
        .append("</tr>");
    if ("CNY".equals(i.currency())) {
      h.append("<tr class=\"amount\"><th>Amount in words / 大写</th><td>")
          .append(esc("人民币" + ChineseAmount.of(i.amount())))
          .append("</td></tr>");
    }
    if ("reversed".equals(i.status())) {
      h.append("<tr><th>Status / 状态</th><td>Reversed / 已冲销</td></tr>");
    }
    h.append("</table>\n<p>Transaction / 交易号: ")
        .append(esc(String.valueOf(i.txId())))
        .append("</p>\n</body></html>\n");
    return h.toString();
  }
}
