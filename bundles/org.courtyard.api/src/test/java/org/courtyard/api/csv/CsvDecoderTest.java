package org.courtyard.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvDecoderTest {

  private static final Charset GBK = Charset.forName("GBK");

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void decodesUtf8WithAndWithoutByteOrderMark() {
    byte[] plain = "unit,number\n1单元,101\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);

    assertThat(CsvDecoder.decode(plain, StandardCharsets.UTF_8))
        .isEqualTo("unit,number\n1单元,101\n");
    // the parser, not the decoder, drops the mark: the header reads the same either way
    String decoded = CsvDecoder.decode(withBom, StandardCharsets.UTF_8);
    assertThat(new CsvParser(decoded, 8).next().values()).containsExactly("unit", "number");
  }

  @Test
  void refusesAGbkFileReadAsUtf8AndNamesTheLineAndTheFix() {
    byte[] file =
        concat(
            "unit,number\n".getBytes(StandardCharsets.UTF_8),
            "1,101\n".getBytes(StandardCharsets.UTF_8),
            "单元,102\n".getBytes(GBK));

    assertThatThrownBy(() -> CsvDecoder.decode(file, StandardCharsets.UTF_8))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("CSV UTF-8");
  }

  @Test
  void decodesGbkWhenTheCallerSaysSo() {
    byte[] file = "单元,房号\n".getBytes(GBK);

    assertThat(CsvDecoder.decode(file, GBK)).isEqualTo("单元,房号\n");
  }

  @Test
  void refusesAMultiByteSequenceCutOffAtTheEnd() {
    byte[] cut = {'a', '\n', (byte) 0xE5, (byte) 0x8D};

    assertThatThrownBy(() -> CsvDecoder.decode(cut, StandardCharsets.UTF_8))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
  }
}
