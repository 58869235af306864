package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the platform does with {@code Accept-Language}, for the problems the console's tests meet: a
 * Chinese console gets the title, detail and field messages in Chinese and {@code Content-Language:
 * zh-CN}, anything else English and {@code Content-Language: en}. The wording is the platform's
 * (its catalogues), for the few problems listed here; others stay English, as the platform's own
 * problems from strings do.
 */
final class FakeLanguages {

  private static final Map<String, String> TITLES =
      Map.of(
          "Not found", "未找到",
          "Already exists", "已存在",
          "Invalid input", "输入有误",
          "Stale version", "数据已过期");

  private static final Map<Pattern, String> TEXTS = new LinkedHashMap<>();

  static {
    TEXTS.put(Pattern.compile("An estate with code '(.*)' already exists\\."), "编码为“$1”的小区已存在。");
    TEXTS.put(Pattern.compile("Estate (\\d+) not found\\."), "找不到小区 $1。");
    TEXTS.put(Pattern.compile("Building (\\d+) not found\\."), "找不到楼栋 $1。");
    TEXTS.put(Pattern.compile("is required"), "必填");
    TEXTS.put(
        Pattern.compile("may only contain letters A-Z, digits, '-', '_' and '\\.' \\(got (.*)\\)"),
        "只能包含字母 A-Z、数字、'-'、'_' 和 '.'（收到的是 $1）");
  }

  private FakeLanguages() {}

  static boolean chinese(String acceptLanguage) {
    return acceptLanguage != null && acceptLanguage.strip().toLowerCase().startsWith("zh");
  }

  static String contentLanguage(String acceptLanguage) {
    return chinese(acceptLanguage) ? "zh-CN" : "en";
  }

  /** A problem answer in the language asked for. */
  static FakeResponse say(FakeResponse answer, String acceptLanguage) {
    if (!chinese(acceptLanguage)
        || answer.contentType() == null
        || !answer.contentType().startsWith("application/problem+json")) {
      return answer;
    }
    try {
      ObjectNode problem = (ObjectNode) FakeResponse.JSON.readTree(answer.body());
      translate(problem, "title");
      translate(problem, "detail");
      JsonNode errors = problem.path("errors");
      errors.forEach(e -> translate((ObjectNode) e, "message"));
      return new FakeResponse(
          answer.status(), answer.contentType(), FakeResponse.JSON.writeValueAsBytes(problem));
    } catch (IOException | ClassCastException e) {
      return answer;
    }
  }

  private static void translate(ObjectNode node, String member) {
    if (!node.path(member).isTextual()) {
      return;
    }
    String text = node.path(member).asText();
    if (member.equals("title")) {
      node.put(member, TITLES.getOrDefault(text, text));
      return;
    }
    for (Map.Entry<Pattern, String> t : TEXTS.entrySet()) {
      Matcher m = t.getKey().matcher(text);
      if (m.matches()) {
        node.put(member, m.replaceAll(t.getValue()));
        return;
      }
    }
  }
}
