package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.courtyard.billing.internal.dto.BillLineView;
import org.courtyard.billing.internal.dto.BillView;
import org.courtyard.billing.internal.dto.PaymentView;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.courtyard.billing.internal.dto.RefundView;
import org.courtyard.billing.internal.dto.StatementView;

/**
 * A resident's statement as a printable HTML page, headings in English and Chinese: a summary of
 * the person's rooms with the totals, then each room's bills, payments and refunds. Every value
 * that came from data is HTML-escaped ({@link StatementHtml#esc}).
 */
final class PersonStatementHtml {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private PersonStatementHtml() {}

  static String render(PersonStatementView s, ZoneId zone) {
    StringBuilder h = new StringBuilder(8192);
    String person = s.fullName() != null ? s.fullName() : "#" + s.personId();
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<title>Statement 对账单 ")
        .append(esc(person))
        .append("</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;")
        .append("width:100%;margin-bottom:1.5em}th,td{border:1px solid #999;padding:4px 6px}")
        .append("td.n{text-align:right}h2{page-break-before:auto}")
        .append("@media print{body{margin:0}}</style></head><body>\n")
        .append("<h1>Resident statement / 住户对账单</h1>\n<p>Resident / 住户: <strong>")
        .append(esc(person))
        .append("</strong><br>Currency / 币种: ")
        .append(esc(s.currency()))
        .append("<br>Generated / 生成时间: ")
        .append(esc(TIME.format(s.generatedAt().atZone(zone))))
        .append("</p>\n");

    h.append("<h2>Rooms / 房间</h2>\n<table><tr><th>Room / 房间</th><th>Role / 身份</th>")
        .append("<th>Billed / 应收</th><th>Paid / 已收</th><th>Outstanding / 欠费</th>")
        .append("<th>Prepayment / 预存余额</th><th>Balance / 结余</th></tr>\n");
    for (PersonStatementView.Room r : s.rooms()) {
      StatementView st = r.statement();
      h.append("<tr><td>")
          .append(esc(label(r)))
          .append("</td><td>")
          .append(esc(roles(r)))
          .append("</td>")
          .append(num(st.billed()))
          .append(num(st.paid()))
          .append(num(st.outstanding()))
          .append(num(st.prepaymentBalance()))
          .append(num(st.balance()))
          .append("</tr>\n");
    }
    h.append("<tr><th colspan=\"2\">Total / 合计</th>")
        .append(num(s.billed()))
        .append(num(s.paid()))
        .append(num(s.outstanding()))
        .append(num(s.prepaymentBalance()))
        .append(num(s.balance()))
        .append("</tr>\n</table>\n");
    if (s.rooms().isEmpty()) {
      h.append("<p>No current rooms / 当前无房间</p>\n");
    }

    for (PersonStatementView.Room r : s.rooms()) {
      StatementView st = r.statement();
      h.append("<h2>")
          .append(esc(label(r)))
          .append("</h2>\n<h3>Bills / 账单</h3>\n<table><tr><th>Period / 账期</th>")
          .append("<th>Item / 收费项目</th><th>Amount / 金额</th><th>Paid / 已缴</th>")
          .append("<th>Outstanding / 未缴</th><th>Due / 到期日</th><th>Status / 状态</th></tr>\n");
      for (BillView b : st.bills()) {
        StringBuilder items = new StringBuilder();
        for (BillLineView l : b.lines()) {
          if (items.length() > 0) {
            items.append("<br>");
          }
          items.append(esc(l.feeName())).append(" ").append(esc(l.amount().toPlainString()));
        }
        h.append("<tr><td>")
            .append(esc(b.period()))
            .append("</td><td>")
            .append(items)
            .append("</td>")
            .append(num(b.total()))
            .append(num(b.paid()))
            .append(num(b.outstanding()))
            .append("<td>")
            .append(esc(b.dueDate().toString()))
            .append("</td><td>")
            .append(esc(b.status()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n<h3>Payments / 缴费记录</h3>\n<table><tr><th>Date / 日期</th>")
          .append("<th>Method / 方式</th><th>Amount / 金额</th><th>To prepayment / 转预存</th>")
          .append("<th>Status / 状态</th></tr>\n");
      for (PaymentView p : st.payments()) {
        h.append("<tr><td>")
            .append(esc(TIME.format(p.createdAt().atZone(zone))))
            .append("</td><td>")
            .append(esc(p.method()))
            .append("</td>")
            .append(num(p.amount()))
            .append(num(p.toPrepayment()))
            .append("<td>")
            .append(esc(p.status()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n<h3>Refunds / 退款记录</h3>\n<table><tr><th>Date / 日期</th>")
          .append("<th>Method / 方式</th><th>Amount / 金额</th><th>Status / 状态</th></tr>\n");
      for (RefundView f : st.refunds()) {
        h.append("<tr><td>")
            .append(esc(TIME.format(f.createdAt().atZone(zone))))
            .append("</td><td>")
            .append(esc(f.method()))
            .append("</td>")
            .append(num(f.amount()))
            .append("<td>")
            .append(esc(f.status()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String label(PersonStatementView.Room r) {
    return r.label() != null ? r.label() : "#" + r.roomId();
  }

  private static String roles(PersonStatementView.Room r) {
    StringBuilder out = new StringBuilder();
    for (PersonStatementView.Role role : r.roles()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(role.role());
      if (role.sharePercent() != null) {
        out.append(" ").append(role.sharePercent().toPlainString()).append('%');
      }
    }
    return out.toString();
  }

  private static String num(BigDecimal value) {
    return "<td class=\"n\">" + (value == null ? "" : esc(value.toPlainString())) + "</td>";
  }

  private static String esc(String text) {
    return StatementHtml.esc(text);
  }
}
