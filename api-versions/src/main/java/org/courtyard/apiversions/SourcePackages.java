package org.courtyard.apiversions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported packages as the source says them: bnd exports exactly the packages whose {@code
 * package-info.java} carries {@code @Version} ({@code -exportcontents: ${packages;VERSIONED}} in
 * the root pom), at that version. Read from the source so that the checks need no build order.
 */
final class SourcePackages {

  private static final Set<String> SKIPPED =
      Set.of("target", ".git", "node_modules", ".courtyard", "baseline");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern VERSION =
      Pattern.compile(
          "@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\(\\s*\"([^\"]+)\"\\s*\\)");

  /** One exported package: its name, version and the package-info that says so. */
  record Exported(String name, String version, Path packageInfo) {}

  /** module folder name (= bundle symbolic name) → its exported packages by name. */
  final Map<String, Map<String, Exported>> byBundle = new TreeMap<>();

  /** Every folder that holds a pom.xml, by name: the bundles a table row may name. */
  final Set<String> modules = new TreeSet<>();

  static SourcePackages scan(Path root) {
    SourcePackages found = new SourcePackages();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                found.modules.add(dir.getFileName().toString());
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (file.getFileName().toString().equals("package-info.java")
                  && file.toString().contains("/src/main/java/")) {
                found.read(root, file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private void read(Path root, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Matcher version = VERSION.matcher(text);
    Matcher pkg = PACKAGE.matcher(text);
    if (!version.find() || !pkg.find()) {
      return;
    }
    String path = root.relativize(file).toString();
    String bundle =
        Path.of(path.substring(0, path.indexOf("/src/main/java/"))).getFileName().toString();
    byBundle
        .computeIfAbsent(bundle, b -> new TreeMap<>())
        .put(pkg.group(1), new Exported(pkg.group(1), version.group(1), root.relativize(file)));
  }

  /** Every exported package by name, whichever bundle exports it. */
  Map<String, Exported> packages() {
    Map<String, Exported> all = new TreeMap<>();
    byBundle.values().forEach(all::putAll);
    return all;
  }
}
