package org.courtyard.messaging.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A component's typed configuration as DS would build it: the given values, else the defaults. */
final class Configs {

  private Configs() {}

  static <A> A of(Class<A> type, Map<String, Object> values) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("annotationType")) {
                return type;
              }
              if (method.getName().equals("toString")) {
                return type.getSimpleName() + values;
              }
              Object value = values.get(method.getName());
              return value != null ? value : method.getDefaultValue();
            }));
  }
}
