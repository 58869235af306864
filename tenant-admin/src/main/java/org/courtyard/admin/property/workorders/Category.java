package org.courtyard.admin.property.workorders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A work-order category (工单类别) as {@code /workorders/categories} reads and writes it: its code and
 * names in both languages, {@code kind} (repair, complaint, inquiry, praise), how orders are handed
 * out ({@code dispatchMode} assign, grab, round_robin, auto), whether the resident pays and a price
 * range, whether a return visit follows, the technician's skill, whether its deadlines count in
 * working hours only, and the minutes allowed per priority to respond and to resolve. {@code
 * version} guards edits; a create leaves {@code id} and {@code version} out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Category(
    Long id,
    String code,
    String nameEn,
    String nameZh,
    String kind,
    String dispatchMode,
    Boolean paid,
    BigDecimal priceMin,
    BigDecimal priceMax,
    Boolean returnVisit,
    String skill,
    Boolean workingHours,
    Boolean active,
    Long version,
    Minutes responseMinutes,
    Minutes resolutionMinutes)
    implements Serializable {

  /** Minutes allowed for each priority. */
  public record Minutes(Integer normal, Integer urgent, Integer emergency)
      implements Serializable {}

  /** The name in the user's language (the other one, then the code, when it is missing). */
  public String name(Locale locale) {
    boolean zh = locale != null && "zh".equals(locale.getLanguage());
    String first = zh ? nameZh : nameEn;
    String second = zh ? nameEn : nameZh;
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second != null && !second.isBlank() ? second : code;
  }
}
