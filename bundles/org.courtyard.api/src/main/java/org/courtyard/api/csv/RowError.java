package org.courtyard.api.csv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One problem of an import file.
 *
 * @param line the row as a spreadsheet shows it: the header is line 1, the first data row line 2
 * @param column the column's name in the header, a spreadsheet column letter for a column without a
 *     name, or {@code null} when the problem concerns the whole row or file
 */
public record RowError(int line, String column, String message) {

  /** The JSON shape of an entry of {@code errors} in an {@code import-rejected} problem. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("line", line);
    map.put("column", column);
    map.put("message", message);
    return map;
  }
}
