package org.courtyard.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;
import javax.ws.rs.ext.ParamConverterProvider;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * Converts numeric and boolean parameters (path, query, header, ...) of every resource, so that a
 * value of the wrong type is a 400 {@code invalid-parameter} that names the parameter. Without it
 * JAX-RS answers a bare 404 whose cause (a {@link NumberFormatException}) would surface as a 500.
 */
final class TypedParams implements ParamConverterProvider {

  private static final Texts TEXTS = Texts.of(TypedParams.class);

  /** Longer values are refused before any parsing: no id or amount of this API is that long. */
  static final int MAX_LENGTH = 64;

  private static final Map<Class<?>, Parser> PARSERS =
      Map.ofEntries(
          Map.entry(long.class, integer(Long::valueOf)),
          Map.entry(Long.class, integer(Long::valueOf)),
          Map.entry(int.class, integer(Integer::valueOf)),
          Map.entry(Integer.class, integer(Integer::valueOf)),
          Map.entry(short.class, integer(Short::valueOf)),
          Map.entry(Short.class, integer(Short::valueOf)),
          Map.entry(byte.class, integer(Byte::valueOf)),
          Map.entry(Byte.class, integer(Byte::valueOf)),
          Map.entry(BigInteger.class, integer(BigInteger::new)),
          Map.entry(double.class, decimal(Double::valueOf)),
          Map.entry(Double.class, decimal(Double::valueOf)),
          Map.entry(float.class, decimal(Float::valueOf)),
          Map.entry(Float.class, decimal(Float::valueOf)),
          Map.entry(BigDecimal.class, decimal(BigDecimal::new)),
          Map.entry(boolean.class, bool()),
          Map.entry(Boolean.class, bool()));

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    Parser parser = PARSERS.get(rawType);
    if (parser == null) {
      return null;
    }
    String[] where = describe(annotations);
    return new ParamConverter<T>() {
      @Override
      @SuppressWarnings("unchecked")
      public T fromString(String value) {
        if (value == null) {
          throw new IllegalArgumentException("no value");
        }
        return (T) parse(parser, where[0], where[1], value);
      }

      @Override
      public String toString(T value) {
        return String.valueOf(value);
      }
    };
  }

  /**
   * @throws ProblemException 400 {@code invalid-parameter} naming the parameter
   */
  static Object parse(Parser parser, String in, String name, String value) {
    String v = value.strip();
    Text expected = parser.expected();
    if (v.length() <= MAX_LENGTH) {
      try {
        Object parsed = parser.parse(v);
        if (parsed != null) {
          return parsed;
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // reported below
      }
    }
    throw invalid(in, name, expected, value);
  }

  static ProblemException invalid(String in, String name, Text expected, String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    Map<String, Object> where = Map.of("parameter", name, "in", in.isEmpty() ? "unknown" : in);
    return switch (in) {
      case "path" ->
          TEXTS.problem(400, "invalid-parameter", where, "typed.path", name, expected, shown);
      case "query" ->
          TEXTS.problem(400, "invalid-parameter", where, "typed.query", name, expected, shown);
      case "header" ->
          TEXTS.problem(400, "invalid-parameter", where, "typed.header", name, expected, shown);
      case "matrix" ->
          TEXTS.problem(400, "invalid-parameter", where, "typed.matrix", name, expected, shown);
      case "form" ->
          TEXTS.problem(400, "invalid-parameter", where, "typed.form", name, expected, shown);
      case "cookie" ->
          TEXTS.problem(400, "invalid-parameter", where, "typed.cookie", name, expected, shown);
      default -> TEXTS.problem(400, "invalid-parameter", where, "typed.any", name, expected, shown);
    };
  }

  /** Where the parameter comes from and its name, from its JAX-RS annotation. */
  static String[] describe(Annotation[] annotations) {
    if (annotations != null) {
      for (Annotation a : annotations) {
        if (a instanceof PathParam) {
          return new String[] {"path", ((PathParam) a).value()};
        }
        if (a instanceof QueryParam) {
          return new String[] {"query", ((QueryParam) a).value()};
        }
        if (a instanceof HeaderParam) {
          return new String[] {"header", ((HeaderParam) a).value()};
        }
        if (a instanceof MatrixParam) {
          return new String[] {"matrix", ((MatrixParam) a).value()};
        }
        if (a instanceof FormParam) {
          return new String[] {"form", ((FormParam) a).value()};
        }
        if (a instanceof CookieParam) {
          return new String[] {"cookie", ((CookieParam) a).value()};
        }
      }
    }
    return new String[] {"", "?"};
  }

  /** Parses a stripped value; null or a {@link NumberFormatException} when it does not fit. */
  interface Parser {
    Object parse(String value);

    /** What a valid value looks like, for the problem's detail. */
    Text expected();
  }

  private static Parser integer(Function<String, Object> parse) {
    return new Parser() {
      @Override
      public Object parse(String value) {
        // Long.valueOf takes "+5"; the API's ids and counts are written without a sign
        return value.startsWith("+") ? null : parse.apply(value);
      }

      @Override
      public Text expected() {
        return TEXTS.text("typed.whole-number");
      }
    };
  }

  private static Parser decimal(Function<String, Object> parse) {
    return new Parser() {
      @Override
      public Object parse(String value) {
        // plain decimals only: no NaN, Infinity, hexadecimal or exponents (1E-500000000)
        return value.matches("-?[0-9]{1,30}(\\.[0-9]{1,30})?") ? parse.apply(value) : null;
      }

      @Override
      public Text expected() {
        return TEXTS.text("typed.decimal");
      }
    };
  }

  /** Strict, unlike JAX-RS's {@code Boolean.valueOf}, for which any typo means false. */
  private static Parser bool() {
    return new Parser() {
      @Override
      public Object parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
          case "true":
            return Boolean.TRUE;
          case "false":
            return Boolean.FALSE;
          default:
            return null;
        }
      }

      @Override
      public Text expected() {
        return TEXTS.text("typed.boolean");
      }
    };
  }
}
