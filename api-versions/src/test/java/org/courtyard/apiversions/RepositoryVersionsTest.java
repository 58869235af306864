package org.courtyard.apiversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's own documents against its code: docs/ARCHITECTURE.md's version table, and a
 * committed baseline for every exported package (and none for a package that is gone).
 */
class RepositoryVersionsTest {

  private static Path root;
  private static SourcePackages code;

  @BeforeAll
  static void scan() {
    root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("docs/ARCHITECTURE.md")).as("repository root").isRegularFile();
    code = SourcePackages.scan(root);
  }

  @Test
  void theCodeExportsTheKnownApiPackages() {
    assertThat(code.packages())
        .containsKeys("org.courtyard.api", "org.courtyard.api.rest", "org.courtyard.driver");
  }

  @Test
  void architectureVersionTableAgreesWithTheCode() throws IOException {
    String doc = Files.readString(root.resolve("docs/ARCHITECTURE.md"), StandardCharsets.UTF_8);
    assertThat(VersionTable.problems(doc, code))
        .as(
            "docs/ARCHITECTURE.md section 1, last column, against the @Version of each"
                + " package-info.java")
        .isEmpty();
  }

  @Test
  void everyExportedPackageHasABaselineAndEveryBaselineAPackage() throws IOException {
    Path baselines = root.resolve("baseline");
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(baselines)) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .forEach(n -> files.add(n.substring(0, n.length() - ".txt".length())));
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, SourcePackages.Exported> pkg : code.packages().entrySet()) {
      if (!files.contains(pkg.getKey())) {
        problems.add(
            pkg.getKey()
                + " is exported ("
                + pkg.getValue().packageInfo()
                + ") but baseline/ has no "
                + pkg.getKey()
                + ".txt: record it with -Dcourtyard.baseline=add");
      }
    }
    for (String file : files) {
      if (!code.packages().containsKey(file)) {
        problems.add(
            "baseline/"
                + file
                + ".txt names a package no bundle exports any more: removing an exported"
                + " package breaks its importers; delete the file only when that is meant");
      }
    }
    assertThat(problems).isEmpty();
  }
}
