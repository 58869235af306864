package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChineseAmountTest {

  private static void reads(String amount, String expected) {
    assertThat(ChineseAmount.of(new BigDecimal(amount))).as(amount).isEqualTo(expected);
  }

  @Test
  void wholeAmountsEndInZheng() {
    reads("0", "零元整");
    reads("1", "壹元整");
    reads("10", "壹拾元整");
    reads("100", "壹佰元整");
    reads("1005", "壹仟零伍元整");
    reads("1050", "壹仟零伍拾元整");
    reads("10000", "壹万元整");
    reads("100010", "壹拾万零壹拾元整");
    reads("10000000", "壹仟万元整");
    reads("100000001", "壹亿零壹元整");
    reads("120003400", "壹亿贰仟万叁仟肆佰元整");
    reads("100003400", "壹亿零叁仟肆佰元整");
  }

  @Test
  void jiaoAndFen() {
    reads("123.45", "壹佰贰拾叁元肆角伍分");
    reads("100.50", "壹佰元伍角整");
    reads("100.05", "壹佰元零伍分");
    reads("0.50", "伍角整");
    reads("0.05", "伍分");
    reads("2580.00", "贰仟伍佰捌拾元整");
    reads("0.005", "壹分");
  }

  @Test
  void negativeAmountsAreNotReceipts() {
    assertThatThrownBy(() -> ChineseAmount.of(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
