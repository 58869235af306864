package org.courtyard.api.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * Turns uploaded bytes into text, refusing bytes that are not valid in the charset instead of
 * replacing them: a file saved by Excel as plain "CSV" on a Chinese Windows is GBK, and decoding it
 * as UTF-8 would silently store garbled names.
 */
public final class CsvDecoder {

  private static final Texts TEXTS = Texts.of(CsvDecoder.class);

  private CsvDecoder() {}

  /**
   * @throws CsvFormatException naming the line of the file (counted in line breaks, not spreadsheet
   *     rows) that holds the first invalid byte
   */
  public static String decode(byte[] bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out =
        CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new CsvFormatException(linesIn(out) + 1, invalidText(charset, in.position()));
    }
    if (result.isOverflow()) {
      // maxCharsPerByte is an upper bound by contract; reaching this means a broken charset
      // provider
      throw new IllegalStateException(
          "decoder for " + charset + " produced more characters than it declared");
    }
    out.flip();
    return out.toString();
  }

  /** Line breaks in what was decoded so far: counted in characters, so right for any charset. */
  private static int linesIn(CharBuffer decoded) {
    int lines = 0;
    for (int i = 0; i < decoded.position(); i++) {
      if (decoded.get(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static Text invalidText(Charset charset, int offset) {
    return StandardCharsets.UTF_8.equals(charset)
        ? TEXTS.text("csv.invalid-utf8", charset.name(), offset + 1)
        : TEXTS.text("csv.invalid-text", charset.name(), offset + 1);
  }
}
