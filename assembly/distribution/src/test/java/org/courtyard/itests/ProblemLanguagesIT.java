package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue #12: a refusal says plainly what went wrong in the user's language. With {@code
 * Accept-Language: zh-CN} the title, the detail and the field messages of real endpoints are
 * Chinese, with {@code Content-Language: zh-CN}; without the header they are English. The type and
 * the machine-readable members (field names, status) are the same in both.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProblemLanguagesIT {

  private static Http english;
  private static Http chinese;
  private static Http anonymous;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void tenant() throws Exception {
    if (english != null) {
      return;
    }
    anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    english = anonymous.tenant(operator.onboard("lang_prop", "estate"));
    chinese = english.inLanguage("zh-CN,zh;q=0.9,en;q=0.8");
  }

  @Test
  public void aMissingRecordIsNotFoundInChineseOrEnglish() throws Exception {
    Http.Reply zh = chinese.get("/estate/estates/424242");
    Http.Reply en = english.get("/estate/estates/424242");

    assertProblem(zh, 404, "not-found", "zh-CN", "未找到", "找不到小区 424242。");
    assertProblem(en, 404, "not-found", "en", "Not found", "Estate 424242 not found.");
  }

  @Test
  public void aDuplicateIsAConflictInChineseOrEnglish() throws Exception {
    assertEquals(
        201, english.post("/estate/estates", map("code", "LANG", "name", "Lang Garden")).status);

    Http.Reply zh = chinese.post("/estate/estates", map("code", "LANG", "name", "Again"));
    Http.Reply en = english.post("/estate/estates", map("code", "LANG", "name", "Again"));

    assertProblem(zh, 409, "duplicate", "zh-CN", "已存在", "编码为“LANG”的小区已存在。");
    assertProblem(
        en, 409, "duplicate", "en", "Already exists", "An estate with code 'LANG' already exists.");
  }

  @Test
  public void fieldErrorsAreChineseAndKeepTheirFieldNames() throws Exception {
    Map<String, Object> bad = map("code", "has space", "name", "");

    Http.Reply zh = chinese.post("/estate/estates", bad);
    Http.Reply en = english.post("/estate/estates", bad);

    assertEquals(zh.toString(), 422, zh.status);
    assertEquals("validation-failed", zh.problemType());
    assertEquals("输入有误", zh.json.path("title").asText());
    assertEquals("zh-CN", zh.header("Content-Language"));
    Map<String, String> zhErrors = errors(zh.json);
    assertEquals(zhErrors.toString(), "必填", zhErrors.get("name"));
    assertTrue(zhErrors.toString(), zhErrors.get("code").startsWith("只能包含字母 A-Z"));
    assertTrue(zhErrors.get("code"), zhErrors.get("code").contains("\"has space\""));
    assertTrue(
        zh.json.path("detail").asText(), zh.json.path("detail").asText().contains("name：必填"));

    assertEquals("Invalid input", en.json.path("title").asText());
    assertEquals("en", en.header("Content-Language"));
    Map<String, String> enErrors = errors(en.json);
    assertEquals(enErrors.toString(), "is required", enErrors.get("name"));
    assertTrue(enErrors.get("code"), enErrors.get("code").startsWith("may only contain letters"));
    assertEquals(enErrors.keySet(), zhErrors.keySet());
  }

  @Test
  public void malformedJsonIsABadRequestInChineseOrEnglish() throws Exception {
    Http.Reply zh = chinese.post("/estate/estates", "{\"code\": \"X1\", \"name\": ");
    Http.Reply en = english.post("/estate/estates", "{\"code\": \"X1\", \"name\": ");

    assertEquals(zh.toString(), 400, zh.status);
    assertEquals("malformed-json", zh.problemType());
    assertEquals("JSON 格式有误", zh.json.path("title").asText());
    assertTrue(zh.toString(), zh.json.path("detail").asText().startsWith("请求内容不是有效的 JSON"));
    assertEquals("zh-CN", zh.header("Content-Language"));
    assertEquals("Malformed JSON", en.json.path("title").asText());
    assertTrue(
        en.toString(), en.json.path("detail").asText().startsWith("The body is not valid JSON"));
  }

  @Test
  public void refusalsBeforeAnyModuleAreChineseToo() throws Exception {
    Http.Reply unauthorized = anonymous.inLanguage("zh").get("/estate/estates");
    assertEquals(unauthorized.toString(), 401, unauthorized.status);
    assertEquals("未登录或登录已失效", unauthorized.json.path("title").asText());
    assertEquals("zh-CN", unauthorized.header("Content-Language"));

    Http.Reply traditional = english.inLanguage("zh-TW, fr;q=0.5").get("/estate/estates/424242");
    assertProblem(traditional, 404, "not-found", "en", "Not found", "Estate 424242 not found.");
  }

  private static void assertProblem(
      Http.Reply r, int status, String type, String language, String title, String detail) {
    assertEquals(r.toString(), status, r.status);
    assertTrue(r.contentType, r.contentType.startsWith("application/problem+json"));
    assertEquals(type, r.problemType());
    assertEquals(status, r.json.path("status").asInt());
    assertEquals(r.toString(), title, r.json.path("title").asText());
    assertEquals(r.toString(), detail, r.json.path("detail").asText());
    assertEquals(language, r.header("Content-Language"));
    assertTrue(
        String.valueOf(r.header("Vary")),
        r.header("Vary") != null && r.header("Vary").contains("Accept-Language"));
  }

  private static Map<String, String> errors(JsonNode problem) {
    Map<String, String> byField = new HashMap<>();
    problem
        .path("errors")
        .forEach(e -> byField.put(e.path("field").asText(), e.path("message").asText()));
    return byField;
  }
}
