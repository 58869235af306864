package org.courtyard.admin.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.courtyard.admin.api.StaffMe;

/**
 * Where a staff member may act, in words for the header: "whole company", or "estates: 东苑, 西苑"
 * (names where known, else the ids), over all permissions held.
 */
final class ScopeWords {

  private ScopeWords() {}

  /**
   * @param tr a translation with parameters ({@code getTranslation})
   */
  static String of(
      StaffMe me, Map<Long, String> estateNames, BiFunction<String, Object[], String> tr) {
    if (me.permissions().isEmpty()) {
      return tr.apply("property.scope.none", new Object[0]);
    }
    boolean anyCompany = me.permissions().stream().anyMatch(StaffMe.Held::companyWide);
    boolean allCompany = me.permissions().stream().allMatch(StaffMe.Held::companyWide);
    if (allCompany) {
      return tr.apply("property.scope.company", new Object[0]);
    }
    TreeSet<Long> estates = new TreeSet<>();
    TreeSet<Long> buildings = new TreeSet<>();
    for (StaffMe.Held h : me.permissions()) {
      if (!h.companyWide()) {
        estates.addAll(h.estates());
        buildings.addAll(h.buildings());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!estates.isEmpty()) {
      parts.add(
          tr.apply(
              "property.scope.estates",
              new Object[] {
                String.join(
                    ", ",
                    estates.stream().map(id -> estateNames.getOrDefault(id, "#" + id)).toList())
              }));
    }
    if (!buildings.isEmpty()) {
      parts.add(
          tr.apply(
              "property.scope.buildings",
              new Object[] {String.join(", ", buildings.stream().map(id -> "#" + id).toList())}));
    }
    String some =
        parts.isEmpty() ? tr.apply("property.scope.own", new Object[0]) : String.join("; ", parts);
    return anyCompany ? tr.apply("property.scope.mixed", new Object[] {some}) : some;
  }
}
