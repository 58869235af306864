package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.core.Response;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.jdbc.TransientFailures;
import org.junit.jupiter.api.Test;

/** Problems said in the language the request asks for, and only their texts. */
class ProblemLanguagesTest {

  private final ObjectMapper mapper = Json.mapper();

  public static final class Sample {
    public String name;
    public int floor;
  }

  @Test
  void aProblemOfTheRestLayerIsSaidInChineseWhenAskedAndSaysSo() {
    Response zh = ProblemMapper.respond(UnknownAddress.notFound(), "/api/v2", "zh-CN,en;q=0.5");
    Response en = ProblemMapper.respond(UnknownAddress.notFound(), "/api/v2", null);

    assertThat(body(zh))
        .containsEntry("type", "urn:courtyard:problem:not-found")
        .containsEntry("title", "未找到")
        .containsEntry("status", 404)
        .containsEntry("instance", "/api/v2");
    assertThat((String) body(zh).get("detail")).startsWith("此地址没有任何服务");
    assertThat(zh.getHeaderString("Content-Language")).isEqualTo("zh-CN");
    assertThat(zh.getHeaderString("Vary")).isEqualTo("Accept-Language");
    assertThat(body(en)).containsEntry("title", "Not found");
    assertThat((String) body(en).get("detail")).startsWith("Nothing is served at this address");
    assertThat(en.getHeaderString("Content-Language")).isEqualTo("en");
    assertThat(en.getHeaderString("Vary")).isEqualTo("Accept-Language");
  }

  @Test
  void anyOtherLanguageIsAnsweredInEnglish() {
    Response fr = ProblemMapper.respond(UnknownAddress.notFound(), null, "fr-FR, de;q=0.8");
    Response tw = ProblemMapper.respond(UnknownAddress.notFound(), null, "zh-TW");

    assertThat(body(fr)).containsEntry("title", "Not found").doesNotContainKey("instance");
    assertThat(fr.getHeaderString("Content-Language")).isEqualTo("en");
    assertThat(body(tw)).containsEntry("title", "Not found");
  }

  @Test
  void malformedJsonIsSaidInChineseNamingTheFieldAsSent() {
    Exception unknown =
        catching(() -> mapper.readValue("{\"name\":\"a\",\"flor\":3}", Sample.class));
    Exception wrongType = catching(() -> mapper.readValue("{\"floor\":\"three\"}", Sample.class));
    Exception broken = catching(() -> mapper.readValue("{\"name\":", Sample.class));

    assertThat(body(ProblemMapper.respond(unknown, null, "zh")))
        .containsEntry("type", "urn:courtyard:problem:malformed-json")
        .containsEntry("title", "JSON 格式有误")
        .containsEntry("detail", "未知的属性“flor”；可用的属性：floor, name。");
    assertThat(body(ProblemMapper.respond(wrongType, null, "zh")))
        .containsEntry("detail", "字段“floor”的类型不对：应为数字。");
    assertThat(body(ProblemMapper.respond(wrongType, null, null)))
        .containsEntry("detail", "Field 'floor' has the wrong type: expected a number.");
    assertThat((String) body(ProblemMapper.respond(broken, null, "zh")).get("detail"))
        .matches("请求内容不是有效的 JSON（第 1 行，第 \\d+ 列）。");
  }

  @Test
  void fieldErrorsAreSaidInTheLanguageAskedForAndKeepTheirFields() {
    FieldErrors errors = new FieldErrors();
    TextRules.requiredLine(" ", "name", 100, errors);
    TextRules.requiredInRange(300, "floors", 1, 200, errors);
    ProblemException p = errors.toProblem("validation-failed", "Invalid input");

    Map<String, Object> zh = body(ProblemMapper.respond(p, null, "zh-Hans"));
    Map<String, Object> en = body(ProblemMapper.respond(p, null, "en"));

    assertThat(zh)
        .containsEntry("detail", "name：必填；floors：必须在 1 到 200 之间（实际为 300）。")
        .containsEntry(
            "errors",
            List.of(
                Map.of("field", "name", "message", "必填"),
                Map.of("field", "floors", "message", "必须在 1 到 200 之间（实际为 300）")));
    assertThat(en)
        .containsEntry("detail", "name is required; floors must be between 1 and 200 (got 300).")
        .containsEntry(
            "errors",
            List.of(
                Map.of("field", "name", "message", "is required"),
                Map.of("field", "floors", "message", "must be between 1 and 200 (got 300)")));
  }

  @Test
  void machineReadableMembersAndRetryAfterStayAsTheyAre() {
    Response zh =
        ProblemMapper.respond(TransientFailures.statementTimeout(3000), "/api/v1/x", "zh-CN");
    Response denied = ProblemMapper.respond(BodyLimit.problem(1024), null, "zh-CN");

    assertThat(body(zh)).containsEntry("title", "查询超时");
    assertThat(zh.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(body(denied)).containsEntry("maxBytes", 1024L).containsEntry("title", "请求内容过大");
    assertThat(denied.getHeaderString("Connection")).isEqualTo("close");
    assertThat(denied.getHeaderString("Content-Language")).isEqualTo("zh-CN");
  }

  @Test
  void aProblemBuiltFromStringsReadsTheSameInEveryLanguage() {
    ProblemException driver = ProblemException.conflict("gate-busy", "Gate busy", "Try later.");

    assertThat(body(ProblemMapper.respond(driver, null, "zh")))
        .containsEntry("title", "Gate busy")
        .containsEntry("detail", "Try later.");
  }

  @Test
  void jaxRsRefusalsAreSaidInChinese() {
    Response r =
        ProblemMapper.respond(
            new NotAllowedException("GET", new String[] {"POST"}), "/api/v1/x", "zh-CN");

    assertThat(r.getStatus()).isEqualTo(405);
    assertThat(body(r)).containsEntry("title", "不支持的请求方法");
    assertThat((String) body(r).get("detail")).startsWith("允许的请求方法：");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response r) {
    return (Map<String, Object>) r.getEntity();
  }

  private static Exception catching(ThrowingRunnable r) {
    try {
      r.run();
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected an exception");
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
