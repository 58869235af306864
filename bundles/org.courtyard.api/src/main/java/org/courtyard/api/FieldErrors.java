package org.courtyard.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects every field problem of one request, so that the caller gets all of them in one answer:
 * {@code 422 validation-failed} with {@code errors: [{field, message}, …]}. The field is the JSON
 * name, the same in every language; the message is a {@link Text}, said in the request's language.
 */
public final class FieldErrors implements FieldReport {

  public static final String TYPE = "validation-failed";
  public static final String TITLE = "Invalid input";

  private static final Texts TEXTS = Texts.api();

  private final List<Map<String, Object>> errors = new ArrayList<>();

  /**
   * A message in every language; also the {@link FieldReport} the rules of {@link TextRules} use.
   */
  @Override
  public void add(String field, Text message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    errors.add(error);
  }

  /** An English message: usable as a method reference where a rule reports a field as strings. */
  public void add(String field, String message) {
    add(field, Text.plain(message));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The collected errors, in the order they were found, with English messages. */
  public List<Map<String, Object>> errors() {
    return errors.stream().map(e -> englishOf(e)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> englishOf(Map<String, Object> error) {
    return (Map<String, Object>) Text.render(error, Languages.ENGLISH);
  }

  /**
   * @throws ProblemException 422 {@code validation-failed} when any error was collected
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw toProblem(TYPE, TEXTS.title(TYPE));
    }
  }

  /** The collected errors as a 422 problem of the given type, e.g. {@code parent-immutable}. */
  public ProblemException toProblem(String type, String title) {
    return toProblem(type, Text.plain(title));
  }

  /** The collected errors as a 422 problem of the given type and title. */
  public ProblemException toProblem(String type, Text title) {
    List<Map<String, Object>> listed = List.copyOf(errors);
    Text detail = Text.of(locale -> detail(listed, locale));
    return new ProblemException(422, type, title, detail, Map.of("errors", listed));
  }

  /** "name is required; code must be at most 32 characters (got 40)." */
  private static String detail(List<Map<String, Object>> errors, Locale locale) {
    StringBuilder items = new StringBuilder();
    for (Map<String, Object> e : errors) {
      if (items.length() > 0) {
        items.append(TEXTS.text("field-errors.separator").in(locale));
      }
      Object message = Text.render(e.get("message"), locale);
      items.append(TEXTS.text("field-errors.item", e.get("field"), message).in(locale));
    }
    return TEXTS.text("field-errors.detail", items).in(locale);
  }

  /** A 422 problem about one field. */
  public static ProblemException single(String type, String title, String field, String message) {
    return single(type, Text.plain(title), field, Text.plain(message));
  }

  /** A 422 problem about one field, in every language of its texts. */
  public static ProblemException single(String type, Text title, String field, Text message) {
    FieldErrors errors = new FieldErrors();
    errors.add(field, message);
    return errors.toProblem(type, title);
  }
}
