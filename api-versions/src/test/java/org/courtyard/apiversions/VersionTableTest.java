package org.courtyard.apiversions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionTableTest {

  @TempDir Path root;

  private static final String DOC =
      String.join(
          "\n",
          "# Architecture",
          "## 1. Bundles and features",
          "",
          "| bundle | role | key classes | exported API |",
          "|---|---|---|---|",
          "| `org.courtyard.api` | contract | `A` \\| `B` | `org.courtyard.api` 1.6.0, `.rest` 1.3.0 |",
          "| `org.courtyard.tenancy` | registry | `Tenancy` | none |",
          "| `device-drivers/org.courtyard.driver.{jsonmeter,kvsensor}` | drivers | | none |",
          "",
          "## 2. Next",
          "| `org.courtyard.elsewhere` | not the bundle table | | `x.y` 9.9.9 |",
          "");

  @Test
  void aTableThatAgreesHasNoProblems() throws Exception {
    assertThat(VersionTable.problems(DOC, code("1.6.0", "1.3.0"))).isEmpty();
  }

  @Test
  void aDriftedVersionNamesTheRowAndBothVersions() throws Exception {
    assertThat(VersionTable.problems(DOC, code("1.7.0", "1.3.0")))
        .singleElement()
        .asString()
        .contains(
            "row `org.courtyard.api`",
            "`org.courtyard.api` is 1.7.0 in the code",
            "1.6.0 in the table");
  }

  @Test
  void aPackageMissingFromTheTableOrFromTheCodeIsNamed() throws Exception {
    bundle("bundles/org.courtyard.api", "org.courtyard.api.csv", "1.1.0");
    assertThat(VersionTable.problems(DOC, code("1.6.0", "1.3.0")))
        .singleElement()
        .asString()
        .contains("exports `org.courtyard.api.csv` 1.1.0", "the table does not list it");

    String restGoneInstead = DOC.replace("`.rest` 1.3.0", "`.gone` 2.0.0");
    assertThat(VersionTable.problems(restGoneInstead, code("1.6.0", "1.3.0")))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "lists `org.courtyard.api.gone` 2.0.0, which org.courtyard.api does not"
                            + " export"))
        .anySatisfy(p -> assertThat(p).contains("exports `org.courtyard.api.rest` 1.3.0"));
  }

  @Test
  void aBundleWithoutARowAndARowWithoutABundleAreNamed() throws Exception {
    SourcePackages code = code("1.6.0", "1.3.0");
    bundle("bundles/org.courtyard.devices.platform", "org.courtyard.devices", "1.2.0");
    code = SourcePackages.scan(root);
    String doc = DOC.replace("`org.courtyard.tenancy`", "`org.courtyard.planned`");
    assertThat(VersionTable.problems(doc, code))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "bundle org.courtyard.devices.platform exports [`org.courtyard.devices` 1.2.0] and has no row"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "row `org.courtyard.planned`: there is no bundle org.courtyard.planned"));
  }

  private SourcePackages code(String api, String rest) throws Exception {
    bundle("bundles/org.courtyard.api", "org.courtyard.api", api);
    bundle("bundles/org.courtyard.api", "org.courtyard.api.rest", rest);
    module("bundles/org.courtyard.tenancy");
    module("device-drivers/org.courtyard.driver.jsonmeter");
    module("device-drivers/org.courtyard.driver.kvsensor");
    return SourcePackages.scan(root);
  }

  private void module(String dir) throws Exception {
    Files.createDirectories(root.resolve(dir));
    Files.writeString(root.resolve(dir).resolve("pom.xml"), "<project/>");
  }

  private void bundle(String dir, String pkg, String version) throws Exception {
    module(dir);
    Path info = root.resolve(dir).resolve("src/main/java").resolve(pkg.replace('.', '/'));
    Files.createDirectories(info);
    Files.writeString(
        info.resolve("package-info.java"),
        "@org.osgi.annotation.versioning.Version(\"" + version + "\")\npackage " + pkg + ";\n");
  }
}
