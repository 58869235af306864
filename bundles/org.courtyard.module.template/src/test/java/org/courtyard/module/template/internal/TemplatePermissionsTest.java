package org.courtyard.module.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.ws.rs.HttpMethod;
import org.courtyard.api.ModuleDescriptor;
import org.courtyard.api.PermissionDef;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.junit.jupiter.api.Test;

/**
 * The platform refuses a staff member an operation unless a role grants the permission the method
 * names, and the role editor offers only what the descriptor declares: an operation without one, or
 * naming one that is not declared, could be granted to no one but the owner.
 */
class TemplatePermissionsTest {

  private final ModuleDescriptor module = new TemplateModule();

  @Test
  void everyOperationNamesAPermissionTheModuleDeclares() throws Exception {
    Map<String, String> operations = operations(TemplateModule.class);
    Set<String> declared =
        module.permissions().stream().map(PermissionDef::id).collect(Collectors.toSet());

    assertThat(operations).isNotEmpty();
    assertThat(operations.entrySet())
        .as("operations without a @Permission that permissions() declares")
        .filteredOn(operation -> !declared.contains(operation.getValue()))
        .isEmpty();
  }

  @Test
  void everyDeclaredPermissionIsNeededByAnOperationAndNamedOnce() throws Exception {
    List<String> ids = module.permissions().stream().map(PermissionDef::id).toList();

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(module.permissions()).allMatch(p -> p.module().equals(module.id()), "of the module");
    assertThat(new HashSet<>(operations(TemplateModule.class).values()))
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  /**
   * The permission of every operation of the module's resources, found by scanning the module's
   * classes so that a new resource cannot be missed: "Class.method" to its id, null for none.
   */
  static Map<String, String> operations(Class<?> inModule) throws Exception {
    Path classes = Path.of(inModule.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, String> operations = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '.');
        Class<?> type =
            Class.forName(name.substring(0, name.length() - 6), false, inModule.getClassLoader());
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
    return operations;
  }

  private static boolean isHttpMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }
}
