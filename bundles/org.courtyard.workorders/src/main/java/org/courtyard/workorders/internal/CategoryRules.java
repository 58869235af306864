package org.courtyard.workorders.internal;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.workorders.internal.dto.CategoryInput;
import org.courtyard.workorders.internal.dto.Minutes;

/**
 * What a category must be, checked field by field before it is stored; the table's CHECK
 * constraints say the same, so a 422 names every wrong field and the database never has to refuse.
 */
final class CategoryRules {

  static final Set<String> KINDS = Set.of("repair", "complaint", "inquiry", "praise");
  static final Set<String> MODES = Set.of("assign", "grab", "round_robin", "auto");

  private static final Texts TEXTS = Texts.of(CategoryRules.class);
  private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,31}$");
  private static final Pattern SKILL = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,31}$");
  private static final int NAME_MAX = 100;

  /** A year of minutes: no category allows longer. */
  private static final int MINUTES_MAX = 525_600;

  private static final BigDecimal PRICE_MAX = new BigDecimal("9999999999.99");

  /** A category checked and normalised, as stored. */
  record Checked(
      String code,
      String nameEn,
      String nameZh,
      String kind,
      String dispatchMode,
      boolean paid,
      BigDecimal priceMin,
      BigDecimal priceMax,
      boolean returnVisit,
      String skill,
      boolean workingHours,
      boolean active,
      int[] response,
      int[] resolution) {}

  private CategoryRules() {}

  /**
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every field
   */
  static Checked check(CategoryInput in) {
    FieldErrors errors = new FieldErrors();
    String code = TextRules.trimToNull(in.code());
    if (code == null || !CODE.matcher(code).matches()) {
      errors.add("code", TEXTS.text("category.code"));
    }
    String nameEn = TextRules.requiredLine(in.nameEn(), "nameEn", NAME_MAX, errors);
    String nameZh = TextRules.requiredLine(in.nameZh(), "nameZh", NAME_MAX, errors);
    if (in.kind() == null || !KINDS.contains(in.kind())) {
      errors.add("kind", TEXTS.text("category.kind", String.join(", ", sorted(KINDS))));
    }
    String mode = in.dispatchMode() == null ? "assign" : in.dispatchMode();
    if (!MODES.contains(mode)) {
      errors.add("dispatchMode", TEXTS.text("category.mode", String.join(", ", sorted(MODES))));
    }
    boolean paid = Boolean.TRUE.equals(in.paid());
    BigDecimal min = in.priceMin();
    BigDecimal max = in.priceMax();
    if (paid) {
      if (!price(min)) {
        errors.add("priceMin", TEXTS.text("category.price"));
      }
      if (!price(max)) {
        errors.add("priceMax", TEXTS.text("category.price"));
      } else if (price(min) && max.compareTo(min) < 0) {
        errors.add("priceMax", TEXTS.text("category.price-range"));
      }
    } else if (min != null || max != null) {
      errors.add(min != null ? "priceMin" : "priceMax", TEXTS.text("category.price-free"));
    }
    String skill = TextRules.trimToNull(in.skill());
    if (skill != null && !SKILL.matcher(skill).matches()) {
      errors.add("skill", TEXTS.text("category.skill"));
    }
    int[] response = minutes(in.responseMinutes(), "responseMinutes", errors);
    int[] resolution = minutes(in.resolutionMinutes(), "resolutionMinutes", errors);
    if (response != null && resolution != null) {
      for (int i = 0; i < 3; i++) {
        if (response[i] > resolution[i]) {
          errors.add("responseMinutes", TEXTS.text("category.response-longer"));
          break;
        }
      }
    }
    errors.throwIfAny();
    return new Checked(
        code,
        nameEn,
        nameZh,
        in.kind(),
        mode,
        paid,
        paid ? min.setScale(2, java.math.RoundingMode.HALF_UP) : null,
        paid ? max.setScale(2, java.math.RoundingMode.HALF_UP) : null,
        Boolean.TRUE.equals(in.returnVisit()),
        skill,
        in.workingHours() == null || in.workingHours(),
        in.active() == null || in.active(),
        response,
        resolution);
  }

  private static boolean price(BigDecimal p) {
    return p != null && p.signum() >= 0 && p.scale() <= 2 && p.compareTo(PRICE_MAX) <= 0;
  }

  /** Normal, urgent, emergency: each 1 to a year, a more pressing priority never longer. */
  private static int[] minutes(Minutes m, String field, FieldErrors errors) {
    if (m == null || m.normal() == null || m.urgent() == null || m.emergency() == null) {
      errors.add(field, TEXTS.text("category.minutes-required"));
      return null;
    }
    int[] v = {m.normal(), m.urgent(), m.emergency()};
    for (int x : v) {
      if (x < 1 || x > MINUTES_MAX) {
        errors.add(field, TEXTS.text("category.minutes-range", MINUTES_MAX));
        return null;
      }
    }
    if (v[2] > v[1] || v[1] > v[0]) {
      errors.add(field, TEXTS.text("category.minutes-order"));
      return null;
    }
    return v;
  }

  private static java.util.List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
