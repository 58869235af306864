package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every {@code courtyard:} shell command that changes something leaves exactly one row in the
 * operators' audit log, under the shell user's name, with its outcome; reading commands leave none.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ShellAuditIT {

  @Inject SessionFactory shell;

  private static Http operator;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void operator() throws Exception {
    if (operator == null) {
      operator =
          Http.anonymous(CourtyardContainer.httpPort())
              .operator(CourtyardContainer.operatorPassword());
    }
  }

  @Test
  public void a01_aChangingCommandLeavesOneRowUnderTheShellUsersName() throws Exception {
    String output = asKaraf("courtyard:tenant-create -m estate sha_one \"Shell Audit Co.\"");
    assertTrue(output, output.contains("Admin API token"));
    List<JsonNode> rows = rows("courtyard:tenant-create", "sha_one");
    assertEquals(rows.toString(), 1, rows.size());
    JsonNode row = rows.get(0);
    assertEquals("operator", row.path("principalKind").asText());
    assertEquals("karaf", row.path("principalName").asText());
    assertEquals("karaf-shell", row.path("source").asText());
    assertEquals("ok", row.path("outcome").asText());
    assertEquals("sha_one", row.path("objectIds").asText());
    assertEquals(
        "courtyard:tenant-create -m estate sha_one \"Shell Audit Co.\"",
        row.path("summary").asText());
  }

  @Test
  public void a02_aFailedCommandLeavesARowWithWhy() throws Exception {
    asKaraf("courtyard:tenant-create Bad_Slug x");
    List<JsonNode> rows = rows("courtyard:tenant-create", "Bad_Slug");
    assertEquals(rows.toString(), 1, rows.size());
    assertTrue(rows.toString(), rows.get(0).path("outcome").asText().startsWith("failed: "));
    asKaraf("courtyard:tenant-offboard --confirm wrong sha_one");
    List<JsonNode> refused = rows("courtyard:tenant-offboard", "sha_one");
    assertEquals(refused.toString(), 1, refused.size());
    assertEquals("failed: --confirm must repeat the slug", refused.get(0).path("outcome").asText());
  }

  @Test
  public void a03_readingCommandsLeaveNoRow() throws Exception {
    String listed = asKaraf("courtyard:tenant-list");
    assertTrue(listed, listed.contains("sha_one"));
    asKaraf("courtyard:module-list");
    assertEquals(0, rows("courtyard:tenant-list", null).size());
    assertEquals(0, rows("courtyard:module-list", null).size());
  }

  @Test
  public void a04_aShellWithoutASignedInUserIsNamedShellAndBareNamesCount() throws Exception {
    execute("courtyard:tenant-suspend -r \"audit test\" sha_one");
    List<JsonNode> suspended = rows("courtyard:tenant-suspend", "sha_one");
    assertEquals(suspended.toString(), 1, suspended.size());
    assertEquals("shell", suspended.get(0).path("principalName").asText());
    execute("tenant-resume sha_one");
    List<JsonNode> resumed = rows("courtyard:tenant-resume", "sha_one");
    assertEquals(resumed.toString(), 1, resumed.size());
    assertEquals("ok", resumed.get(0).path("outcome").asText());
    assertEquals("courtyard:tenant-resume sha_one", resumed.get(0).path("summary").asText());
  }

  @Test
  public void a05_everyChangingCommandOfALineGetsItsRow() throws Exception {
    asKaraf(
        "courtyard:module-disable sha_one estate ; courtyard:tenant-list ;"
            + " courtyard:module-enable sha_one estate");
    List<JsonNode> disabled = rows("courtyard:module-disable", "sha_one");
    List<JsonNode> enabled = rows("courtyard:module-enable", "sha_one");
    assertEquals(disabled.toString(), 1, disabled.size());
    assertEquals(enabled.toString(), 1, enabled.size());
    assertEquals("sha_one,estate", enabled.get(0).path("objectIds").asText());
    assertEquals(
        disabled.get(0).path("requestId").asText(), enabled.get(0).path("requestId").asText());
    asKaraf("courtyard:tenant-offboard --confirm sha_one sha_one");
    List<JsonNode> offboarded = rows("courtyard:tenant-offboard", "sha_one");
    assertEquals(offboarded.toString(), 2, offboarded.size());
    assertEquals("ok", offboarded.get(0).path("outcome").asText());
  }

  /**
   * Runs {@code line} as the console's user {@code karaf} (a JAAS subject, as SSH signs one in).
   */
  private String asKaraf(String line) throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    Principal user =
        (Principal)
            loader
                .loadClass("org.apache.karaf.jaas.boot.principal.UserPrincipal")
                .getConstructor(String.class)
                .newInstance("karaf");
    Principal admin =
        (Principal)
            loader
                .loadClass("org.apache.karaf.jaas.boot.principal.RolePrincipal")
                .getConstructor(String.class)
                .newInstance("admin");
    Subject subject = new Subject();
    subject.getPrincipals().add(user);
    subject.getPrincipals().add(admin);
    return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> execute(line));
  }

  private String execute(String line) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Session session = shell.create(new ByteArrayInputStream(new byte[0]), print, print);
    try {
      session.execute(line);
    } finally {
      session.close();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The operators' audit rows of {@code operation} naming {@code object} (any, when null). */
  private static List<JsonNode> rows(String operation, String object) throws Exception {
    Http.Reply reply =
        operator.get(
            "/operator/audit?limit=200&operation="
                + URLEncoder.encode(operation, StandardCharsets.UTF_8)
                + (object == null ? "" : "&object=" + object));
    assertEquals(reply.toString(), 200, reply.status);
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode r : reply.json.path("items")) {
      if (r.path("operation").asText().equals(operation)) {
        rows.add(r);
      }
    }
    return rows;
  }
}
