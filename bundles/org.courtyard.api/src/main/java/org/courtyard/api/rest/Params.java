package org.courtyard.api.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * Request parameters of module resources, parsed by hand: query parameters arrive as strings, so a
 * malformed number is a 400 that names the parameter rather than JAX-RS's bare 404.
 */
public final class Params {

  private static final Texts TEXTS = Texts.of(Params.class);

  private Params() {}

  /** An empty request body reaches a resource method as {@code null}. */
  public static <T> T body(T input) {
    if (input == null) {
      throw TEXTS.problem(400, "missing-body", "params.missing-body");
    }
    return input;
  }

  /** {@code limit}, 1 to {@value Cursor#MAX_LIMIT}; {@value Cursor#DEFAULT_LIMIT} if absent. */
  public static int limit(String limit) {
    if (blank(limit)) {
      return Cursor.limit(null);
    }
    try {
      return Cursor.limit(Integer.valueOf(limit.strip()));
    } catch (NumberFormatException e) {
      throw TEXTS.problem(400, "invalid-limit", "params.limit", Cursor.MAX_LIMIT);
    }
  }

  /** A positive id, or null if absent. */
  public static Long id(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(TEXTS.text("params.positive-id", name));
  }

  /** {@code true} or {@code false}; false if absent. */
  public static boolean flag(String name, String value) {
    if (blank(value)) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(TEXTS.text("params.flag", name));
    };
  }

  /** A date written YYYY-MM-DD, or null if absent. */
  public static LocalDate date(String name, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw invalid(TEXTS.text("params.date", name));
    }
  }

  /** 201 with the new resource's location under {@code collection}. */
  public static Response created(UriBuilder collection, Object id, Object body) {
    URI location = collection.path(String.valueOf(id)).build();
    return Response.created(location).entity(body).build();
  }

  public static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** 400 {@code invalid-parameter}, with an English detail. */
  public static ProblemException invalid(String detail) {
    return invalid(Text.plain(detail));
  }

  /** 400 {@code invalid-parameter}: {@code detail} names the parameter and says what it takes. */
  public static ProblemException invalid(Text detail) {
    return new ProblemException(
        400, "invalid-parameter", TEXTS.title("invalid-parameter"), detail, Map.of());
  }
}
