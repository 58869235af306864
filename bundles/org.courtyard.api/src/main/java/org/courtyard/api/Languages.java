package org.courtyard.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The languages the API answers in: English, the default, and Simplified Chinese. Problems (RFC
 * 9457 {@code title}, {@code detail} and the messages of field and row errors) are written in both;
 * the REST layer picks one from the request's {@code Accept-Language}.
 */
public final class Languages {

  /** The default: what a request without a language we speak is answered in. */
  public static final Locale ENGLISH = Locale.ENGLISH;

  /** Simplified Chinese, as spoken to a property company's clerk in mainland China. */
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  /** An {@code Accept-Language} list longer than this is no browser's; the rest is ignored. */
  private static final int MAX_RANGES = 32;

  private Languages() {}

  /**
   * The language we answer a request in, from its {@code Accept-Language} header (RFC 9110 12.5.4):
   * the ranges by descending quality (equal qualities in the order written), the first one we speak
   * wins. {@code zh}, {@code zh-CN}, {@code zh-SG} and {@code zh-Hans} (with any region) are
   * Simplified Chinese; {@code en} and {@code *} are English; Traditional Chinese ({@code zh-TW},
   * {@code zh-HK}, {@code zh-Hant}) and every other language are skipped, and a header that names
   * none we speak, or none at all, means English. A range with {@code q=0} is refused, not chosen.
   */
  public static Locale fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return ENGLISH;
    }
    record Range(String tag, double q, int order) {}
    List<Range> ranges = new ArrayList<>();
    String[] entries = header.split(",", MAX_RANGES + 1);
    for (int i = 0; i < entries.length && i < MAX_RANGES; i++) {
      String[] parts = entries[i].split(";");
      String tag = parts.length == 0 ? "" : parts[0].strip();
      if (tag.isEmpty()) {
        continue;
      }
      double q = 1;
      for (int p = 1; p < parts.length; p++) {
        String param = parts[p].strip();
        if (param.length() > 2 && (param.startsWith("q=") || param.startsWith("Q="))) {
          q = quality(param.substring(2).strip());
        }
      }
      if (q > 0) {
        ranges.add(new Range(tag, q, i));
      }
    }
    ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
    for (Range range : ranges) {
      Locale spoken = spoken(range.tag());
      if (spoken != null) {
        return spoken;
      }
    }
    return ENGLISH;
  }

  /** A malformed quality counts as 0: the range is ignored rather than preferred. */
  private static double quality(String value) {
    try {
      double q = Double.parseDouble(value);
      return q >= 0 && q <= 1 ? q : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The language we speak for one language range, or null when we speak none that it names. */
  private static Locale spoken(String range) {
    if (range.equals("*")) {
      return ENGLISH;
    }
    Locale locale = Locale.forLanguageTag(range.replace('_', '-'));
    String language = locale.getLanguage();
    if (language.equals("en")) {
      return ENGLISH;
    }
    if (language.equals("zh")) {
      return isSimplified(locale) ? CHINESE : null;
    }
    return null;
  }

  /**
   * One of the languages we speak for {@code locale}: Chinese for Simplified Chinese, English for
   * everything else (including {@code null}). A client that knows its user's locale (the property
   * console) asks for it with {@link #tag(Locale)}.
   */
  public static Locale supported(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh") && isSimplified(locale)
        ? CHINESE
        : ENGLISH;
  }

  /**
   * The {@code Content-Language} (and {@code Accept-Language}) tag: {@code en} or {@code zh-CN}.
   */
  public static String tag(Locale locale) {
    return supported(locale) == CHINESE ? "zh-CN" : "en";
  }

  private static boolean isSimplified(Locale zh) {
    String script = zh.getScript();
    if (!script.isEmpty()) {
      return script.equals("Hans");
    }
    String region = zh.getCountry();
    return !(region.equals("TW") || region.equals("HK") || region.equals("MO"));
  }
}
