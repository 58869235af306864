package org.courtyard.admin.property.billing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts as the user reads them: grouped, two decimals, with the tenant's currency sign. */
final class Money {

  private Money() {}

  static String format(BigDecimal amount, String currency, Locale locale) {
    if (amount == null) {
      return "—";
    }
    boolean zh = locale != null && "zh".equals(locale.getLanguage());
    NumberFormat f = NumberFormat.getCurrencyInstance(zh ? Locale.CHINA : Locale.US);
    try {
      f.setCurrency(Currency.getInstance(currency == null ? "CNY" : currency));
    } catch (IllegalArgumentException e) {
      // an unknown code: the locale's own sign stays
    }
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(amount);
  }

  /** A unit price: grouped, two to four decimals, without a currency (items do not name one). */
  static String price(BigDecimal amount, Locale locale) {
    if (amount == null) {
      return "";
    }
    boolean zh = locale != null && "zh".equals(locale.getLanguage());
    NumberFormat f = NumberFormat.getNumberInstance(zh ? Locale.CHINA : Locale.US);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(4);
    return f.format(amount);
  }
}
