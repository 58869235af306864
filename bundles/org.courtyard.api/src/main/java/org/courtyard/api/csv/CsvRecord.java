package org.courtyard.api.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line the spreadsheet row number, 1-based; blank rows count, as they do in a spreadsheet
 * @param values the raw values, untrimmed, without the quotes that enclosed them
 */
public record CsvRecord(int line, List<String> values) {

  public CsvRecord {
    values = List.copyOf(values);
  }

  /**
   * The value in column {@code index} (0-based), or "" for a column past the end of this record.
   */
  public String value(int index) {
    return index < values.size() ? values.get(index) : "";
  }

  /** True for an empty line and for a row of empty cells, which spreadsheets export as ",,,,". */
  public boolean isBlank() {
    return values.stream().allMatch(String::isBlank);
  }
}
