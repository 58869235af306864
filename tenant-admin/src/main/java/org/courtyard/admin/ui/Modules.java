package org.courtyard.admin.ui;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ModuleInfo;

/** Which module requires which, as the platform declares it in {@code GET /modules}. */
final class Modules {

  private final Map<String, ModuleInfo> byId;

  Modules(List<ModuleInfo> modules) {
    this.byId =
        modules.stream()
            .collect(
                Collectors.toMap(
                    ModuleInfo::id,
                    Function.identity(),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
  }

  /** {@code ids} plus everything they require, transitively. */
  Set<String> withRequirements(Collection<String> ids) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(ids);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (out.add(id) && byId.containsKey(id)) {
        todo.addAll(byId.get(id).requires());
      }
    }
    return out;
  }

  /** The requirements of {@code module} that are not in {@code enabled}. */
  List<String> missing(String module, Collection<String> enabled) {
    ModuleInfo m = byId.get(module);
    return m == null ? List.of() : m.requires().stream().filter(r -> !enabled.contains(r)).toList();
  }

  /** The enabled modules that require {@code module}. */
  List<String> requiredBy(String module, Collection<String> enabled) {
    return enabled.stream()
        .filter(e -> byId.containsKey(e) && byId.get(e).requires().contains(module))
        .toList();
  }
}
