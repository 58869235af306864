package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.courtyard.billing.internal.dto.BillLineView;
import org.courtyard.billing.internal.dto.BillView;
import org.courtyard.billing.internal.dto.PaymentView;
import org.courtyard.billing.internal.dto.RefundView;
import org.courtyard.billing.internal.dto.StatementView;

/**
 * A room's statement as a printable HTML page, headings in English and Chinese. Every value that
 * came from data is HTML-escaped.
 */
final class StatementHtml {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private StatementHtml() {}

  static String render(StatementView s, ZoneId zone) {
    StringBuilder h = new StringBuilder(4096);
    String room = s.label() != null ? s.label() : "#" + s.roomId();
    head(h, room, "");
    h.append("<h1>Statement / 对账单</h1>\n<p>Room / 房间: <strong>")
        .append(esc(room))
        .append("</strong>");
    currencyAndTime(h, s.currency(), s.generatedAt(), zone);
    bills(h, "h2", s.bills());
    payments(h, "h2", s.payments(), zone);
    refunds(h, "h2", s.refunds(), zone);
    h.append("<h2>Totals / 合计</h2>\n<table>")
        .append("<tr><th>Billed / 应收</th>")
        .append(num(s.billed()))
        .append("</tr>")
        .append("<tr><th>Paid / 已收</th>")
        .append(num(s.paid()))
        .append("</tr>")
        .append("<tr><th>Outstanding / 欠费</th>")
        .append(num(s.outstanding()))
        .append("</tr>")
        .append("<tr><th>Prepayment / 预存余额</th>")
        .append(num(s.prepaymentBalance()))
        .append("</tr>")
        .append("<tr><th>Balance / 结余</th>")
        .append(num(s.balance()))
        .append("</tr>")
        .append("</table>\n</body></html>\n");
    return h.toString();
  }

  // ------------------------------------------ parts shared with the resident statement page

  /** The page up to {@code <body>}: title and print-friendly style. */
  static void head(StringBuilder h, String title, String extraStyle) {
    head(h, "Statement 对账单", title, extraStyle);
  }

  /** The page up to {@code <body>} of a document called {@code document}, such as a receipt. */
  static void head(StringBuilder h, String document, String title, String extraStyle) {
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(esc(document))
        .append(' ')
        .append(esc(title))
        .append("</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;")
        .append("width:100%;margin-bottom:1.5em}th,td{border:1px solid #999;padding:4px 6px}")
        .append("td.n{text-align:right}")
        .append(extraStyle)
        .append("@media print{body{margin:0}}</style></head><body>\n");
  }

  /** Ends the opening paragraph: currency and generation time. */
  static void currencyAndTime(StringBuilder h, String currency, Instant generatedAt, ZoneId zone) {
    h.append("<br>Currency / 币种: ")
        .append(esc(currency))
        .append("<br>Generated / 生成时间: ")
        .append(esc(TIME.format(generatedAt.atZone(zone))))
        .append("</p>\n");
  }

  static void bills(StringBuilder h, String heading, List<BillView> bills) {
    h.append('<')
        .append(heading)
        .append(">Bills / 账单</")
        .append(heading)
        .append('>')
        .append("\n<table><tr><th>Period / 账期</th><th>Item / 收费项目</th>")
        .append("<th>Amount / 金额</th><th>Paid / 已缴</th><th>Outstanding / 未缴</th>")
        .append("<th>Due / 到期日</th><th>Status / 状态</th></tr>\n");
    for (BillView b : bills) {
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
    h.append("</table>\n");
  }

  static void payments(StringBuilder h, String heading, List<PaymentView> payments, ZoneId zone) {
    h.append('<')
        .append(heading)
        .append(">Payments / 缴费记录</")
        .append(heading)
        .append('>')
        .append("\n<table><tr><th>Date / 日期</th><th>Method / 方式</th>")
        .append("<th>Amount / 金额</th><th>To prepayment / 转预存</th><th>Status / 状态</th></tr>\n");
    for (PaymentView p : payments) {
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
    h.append("</table>\n");
  }

  static void refunds(StringBuilder h, String heading, List<RefundView> refunds, ZoneId zone) {
    h.append('<')
        .append(heading)
        .append(">Refunds / 退款记录</")
        .append(heading)
        .append('>')
        .append("\n<table><tr><th>Date / 日期</th><th>Method / 方式</th>")
        .append("<th>Amount / 金额</th><th>Status / 状态</th></tr>\n");
    for (RefundView r : refunds) {
      h.append("<tr><td>")
          .append(esc(TIME.format(r.createdAt().atZone(zone))))
          .append("</td><td>")
          .append(esc(r.method()))
          .append("</td>")
          .append(num(r.amount()))
          .append("<td>")
          .append(esc(r.status()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  static String num(BigDecimal value) {
    return "<td class=\"n\">" + (value == null ? "" : esc(value.toPlainString())) + "</td>";
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
