package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.courtyard.billing.internal.dto.StatementView;

/**
 * A resident's statement as a printable HTML page, headings in English and Chinese: a summary of
 * the person's rooms with the totals, then each room's bills, payments and refunds. Every value
 * that came from data is HTML-escaped ({@link StatementHtml#esc}).
 */
final class PersonStatementHtml {

  private PersonStatementHtml() {}

  static String render(PersonStatementView s, ZoneId zone) {
    StringBuilder h = new StringBuilder(8192);
    String person = s.fullName() != null ? s.fullName() : "#" + s.personId();
    StatementHtml.head(h, person, "h2{page-break-before:auto}");
    h.append("<h1>Resident statement / 住户对账单</h1>\n<p>Resident / 住户: <strong>")
        .append(esc(person))
        .append("</strong>");
    StatementHtml.currencyAndTime(h, s.currency(), s.generatedAt(), zone);

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
      h.append("<h2>").append(esc(label(r))).append("</h2>\n");
      StatementHtml.bills(h, "h3", st.bills());
      StatementHtml.payments(h, "h3", st.payments(), zone);
      StatementHtml.refunds(h, "h3", st.refunds(), zone);
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
    return StatementHtml.num(value);
  }

  private static String esc(String text) {
    return StatementHtml.esc(text);
  }
}
