package org.courtyard.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.courtyard.api.TenantSlug;
import org.junit.jupiter.api.Test;

class AddressTest {

  @Test
  void anEmailKeepsTwoCharactersAndItsDomain() {
    assertThat(Address.email("zhang.wei@example.com").masked()).isEqualTo("zh***@example.com");
    assertThat(Address.email("ab@x.cn").masked()).isEqualTo("***@x.cn");
    assertThat(Address.email("张伟伟伟@例子.中国").masked()).isEqualTo("张***@例子.中国");
  }

  @Test
  void aPhoneKeepsItsPrefixAndLastFourDigits() {
    assertThat(Address.phone("+86 138 1234 5678").masked()).isEqualTo("+86138****5678");
    assertThat(Address.phone("13812345678").masked()).isEqualTo("138****5678");
    assertThat(Address.phone("12345").masked()).isEqualTo("1***");
  }

  @Test
  void otherKindsKeepTwoCharactersAtEachEnd() {
    assertThat(new Address("wechat", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M").masked())
        .isEqualTo("o6***2M")
        .doesNotContain("bmjr");
  }

  @Test
  void theKindIsAShortLowerCaseName() {
    assertThatThrownBy(() -> new Address("E-Mail", "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Address.email("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Address("push-apns", " token ").value()).isEqualTo("token");
  }

  @Test
  void addressesCompareAsTheirKindAllows() {
    assertThat(Address.email("Zhang.Wei@Example.COM").normalized())
        .isEqualTo("zhang.wei@example.com");
    assertThat(Address.phone("+86 (138) 1234-5678").normalized()).isEqualTo("+8613812345678");
  }

  @Test
  void aMessageNamesNeitherItsRecipientInFullNorItsContent() {
    Message m =
        Message.text(
            TenantSlug.of("acme"),
            Address.phone("13812345678"),
            "sign-in-code",
            Locale.CHINA,
            "验证码",
            "您的验证码是 482913");

    assertThat(m.toString()).contains("acme", "sign-in-code", "138****5678");
    assertThat(m.toString()).doesNotContain("482913", "13812345678");
  }

  @Test
  void aMessageHasOneLineOfSubjectAndATextBody() {
    TenantSlug acme = TenantSlug.of("acme");
    Address to = Address.email("a@example.com");
    assertThatThrownBy(() -> Message.text(acme, to, "notice", Locale.ENGLISH, "a\nb", "text"))
        .hasMessageContaining("single line");
    assertThatThrownBy(() -> Message.text(acme, to, "notice", Locale.ENGLISH, "s", " "))
        .hasMessageContaining("text body");
    assertThatThrownBy(() -> Message.text(acme, to, "Sign In", Locale.ENGLISH, "s", "t"))
        .hasMessageContaining("purpose");
    Message blankHtml = Message.text(acme, to, "notice", Locale.ENGLISH, null, "t").withHtml(" ");
    assertThat(blankHtml.hasHtml()).isFalse();
    assertThat(blankHtml.subject()).isEmpty();
  }
}
