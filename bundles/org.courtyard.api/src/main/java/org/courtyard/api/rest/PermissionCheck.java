package org.courtyard.api.rest;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.ws.rs.HttpMethod;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;

/**
 * The check every module's unit test runs on its permissions: each operation of its resources names
 * one {@link Permission} the descriptor declares, each declared permission is of the module, named
 * once and needed by some operation. The platform refuses staff an operation whose permission no
 * role can hold, so a gap here is an operation only the owner token could use.
 */
public final class PermissionCheck {

  private PermissionCheck() {}

  /**
   * What is wrong with {@code module}'s permissions; empty when nothing is. The module's resources
   * are found by scanning the classes beside the descriptor's (a build's class folder), so that a
   * new resource cannot be missed.
   */
  public static List<String> problems(ModuleDescriptor module) {
    Map<String, String> operations = operations(module.getClass());
    List<String> problems = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (PermissionDef p : module.permissions()) {
      if (!declared.add(p.id())) {
        problems.add(p.id() + " is declared twice");
      }
      if (!p.module().equals(module.id())) {
        problems.add(p.id() + " is not of module " + module.id());
      }
    }
    if (operations.isEmpty()) {
      problems.add("no operation found beside " + module.getClass().getName());
    }
    operations.forEach(
        (operation, permission) -> {
          if (permission == null) {
            problems.add(operation + " names no @Permission");
          } else if (!declared.contains(permission)) {
            problems.add(operation + " names " + permission + ", which permissions() lacks");
          }
        });
    Set<String> used = new HashSet<>(operations.values());
    declared.stream()
        .filter(id -> !used.contains(id))
        .sorted()
        .forEach(id -> problems.add(id + " is declared but no operation needs it"));
    return problems;
  }

  /** "Class.method" of every operation of the module's resources to its permission, or null. */
  static Map<String, String> operations(Class<?> inModule) {
    Map<String, String> operations = new TreeMap<>();
    try {
      Path classes = Path.of(inModule.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String name = classes.relativize(file).toString().replace(File.separatorChar, '.');
          Class<?> type =
              Class.forName(
                  name.substring(0, name.length() - ".class".length()),
                  false,
                  inModule.getClassLoader());
          if (!ModuleResource.class.isAssignableFrom(type) || type.isInterface()) {
            continue;
          }
          for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Doc.class) || isHttpMethod(method)) {
              Permission permission = method.getAnnotation(Permission.class);
              operations.put(
                  type.getSimpleName() + "." + method.getName(),
                  permission == null ? null : permission.value());
            }
          }
        }
      }
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException("scanning the classes beside " + inModule + " failed", e);
    }
    return operations;
  }

  private static boolean isHttpMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }
}
