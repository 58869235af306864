package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * The module template ({@code bundles/org.courtyard.module.template}) works as a module: enabled at
 * onboarding, its notes created, read, listed page by page, updated with their version and deleted,
 * its validation answered with every field error, and one tenant's notes out of another's reach. A
 * module copied from the template starts from a copy of this test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModuleTemplateIT {

  private static Http east;
  private static Http west;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void tenants() throws Exception {
    if (east != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    east = anonymous.tenant(operator.onboard("east_tpl", "template"));
    west = anonymous.tenant(operator.onboard("west_tpl", "template"));
  }

  @Test
  public void a01_createReadUpdateDelete() throws Exception {
    Http.Reply created =
        east.post(
            "/template/notes", map("title", " Boiler check ", "body", "Floor -1", "priority", 2));
    assertEquals(created.toString(), 201, created.status);
    long id = created.json.path("id").asLong();
    assertEquals("Boiler check", created.json.path("title").asText());
    int version = created.json.path("version").asInt();

    Http.Reply read = east.get("/template/notes/" + id);
    assertEquals(read.toString(), 200, read.status);
    assertEquals(created.json, read.json);

    Http.Reply updated =
        east.put(
            "/template/notes/" + id,
            map("title", "Boiler checked", "body", null, "priority", 5, "version", version));
    assertEquals(updated.toString(), 200, updated.status);
    assertEquals(version + 1, updated.json.path("version").asInt());
    assertTrue(updated.json.path("body").isNull());
    assertEquals(updated.json, east.get("/template/notes/" + id).json);

    assertEquals(204, east.delete("/template/notes/" + id).status);
    Http.Reply gone = east.get("/template/notes/" + id);
    assertEquals(gone.toString(), 404, gone.status);
    assertEquals("not-found", gone.problemType());
    assertEquals(404, east.delete("/template/notes/" + id).status);
  }

  @Test
  public void a02_invalidInputIsAnsweredWithEveryFieldError() throws Exception {
    Http.Reply r = east.post("/template/notes", map("title", "two\nlines", "priority", 9));
    assertEquals(r.toString(), 422, r.status);
    assertEquals("validation-failed", r.problemType());
    List<String> fields = new ArrayList<>();
    r.json.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertEquals(List.of("title", "priority"), fields);

    Http.Reply keys = east.post("/template/notes", map("title", "Keys", "priority", 1));
    long id = Http.id(keys);
    Http.Reply noVersion = east.put("/template/notes/" + id, map("title", "", "priority", 1));
    assertEquals(noVersion.toString(), 422, noVersion.status);
    assertTrue(noVersion.text, noVersion.text.contains("\"field\":\"version\""));
    assertTrue(noVersion.text, noVersion.text.contains("\"field\":\"title\""));
    assertEquals(keys.json, east.get("/template/notes/" + id).json);

    assertEquals(400, east.post("/template/notes", "").status);
    assertEquals(400, east.get("/template/notes?limit=many").status);
  }

  @Test
  public void a03_aStaleVersionIsRefused() throws Exception {
    Http.Reply lift = east.post("/template/notes", map("title", "Lift", "priority", 3));
    long id = Http.id(lift);
    int read = lift.json.path("version").asInt();
    Http.Reply first =
        east.put("/template/notes/" + id, map("title", "Lift A", "priority", 3, "version", read));
    assertEquals(first.toString(), 200, first.status);
    Http.Reply second =
        east.put("/template/notes/" + id, map("title", "Lift B", "priority", 3, "version", read));
    assertEquals(second.toString(), 409, second.status);
    assertEquals("stale-version", second.problemType());
    assertEquals(read + 1, second.json.path("currentVersion").asInt());
    assertEquals("Lift A", east.get("/template/notes/" + id).json.path("title").asText());
  }

  @Test
  public void a04_listsArePagedByIdWithACursor() throws Exception {
    List<Long> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(Http.id(west.post("/template/notes", map("title", "Note " + i, "priority", 1))));
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Http.Reply page =
          west.get("/template/notes?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(page.toString(), 200, page.status);
      page.json.path("items").forEach(n -> seen.add(n.path("id").asLong()));
      JsonNode next = page.json.path("nextCursor");
      cursor = next.isNull() || next.isMissingNode() ? null : next.asText();
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(made, seen);
    assertEquals(3, pages);
    assertNull(cursor);
  }

  @Test
  public void a05_oneTenantCannotReachAnothersNotes() throws Exception {
    Http.Reply westside =
        west.post("/template/notes", map("title", "Westside only", "priority", 2));
    long id = Http.id(westside);
    // ids are counted per tenant schema: the premise is that east has no note of its own with it
    assertFalse(east.get("/template/notes?limit=500").text.contains("\"id\":" + id + ","));
    assertEquals(404, east.get("/template/notes/" + id).status);
    assertEquals(
        404,
        east.put(
                "/template/notes/" + id,
                map("title", "Taken", "priority", 2, "version", westside.json.path("version")))
            .status);
    assertEquals(404, east.delete("/template/notes/" + id).status);
    assertFalse(east.get("/template/notes?limit=500").text.contains("Westside"));
    assertEquals(westside.json, west.get("/template/notes/" + id).json);
  }

  /** The table refuses what the rules refuse, whichever path a row takes into it. */
  /**
   * A module's refusals speak the caller's language: what a module copied from the template
   * inherits (its catalogues, problems.properties and problems_zh.properties).
   */
  @Test
  public void a05b_refusalsSpeakTheCallersLanguage() throws Exception {
    Http chinese = east.inLanguage("zh-CN");
    Http.Reply missing = chinese.get("/template/notes/987654321");
    assertEquals(missing.toString(), 404, missing.status);
    assertEquals("not-found", missing.problemType());
    assertEquals("zh-CN", missing.header("Content-Language"));
    assertTrue(missing.text, missing.json.path("detail").asText().contains("便签"));
    Http.Reply invalid = chinese.post("/template/notes", map("title", "", "priority", 9));
    assertEquals(invalid.toString(), 422, invalid.status);
    // the field names stay as they are; their messages are Chinese
    List<String> fields = new ArrayList<>();
    invalid.json.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertEquals(List.of("title", "priority"), fields);
    invalid
        .json
        .path("errors")
        .forEach(
            e ->
                assertTrue(
                    e.toString(),
                    e.path("message").asText().codePoints().anyMatch(c -> c >= 0x4E00)));

    Http.Reply english = east.get("/template/notes/987654321");
    assertEquals("en", english.header("Content-Language"));
    assertTrue(english.text, english.json.path("detail").asText().contains("Note"));
  }

  @Test
  public void a06_theTableRepeatsTheRules() throws Exception {
    for (String values :
        List.of(
            "(' ', null, 1)",
            "('two' || chr(10) || 'lines', null, 1)",
            "('Title', '   ', 1)",
            "('Title', null, 0)",
            "('Title', null, 6)")) {
      try (Connection c = PlatformIT.db();
          Statement st = c.createStatement()) {
        st.executeUpdate("insert into t_east_tpl.note (title, body, priority) values " + values);
        fail("the table took " + values);
      } catch (SQLException e) {
        assertEquals(values + ": " + e.getMessage(), "23514", e.getSQLState());
      }
    }
    try (Connection c = PlatformIT.db();
        Statement st = c.createStatement()) {
      assertEquals(
          1,
          st.executeUpdate(
              "insert into t_east_tpl.note (title, body, priority) values ('Fine', 'a' || chr(10) ||"
                  + " 'b', 5)"));
    }
  }
}
