package org.courtyard.api.csv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.courtyard.api.Text;

/**
 * One problem of an import file.
 *
 * @param line the row as a spreadsheet shows it: the header is line 1, the first data row line 2
 * @param column the column's name in the header, a spreadsheet column letter for a column without a
 *     name, or {@code null} when the problem concerns the whole row or file
 * @param message the message in English, as logs and tests read it
 * @param text the message in every language the API speaks; a message given as a string only says
 *     that string in every language
 */
public record RowError(int line, String column, String message, Text text) {

  public RowError {
    if (text == null) {
      text = Text.plain(message);
    }
  }

  /** A problem whose message reads the same in every language. */
  public RowError(int line, String column, String message) {
    this(line, column, message, Text.plain(message));
  }

  /** A problem with a message from a catalogue. */
  public RowError(int line, String column, Text message) {
    this(line, column, message.toString(), message);
  }

  /**
   * The JSON shape of an entry of {@code errors} in an {@code import-rejected} problem; the message
   * is a {@link Text}, which the REST layer says in the request's language.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("line", line);
    map.put("column", column);
    map.put("message", text);
    return map;
  }

  /** Equal when line, column and English message are: a {@link Text} has no equality of its own. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RowError other
        && line == other.line
        && Objects.equals(column, other.column)
        && Objects.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, column, message);
  }

  @Override
  public String toString() {
    return "RowError[line=" + line + ", column=" + column + ", message=" + message + "]";
  }
}
