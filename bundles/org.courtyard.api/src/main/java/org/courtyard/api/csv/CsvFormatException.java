package org.courtyard.api.csv;

/** The input is not readable as CSV from {@link #line()} on; nothing after it can be trusted. */
public final class CsvFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;

  public CsvFormatException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** The spreadsheet row (1-based) where the problem starts. */
  public int line() {
    return line;
  }
}
