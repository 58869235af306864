package org.courtyard.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A catalogue of the messages a bundle answers with, in each of the API's {@linkplain Languages
 * languages}: {@code problems.properties} (English) and {@code problems_zh.properties} (Simplified
 * Chinese), UTF-8, in the package of the class that {@linkplain #of opens} it. A message is a
 * {@link MessageFormat} pattern under a key of its own ({@code reversal.already}), so that one
 * problem type can have several details; a problem's title is the message {@code title.<type>}, in
 * the bundle's catalogue or else in the API's, which holds the titles of the types every module
 * shares ({@code not-found}, {@code validation-failed} …).
 *
 * <p>Arguments are formatted as {@link String#valueOf(Object)} would, so numbers, amounts and dates
 * read the same in every language (and as the English text always had them); an argument that is a
 * {@link Text} is rendered in the message's language. Quote a user's value with {@link
 * TextRules#quote}. A key without a message reads as the key itself rather than failing the answer;
 * the catalogue check of the build makes sure no key is missing.
 *
 * <pre>{@code
 * static final Texts TEXTS = Texts.of(Reversals.class);
 * throw TEXTS.problem(409, "already-reversed", "reversal.already", paymentId);
 * }</pre>
 */
public final class Texts {

  /** The file name of a catalogue, without the language suffix and extension. */
  public static final String BASE_NAME = "problems";

  private static final Texts API = new Texts(Texts.class, null);

  private final String name;
  private final Map<String, String> english;
  private final Map<String, String> chinese;
  private final Texts shared;

  private Texts(Class<?> anchor, Texts shared) {
    this.name = anchor.getPackageName();
    this.english = load(anchor, BASE_NAME + ".properties");
    this.chinese = load(anchor, BASE_NAME + "_zh.properties");
    this.shared = shared;
  }

  /**
   * The catalogue in the package of {@code anchor}, loaded with its class loader (in OSGi, from its
   * bundle).
   *
   * @throws IllegalStateException when the package has no English catalogue
   */
  public static Texts of(Class<?> anchor) {
    Texts texts = new Texts(anchor, API);
    if (texts.english.isEmpty()) {
      throw new IllegalStateException(
          "no " + BASE_NAME + ".properties in " + texts.name + " (or it is empty)");
    }
    return texts;
  }

  /** The API's own catalogue: the titles and messages every module shares. */
  static Texts api() {
    return API;
  }

  /** The message under {@code key}, formatted with {@code args} in the language asked for. */
  public Text text(String key, Object... args) {
    Object[] copy = args.clone();
    return Text.of(locale -> format(key, locale, copy));
  }

  /** The title of problems of {@code type}: the message {@code title.<type>}. */
  public Text title(String type) {
    return text("title." + type);
  }

  /** A problem whose title is {@code title.<type>} and whose detail is the message {@code key}. */
  public ProblemException problem(int status, String type, String key, Object... args) {
    return new ProblemException(status, type, title(type), text(key, args), Map.of());
  }

  /** A problem with extension members: machine-readable values, or {@link Text}s. */
  public ProblemException problem(
      int status, String type, Map<String, Object> extensions, String key, Object... args) {
    return new ProblemException(status, type, title(type), text(key, args), extensions);
  }

  /** A refusal the caller may try again after {@code retryAfterSeconds} (429, 503). */
  public RetryLaterException retryLater(
      int status, String type, long retryAfterSeconds, String key, Object... args) {
    return new RetryLaterException(status, type, title(type), text(key, args), retryAfterSeconds);
  }

  /** Whether this catalogue, or the API's, has an English message for {@code key}. */
  public boolean has(String key) {
    return pattern(key, Languages.ENGLISH) != null;
  }

  private String format(String key, Locale locale, Object[] args) {
    String pattern = pattern(key, locale);
    if (pattern == null) {
      pattern = pattern(key, Languages.ENGLISH);
    }
    if (pattern == null) {
      return key;
    }
    Object[] strings = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      strings[i] = arg instanceof Text text ? text.in(locale) : String.valueOf(arg);
    }
    return new MessageFormat(pattern, locale).format(strings);
  }

  private String pattern(String key, Locale locale) {
    Map<String, String> messages = locale.equals(Languages.CHINESE) ? chinese : english;
    String pattern = messages.get(key);
    if (pattern == null && shared != null) {
      return shared.pattern(key, locale);
    }
    return pattern;
  }

  private static Map<String, String> load(Class<?> anchor, String file) {
    try (InputStream in = anchor.getResourceAsStream(file)) {
      if (in == null) {
        return Map.of();
      }
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      Map<String, String> messages = new HashMap<>();
      properties.stringPropertyNames().forEach(k -> messages.put(k, properties.getProperty(k)));
      return Map.copyOf(messages);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " of " + anchor.getPackageName(), e);
    }
  }

  @Override
  public String toString() {
    return "Texts[" + name + "]";
  }
}
