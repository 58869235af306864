package org.courtyard.tenancy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/** Orders modules so that every module comes after the modules it requires. */
final class ModuleOrder {

  private static final Texts TEXTS = Texts.of(ModuleOrder.class);

  private ModuleOrder() {}

  /**
   * @param requested modules to enable, in the caller's order (kept where dependencies allow)
   * @param requires what each known module requires
   * @param alreadyEnabled modules the tenant has already; they satisfy requirements
   * @throws ProblemException 409 when a requirement is neither requested nor enabled, or on a cycle
   */
  static List<String> resolve(
      Collection<String> requested,
      Map<String, List<String>> requires,
      Set<String> alreadyEnabled) {
    Set<String> wanted = new LinkedHashSet<>(requested);
    for (String m : wanted) {
      for (String r : requires.getOrDefault(m, List.of())) {
        if (!wanted.contains(r) && !alreadyEnabled.contains(r)) {
          throw missing(m, r);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> visiting = new HashSet<>();
    for (String m : wanted) {
      visit(m, wanted, requires, visiting, ordered);
    }
    return ordered;
  }

  private static void visit(
      String m,
      Set<String> wanted,
      Map<String, List<String>> requires,
      Set<String> visiting,
      List<String> ordered) {
    if (ordered.contains(m)) {
      return;
    }
    if (!visiting.add(m)) {
      throw TEXTS.problem(409, "module-dependency-cycle", "module.cycle", visiting);
    }
    for (String r : requires.getOrDefault(m, List.of())) {
      if (wanted.contains(r)) {
        visit(r, wanted, requires, visiting, ordered);
      }
    }
    visiting.remove(m);
    ordered.add(m);
  }

  static ProblemException missing(String module, String required) {
    return TEXTS.problem(409, "module-requires", "module.requires", module, required);
  }
}
