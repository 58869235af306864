package org.courtyard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zh",
        "zh-CN",
        "zh-cn",
        "zh-Hans",
        "zh-Hans-CN",
        "zh-SG",
        "zh_CN",
        "zh-CN,zh;q=0.9,en;q=0.8",
        "fr, zh;q=0.5",
        "en;q=0.4, zh-CN;q=0.8",
        "de-DE, zh-TW;q=0.9, zh-CN;q=0.8, en;q=0.7"
      })
  void answersInChineseForSimplifiedChineseRanges(String header) {
    assertThat(Languages.fromAcceptLanguage(header)).isEqualTo(Languages.CHINESE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "en",
        "en-US,en;q=0.9",
        "fr",
        "*",
        "zh-TW",
        "zh-Hant",
        "zh-HK, zh-Hant-TW",
        "en, zh-CN;q=0.9",
        "zh-CN;q=0, en",
        "zh;q=0",
        "zh;q=abc",
        "zh;q=2",
        ",,;",
        "en;q=0.9, zh;q=0.9"
      })
  void answersInEnglishOtherwise(String header) {
    assertThat(Languages.fromAcceptLanguage(header)).isEqualTo(Languages.ENGLISH);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void answersInEnglishWithoutAHeader(String header) {
    assertThat(Languages.fromAcceptLanguage(header)).isEqualTo(Languages.ENGLISH);
  }

  @Test
  void keepsTheWrittenOrderForEqualQualities() {
    assertThat(Languages.fromAcceptLanguage("zh;q=0.5, en;q=0.5")).isEqualTo(Languages.CHINESE);
    assertThat(Languages.fromAcceptLanguage("en;q=0.5, zh;q=0.5")).isEqualTo(Languages.ENGLISH);
    assertThat(Languages.fromAcceptLanguage("zh-CN;Q=0.9, en;q=0.8")).isEqualTo(Languages.CHINESE);
  }

  @Test
  void ignoresWhatFollowsTheThirtySecondRange() {
    String many = "fr,".repeat(32) + "zh";
    assertThat(Languages.fromAcceptLanguage(many)).isEqualTo(Languages.ENGLISH);
    assertThat(Languages.fromAcceptLanguage("fr,".repeat(31) + "zh")).isEqualTo(Languages.CHINESE);
  }

  @ParameterizedTest
  @CsvSource({"zh-CN,zh-CN", "zh,zh-CN", "zh-Hans-SG,zh-CN", "zh-TW,en", "en-GB,en", "ja,en"})
  void tagsTheLanguageOfAUsersLocale(String userLocale, String tag) {
    assertThat(Languages.tag(Locale.forLanguageTag(userLocale))).isEqualTo(tag);
  }

  @Test
  void treatsNoLocaleAsEnglish() {
    assertThat(Languages.supported(null)).isEqualTo(Languages.ENGLISH);
    assertThat(Languages.tag(null)).isEqualTo("en");
  }
}
