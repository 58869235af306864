package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The served OpenAPI document, with every module a tenant has enabled, is what integrators generate
 * clients and documentation from. It is written to {@code target/openapi.json} and linted by
 * Redocly CLI with {@code redocly.yaml} (its recommended rules and a description per operation):
 * any error fails the build. Redocly does not see what a generated client lacks when an answer
 * names no body, so that is checked here.
 *
 * <p>Needs {@code npx} (Node.js with npm). Outside CI a machine without it skips the lint with a
 * message; under {@code CI=true} that fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpenApiLintIT {

  static final String REDOCLY = "@redocly/cli@2.77.0";

  /** Relative to the module, as {@code .redocly.lint-ignore.yaml} names it. */
  static final String DOCUMENT = "target/openapi.json";

  @Configuration
  public Option[] config() {
    // resolved here, in the test's own JVM, whose working directory is the module
    return CourtyardContainer.options(
        systemProperty("courtyard.it.module.dir").value(new File("").getAbsolutePath()),
        systemProperty("courtyard.it.ci").value(String.valueOf(System.getenv("CI"))));
  }

  @Test
  public void theServedDocumentWithEveryModulePassesTheLint() throws Exception {
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    List<String> modules = new ArrayList<>();
    for (JsonNode m : operator.get("/operator/modules").json) {
      modules.add(m.path("id").asText());
    }
    operator.onboard("lint", modules);
    Http.Reply doc = documentWith(anonymous, modules);
    Path dir = Paths.get(System.getProperty("courtyard.it.module.dir"));
    Path out = dir.resolve(DOCUMENT);
    Files.writeString(out, doc.text, StandardCharsets.UTF_8);
    System.out.println("OpenAPI document of " + modules + " written to " + out);

    List<String> missing = new ArrayList<>();
    for (ApiSweepIT.Operation op : ApiSweepIT.Operation.all(doc.json)) {
      missing.addAll(gaps(op.key(), op.spec));
    }
    assertTrue(
        "operations the document leaves incomplete:\n" + String.join("\n", missing),
        missing.isEmpty());

    lint(dir);
  }

  /** What a client generator or a reader misses in one operation. */
  private static List<String> gaps(String name, JsonNode op) {
    List<String> gaps = new ArrayList<>();
    if (op.path("summary").asText().isBlank() || op.path("description").asText().isBlank()) {
      gaps.add(name + ": no summary or description (@Doc)");
    }
    if (!op.path("security").isArray()) {
      gaps.add(name + ": no security");
    }
    op.path("responses")
        .fields()
        .forEachRemaining(
            r -> {
              if (r.getKey().startsWith("2")
                  && !r.getKey().equals("204")
                  && !r.getValue().has("content")) {
                gaps.add(name + ": " + r.getKey() + " names no body (@Doc(returns = ...))");
              }
            });
    return gaps;
  }

  /** The document once every module's API is in it: a module's resources come a moment later. */
  private static Http.Reply documentWith(Http anonymous, List<String> modules) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      Http.Reply doc = anonymous.get("/openapi.json");
      assertEquals(doc.toString(), 200, doc.status);
      List<String> tags = new ArrayList<>();
      doc.json.path("tags").forEach(t -> tags.add(t.path("name").asText()));
      if (tags.containsAll(modules) || System.currentTimeMillis() > deadline) {
        assertTrue("modules missing from the document's tags " + tags, tags.containsAll(modules));
        return doc;
      }
      Thread.sleep(200);
    }
  }

  /**
   * Runs Redocly in the module's folder, where {@code redocly.yaml} and the ignore file of accepted
   * findings are. Warnings fail as well as errors: one left standing hides the next.
   */
  private static void lint(Path dir) throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getProperty("courtyard.it.ci"));
    if (!onPath("npx")) {
      String why = "npx (Node.js with npm) is not installed: the OpenAPI document was not linted";
      assertTrue(why + ", and under CI=true that is a failure", !ci);
      assumeTrue(why + " (apt-get install nodejs npm)", false);
    }
    Path report = dir.resolve("target/openapi-lint.json");
    Path log = dir.resolve("target/openapi-lint.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                "npx",
                "--yes",
                REDOCLY,
                "lint",
                "--config",
                "redocly.yaml",
                "--format",
                "json",
                DOCUMENT)
            .directory(dir.toFile())
            .redirectOutput(report.toFile())
            .redirectError(log.toFile());
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("redocly lint did not finish in 5 minutes");
    }
    String output = Files.readString(report, StandardCharsets.UTF_8);
    JsonNode result;
    try {
      result = Http.JSON.readTree(output);
    } catch (IOException e) {
      throw new AssertionError(
          "redocly lint exited "
              + p.exitValue()
              + " without a report:\n"
              + output
              + Files.readString(log),
          e);
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode problem : result.path("problems")) {
      problems.add(
          problem.path("severity").asText()
              + " "
              + problem.path("ruleId").asText()
              + " at "
              + problem.path("location").path(0).path("pointer").asText()
              + ": "
              + problem.path("message").asText());
    }
    JsonNode totals = result.path("totals");
    String summary =
        "redocly lint ("
            + REDOCLY
            + ", redocly.yaml): "
            + totals.path("errors").asInt()
            + " errors, "
            + totals.path("warnings").asInt()
            + " warnings, "
            + totals.path("ignored").asInt()
            + " accepted in .redocly.lint-ignore.yaml"
            + (problems.isEmpty() ? "" : ":\n" + String.join("\n", problems));
    System.out.println(summary);
    assertEquals(summary, 0, totals.path("errors").asInt());
    assertEquals(summary, 0, totals.path("warnings").asInt());
    assertEquals(summary + "\n" + Files.readString(log), 0, p.exitValue());
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Paths.get(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
