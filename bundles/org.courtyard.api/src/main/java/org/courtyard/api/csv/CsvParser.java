package org.courtyard.api.csv;

import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.Texts;

/**
 * Reads CSV records one at a time from text held in memory. Pull-based, so that a caller can skip
 * blank rows and stop at a row limit without holding every record at once.
 *
 * <p>Lenient where spreadsheets differ harmlessly (a lone CR as line end, spaces after a closing
 * quote, a quote character inside an unquoted value), strict where guessing would shift values into
 * the wrong column (an unterminated quote, text after a closing quote).
 */
public final class CsvParser {

  private static final Texts TEXTS = Texts.of(CsvParser.class);

  private static final char BOM = '\uFEFF';

  private final CharSequence text;
  private final int maxValuesPerRecord;
  private int pos;
  private int lastLine;
  private int fileLine = 1;

  /**
   * @param text the whole file; a leading byte-order mark is skipped
   * @param maxValuesPerRecord more values than this in one record is an error, which bounds the
   *     memory a hostile line of commas can take
   */
  public CsvParser(CharSequence text, int maxValuesPerRecord) {
    this.text = text;
    this.maxValuesPerRecord = maxValuesPerRecord;
    this.pos = text.length() > 0 && text.charAt(0) == BOM ? 1 : 0;
  }

  /**
   * @return the next record, or {@code null} at the end of the input; a line break at the very end
   *     does not start another record
   * @throws CsvFormatException when the input cannot be read as CSV any further
   */
  public CsvRecord next() {
    int length = text.length();
    if (pos >= length) {
      return null;
    }
    int line = ++lastLine;
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos < length && text.charAt(pos) == '"') {
        readQuoted(line, value);
      } else {
        readUnquoted(value);
      }
      if (values.size() == maxValuesPerRecord) {
        throw new CsvFormatException(line, TEXTS.text("csv.too-many-values", maxValuesPerRecord));
      }
      values.add(value.toString());
      value.setLength(0);
      if (pos >= length) {
        break;
      }
      char c = text.charAt(pos++);
      if (c == ',') {
        continue;
      }
      // c is a line break: CRLF, LF or a lone CR ends the record
      if (c == '\r' && pos < length && text.charAt(pos) == '\n') {
        pos++;
      }
      fileLine++;
      break;
    }
    return new CsvRecord(line, values);
  }

  private void readUnquoted(StringBuilder value) {
    int length = text.length();
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ',' || c == '\n' || c == '\r') {
        return;
      }
      value.append(c);
      pos++;
    }
  }

  private void readQuoted(int line, StringBuilder value) {
    int length = text.length();
    int openedOnFileLine = fileLine;
    pos++; // the opening quote
    while (true) {
      if (pos >= length) {
        throw new CsvFormatException(line, TEXTS.text("csv.unclosed-quote", openedOnFileLine));
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        if (pos < length && text.charAt(pos) == '"') {
          value.append('"');
          pos++;
          continue;
        }
        break;
      }
      if (c == '\n' || (c == '\r' && (pos >= length || text.charAt(pos) != '\n'))) {
        fileLine++;
      }
      value.append(c);
    }
    while (pos < length && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
    if (pos < length) {
      char c = text.charAt(pos);
      if (c != ',' && c != '\n' && c != '\r') {
        throw new CsvFormatException(line, TEXTS.text("csv.text-after-quote"));
      }
    }
  }
}
