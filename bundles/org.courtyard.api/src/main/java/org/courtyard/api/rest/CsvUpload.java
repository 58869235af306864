package org.courtyard.api.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;

/**
 * A spreadsheet file uploaded as a request body, as every CSV import takes it: {@code text/csv},
 * {@code text/plain} or what Windows browsers call a {@code .csv} file, read as UTF-8 (with or
 * without the byte-order mark Excel writes) unless the Content-Type names another charset. Give the
 * resource method {@code @Consumes({CsvUpload.CSV, MediaType.TEXT_PLAIN, CsvUpload.CSV_AS_EXCEL})}.
 *
 * @param bytes the file, at most the importer's limit
 * @param charset what to decode it with (see {@link org.courtyard.api.csv.CsvDecoder})
 */
public record CsvUpload(byte[] bytes, Charset charset) {

  private static final Texts TEXTS = Texts.of(CsvUpload.class);

  public static final String CSV = "text/csv";

  /**
   * What browsers on Windows with Office installed report as the type of a {@code .csv} file, and
   * so send when a page uploads the file as it is.
   */
  public static final String CSV_AS_EXCEL = "application/vnd.ms-excel";

  /**
   * Reads the body, refusing it without reading further once it passes {@code maxBytes}.
   *
   * @throws ProblemException 413 {@code too-large} over {@code maxBytes}, 400 {@code missing-body}
   *     for an empty body, 415 {@code unsupported-charset} for a charset this JVM cannot decode
   */
  public static CsvUpload read(HttpHeaders headers, InputStream body, int maxBytes)
      throws IOException {
    Charset charset = charset(headers.getMediaType());
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw TEXTS.problem(413, "too-large", "csv-upload.too-large", maxBytes / (1024 * 1024));
    }
    if (bytes.length == 0) {
      throw TEXTS.problem(400, "missing-body", "csv-upload.missing-body");
    }
    return new CsvUpload(bytes, charset);
  }

  private static Charset charset(MediaType mediaType) {
    String name =
        mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (Params.blank(name)) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw TEXTS.problem(
          415, "unsupported-charset", "csv-upload.charset", TextRules.shorten(name));
    }
  }
}
