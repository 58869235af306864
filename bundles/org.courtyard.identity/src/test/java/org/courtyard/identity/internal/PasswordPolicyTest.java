package org.courtyard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.courtyard.api.Languages;
import org.courtyard.api.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private final PasswordPolicy policy = PasswordPolicy.bundled();

  @Test
  void theBundledListHoldsTheLongCommonPasswords() {
    assertThat(policy.commonCount()).isGreaterThan(1000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "short",
        "qwertyuiop",
        "1234567890",
        "0987654321",
        "PASSWORD123",
        "aaaaaaaaaaaa",
        "5201314woaini",
        "1q2w3e4r5t",
        "abcdefghijk"
      })
  void commonOrShortPasswordsAreRefused(String password) {
    assertThat(policy.refusal(password, "li.lei")).isPresent();
  }

  @Test
  void theUserNameIsNotAPassword() {
    assertThat(policy.refusal("li.lei-2026-spring", "li.lei").map(Text::toString))
        .contains("must not contain the user name");
    assertThat(policy.refusal("li.lei-2026-spring", "li.lei").map(t -> t.in(Languages.CHINESE)))
        .contains("不能包含用户名");
  }

  @Test
  void aLongUnusualPasswordIsAccepted() {
    assertThat(policy.refusal("Courtyard-test-9417", "li.lei")).isEmpty();
    assertThat(policy.refusal("物业管理很有意思的工作啊", "li.lei")).isEmpty();
    assertThat(policy.refusal(IdentityCommands.generatedPassword(), "li.lei")).isEmpty();
  }

  @Test
  void lengthCountsCharactersNotBytes() {
    assertThat(policy.refusal("物业管理九个汉字呀", "x").map(Text::toString))
        .contains("must be at least 10 characters long");
    assertThat(policy.refusal("物业管理九个汉字呀", "x").map(t -> t.in(Languages.CHINESE)))
        .contains("至少需要 10 个字符");
    assertThat(policy.refusal("x".repeat(129), "y").map(Text::toString))
        .contains("must be at most 128 characters long");
  }
}
