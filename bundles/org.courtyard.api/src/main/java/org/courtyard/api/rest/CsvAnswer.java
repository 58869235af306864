package org.courtyard.api.rest;

import java.util.Locale;
import java.util.function.Supplier;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * A report answered as JSON or as a CSV file ({@link org.courtyard.api.csv.CsvWriter}), as the
 * caller asks: {@code ?format=csv|json}, or an {@code Accept} header that ranks text/csv before
 * JSON. A resource method that offers both produces {@code application/json} and {@value #CSV}.
 */
public final class CsvAnswer {

  /** The CSV media type. */
  public static final String CSV = "text/csv";

  private CsvAnswer() {}

  /**
   * Whether the caller asked for CSV: by {@code format=csv}, or by an Accept header that ranks
   * text/csv before JSON (or lists it alone); JSON otherwise. 400 for another format.
   */
  public static boolean wanted(String format, HttpHeaders headers) {
    if (!Params.blank(format)) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw Params.invalid("format is csv or json");
      };
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return "text".equals(type.getType()) && "csv".equals(type.getSubtype());
      }
      if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The report as JSON, or as the CSV file {@code <name>.csv} (written only when asked for), sent
   * as an attachment.
   */
  public static Response of(boolean csv, Object report, Supplier<byte[]> file, String name) {
    if (!csv) {
      return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(file.get())
        .type(CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .build();
  }
}
