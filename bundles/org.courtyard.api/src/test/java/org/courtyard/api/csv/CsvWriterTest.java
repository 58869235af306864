package org.courtyard.api.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void cellsAreQuotedWhenNeededAndNeverFormulas() {
    assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
    assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvWriter.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(CsvWriter.cell("+86 138")).isEqualTo("'+86 138");
    assertThat(CsvWriter.cell("@cmd")).isEqualTo("'@cmd");
    assertThat(CsvWriter.cell(null)).isEmpty();
  }

  @Test
  void aFileIsUtf8WithABomAndCrlfAndReadsBackAsWritten() {
    byte[] file = CsvWriter.write(List.of(List.of("车牌", "金额"), Arrays.asList("粤B12345", null)));
    assertThat(file[0]).isEqualTo((byte) 0xEF);
    String text = new String(file, StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("\ufeff车牌,金额\r\n粤B12345,\r\n");
    CsvParser back = new CsvParser(new String(file, StandardCharsets.UTF_8), 10);
    assertThat(back.next().values()).containsExactly("车牌", "金额");
    assertThat(back.next().values()).containsExactly("粤B12345", "");
  }
}
