package org.courtyard.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A message the API can say in each of its {@linkplain Languages languages}: the {@code title} or
 * {@code detail} of a problem, or the message of one field or row error. Most come from a module's
 * catalogue ({@link Texts#text}); {@link #plain} wraps a string that reads the same in every
 * language, such as a problem thrown without a catalogue. {@link #toString()} is the English text,
 * the one logs show.
 */
public final class Text {

  private final Function<Locale, String> render;

  private Text(Function<Locale, String> render) {
    this.render = render;
  }

  /**
   * A message rendered by {@code render}, which is given {@link Languages#ENGLISH} or {@link
   * Languages#CHINESE}: for a message composed of others (a list of field errors).
   */
  public static Text of(Function<Locale, String> render) {
    return new Text(Objects.requireNonNull(render));
  }

  /** The same string in every language: a problem without a catalogue, a name, a user's value. */
  public static Text plain(String text) {
    return new Text(locale -> text);
  }

  /** This message in {@code locale}, or in English when we do not speak that language. */
  public String in(Locale locale) {
    return render.apply(Languages.supported(locale));
  }

  /** The English message. */
  @Override
  public String toString() {
    return in(Languages.ENGLISH);
  }

  /**
   * {@code value} with every {@link Text} in it, at any depth of maps and lists, rendered in {@code
   * locale}: the extensions of a problem as they are sent.
   */
  public static Object render(Object value, Locale locale) {
    if (value instanceof Text text) {
      return text.in(locale);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> rendered = new LinkedHashMap<>();
      map.forEach((k, v) -> rendered.put(k, render(v, locale)));
      return rendered;
    }
    if (value instanceof List<?> list) {
      List<Object> rendered = new ArrayList<>(list.size());
      list.forEach(v -> rendered.add(render(v, locale)));
      return rendered;
    }
    return value;
  }
}
