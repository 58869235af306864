package org.courtyard.api.csv;

import org.courtyard.api.Text;

/** The input is not readable as CSV from {@link #line()} on; nothing after it can be trusted. */
public final class CsvFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final transient Text text;

  public CsvFormatException(int line, String message) {
    this(line, Text.plain(message));
  }

  /** A problem whose message the REST layer says in the request's language. */
  public CsvFormatException(int line, Text message) {
    super(message.toString());
    this.line = line;
    this.text = message;
  }

  /** The message in every language the API speaks; {@link #getMessage()} is the English one. */
  public Text text() {
    return text;
  }

  /** The spreadsheet row (1-based) where the problem starts. */
  public int line() {
    return line;
  }
}
