package org.courtyard.api.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV files modules export (reports, the audit log): UTF-8 with the byte-order mark Excel needs
 * to read Chinese, CRLF line ends, RFC 4180 quoting, and no cell a spreadsheet would run as a
 * formula (a value starting with {@code = + - @}, a tab or a carriage return is written after an
 * apostrophe), so that a plate or a note typed by anyone cannot run in the reader's spreadsheet.
 */
public final class CsvWriter {

  private CsvWriter() {}

  /** The rows as one file; a null cell is empty. */
  public static byte[] write(List<? extends List<String>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      w.write('\ufeff');
      for (List<String> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            w.write(',');
          }
          w.write(cell(row.get(i)));
        }
        w.write("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** One cell: quoted when needed, and never read by a spreadsheet as a formula. */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
