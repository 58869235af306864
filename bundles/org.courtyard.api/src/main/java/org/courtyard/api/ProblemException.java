package org.courtyard.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An error the caller can do something about, reported as an RFC 9457 {@code
 * application/problem+json} body. {@code type} is a short stable identifier (for example {@code
 * module-not-enabled}); the REST layer turns it into the problem's {@code type} URI.
 *
 * <p>The title and detail are {@link Text}s, usually from the thrower's {@linkplain Texts
 * catalogue}: the REST layer renders them (and every {@link Text} among the extensions, such as the
 * messages of field errors) in the language the request asks for. {@link #getMessage()}, {@link
 * #title()}, {@link #detail()} and {@link #extensions()} are English, as logs show them. A problem
 * built from strings says them in every language.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final Text title;
  private final Text detail;
  private final Map<String, Object> extensions;

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  public ProblemException(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    this(status, type, Text.plain(title), detail == null ? null : Text.plain(detail), extensions);
  }

  /**
   * A problem in every language of its texts; {@code extensions} may hold {@link Text}s, in maps
   * and lists at any depth, beside machine-readable values.
   *
   * @param detail may be null: a problem without detail
   */
  public ProblemException(
      int status, String type, Text title, Text detail, Map<String, Object> extensions) {
    super(detail == null ? null : detail.toString());
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public static ProblemException badRequest(String type, String title, String detail) {
    return new ProblemException(400, type, title, detail);
  }

  public static ProblemException notFound(String type, String title, String detail) {
    return new ProblemException(404, type, title, detail);
  }

  public static ProblemException conflict(String type, String title, String detail) {
    return new ProblemException(409, type, title, detail);
  }

  public static ProblemException unprocessable(String type, String title, String detail) {
    return new ProblemException(422, type, title, detail);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  /** The English title. */
  public String title() {
    return title.toString();
  }

  /** The English detail, the exception's message. */
  public String detail() {
    return getMessage();
  }

  /** The title in {@code locale}, or in English when the API does not speak it. */
  public String title(Locale locale) {
    return title.in(locale);
  }

  /** The detail in {@code locale}; null for a problem without detail. */
  public String detail(Locale locale) {
    return detail == null ? null : detail.in(locale);
  }

  /**
   * Extra members of the problem body, for example the row-level {@code errors} of an import, with
   * their texts in English.
   */
  public Map<String, Object> extensions() {
    return extensions(Languages.ENGLISH);
  }

  /** The extensions with their texts in {@code locale}; machine-readable values as they are. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> extensions(Locale locale) {
    return Collections.unmodifiableMap((Map<String, Object>) Text.render(extensions, locale));
  }
}
