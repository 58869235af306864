package org.courtyard.apiversions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a real bundle from Java source with bnd, records its API, then changes the source the ways
 * an engineer would and checks what the build says.
 */
class ApiBaselineTest {

  private static final String V1 =
      "package demo; public interface Greeter { String hello(String name); }";
  private static final String ADDED =
      "package demo; public interface Greeter { String hello(String name);"
          + " default String bye() { return \"bye\"; } }";
  private static final String REMOVED =
      "package demo; public interface Greeter { default String bye() { return \"bye\"; } }";

  @TempDir Path work;

  @Test
  void unchangedApiAtTheSameVersionPasses() throws Exception {
    Path baselines = recorded(V1, "1.0.0");
    assertThat(ApiBaseline.check(api(V1, "1.0.0"), baselines)).isEmpty();
  }

  @Test
  void anAddedMemberNeedsTheNextMinor() throws Exception {
    Path baselines = recorded(V1, "1.0.0");

    List<String> unbumped = ApiBaseline.check(api(ADDED, "1.0.0"), baselines);
    assertThat(unbumped).hasSize(1);
    assertThat(unbumped.get(0))
        .contains("demo is 1.0.0", "MINOR change", "at least 1.1.0", "added METHOD", "bye()");
    assertThat(ApiBaseline.check(api(ADDED, "1.0.1"), baselines)).hasSize(1);

    assertThat(ApiBaseline.check(api(ADDED, "1.1.0"), baselines)).isEmpty();
  }

  @Test
  void aRemovedMemberNeedsTheNextMajor() throws Exception {
    Path baselines = recorded(V1, "1.0.0");

    List<String> minorOnly = ApiBaseline.check(api(REMOVED, "1.1.0"), baselines);
    assertThat(minorOnly).hasSize(1);
    assertThat(minorOnly.get(0))
        .contains("MAJOR change", "at least 2.0.0", "removed METHOD", "hello(java.lang.String)");

    assertThat(ApiBaseline.check(api(REMOVED, "2.0.0"), baselines)).isEmpty();
  }

  @Test
  void aVersionBelowTheBaselineFails() throws Exception {
    Path baselines = recorded(V1, "1.2.0");
    assertThat(ApiBaseline.check(api(V1, "1.1.0"), baselines))
        .singleElement()
        .asString()
        .contains("lower than the baseline's 1.2.0");
  }

  @Test
  void aPackageWithoutABaselineFailsAndRefreshRecordsIt() throws Exception {
    Path baselines = work.resolve("baseline");
    List<ApiBaseline.PackageApi> api = api(V1, "1.0.0");

    assertThat(ApiBaseline.check(api, baselines))
        .singleElement()
        .asString()
        .contains("no baseline demo.txt", "-Dcourtyard.baseline=add");

    ApiBaseline.record(api, baselines, ApiBaseline.check(api, baselines));
    assertThat(ApiBaseline.check(api, baselines)).isEmpty();
  }

  @Test
  void refreshNeverRecordsOverAnUnbumpedChange() throws Exception {
    Path baselines = recorded(V1, "1.0.0");
    String before = Files.readString(baselines.resolve("demo.txt"));
    List<ApiBaseline.PackageApi> removed = api(REMOVED, "1.0.0");

    List<String> written =
        ApiBaseline.record(removed, baselines, ApiBaseline.check(removed, baselines));

    assertThat(written).isEmpty();
    assertThat(Files.readString(baselines.resolve("demo.txt"))).isEqualTo(before);
    assertThat(ApiBaseline.check(removed, baselines)).hasSize(1);
  }

  @Test
  void theBuildStepFailsOnAnUnbumpedChange() throws Exception {
    Path baselines = recorded(V1, "1.0.0");
    File changed = bundle(ADDED, "1.0.0");

    assertThatThrownBy(
            () ->
                ApiBaseline.main(
                    new String[] {"check", changed.toString(), baselines.toString(), "jar"}))
        .hasMessageContaining("API baseline check of")
        .hasMessageContaining("at least 1.1.0");
    ApiBaseline.main(
        new String[] {"check", bundle(ADDED, "1.1.0").toString(), baselines.toString(), "jar"});
  }

  @Test
  void addRecordsOnlyNewPackagesAndRefreshMovesTheBaseline() throws Exception {
    Path baselines = recorded(V1, "1.0.0");
    String v1 = Files.readString(baselines.resolve("demo.txt"));
    String bumped = bundle(ADDED, "1.1.0").toString();

    ApiBaseline.main(new String[] {"add", bumped, baselines.toString(), "jar"});
    assertThat(Files.readString(baselines.resolve("demo.txt"))).isEqualTo(v1);

    ApiBaseline.main(new String[] {"refresh", bumped, baselines.toString(), "jar"});
    assertThat(Files.readString(baselines.resolve("demo.txt")))
        .contains("demo 1.1.0", "bye()")
        .isNotEqualTo(v1);
    assertThat(ApiBaseline.check(api(ADDED, "1.1.0"), baselines)).isEmpty();
    assertThat(ApiBaseline.check(api(V1, "1.1.0"), baselines))
        .singleElement()
        .asString()
        .contains("at least 2.0.0");
  }

  @Test
  void theTextFormReadsBackToTheSameApi() throws Exception {
    List<ApiBaseline.PackageApi> api = api(ADDED, "1.3.0");
    String text = ApiText.write(api.get(0).tree(), List.of("a comment"));
    assertThat(text).startsWith("# a comment\nPACKAGE ").contains("\n  INTERFACE ");

    Path baselines = work.resolve("roundtrip");
    Files.createDirectories(baselines);
    Files.writeString(baselines.resolve("demo.txt"), text);
    assertThat(ApiBaseline.check(api, baselines)).isEmpty();
    assertThat(
            ApiText.write(
                ApiText.read(List.of(text.split("\n")), "demo.txt"), List.of("a comment")))
        .isEqualTo(text);
  }

  private Path recorded(String source, String version) throws Exception {
    Path baselines = work.resolve("baseline");
    List<ApiBaseline.PackageApi> api = api(source, version);
    ApiBaseline.record(api, baselines, List.of());
    return baselines;
  }

  private List<ApiBaseline.PackageApi> api(String source, String version) throws Exception {
    return ApiBaseline.exportedApi(bundle(source, version));
  }

  private int built;

  /** Compiles {@code source} and lets bnd make a bundle exporting package demo at version. */
  private File bundle(String source, String version) throws Exception {
    Path dir = Files.createDirectories(work.resolve("build" + ++built));
    Path src = Files.createDirectories(dir.resolve("src/demo")).resolve("Greeter.java");
    Files.writeString(src, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit =
        javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
    assertThat(exit).as("javac").isZero();
    File out = dir.resolve("demo.jar").toFile();
    try (Builder builder = new Builder()) {
      builder.setProperty("Bundle-SymbolicName", "demo");
      builder.setProperty("Export-Package", "demo;version=\"" + version + "\"");
      builder.addClasspath(classes.toFile());
      try (Jar jar = builder.build()) {
        assertThat(builder.getErrors()).isEmpty();
        jar.write(out);
      }
    }
    return out;
  }
}
