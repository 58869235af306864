package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialPushesTest {

  @Test
  void eachControllerIsToldOnceAboutItsDoors() {
    Map<String, ? extends Set<String>> targets =
        CredentialPushes.targets(List.of("gate-1:2", "lobby:1", "gate-1:1", "lobby"));
    assertThat(targets.keySet()).containsExactly("gate-1", "lobby");
    assertThat(targets.get("gate-1")).containsExactly("1", "2");
    // all doors of a controller cover its single doors
    assertThat(targets.get("lobby")).containsExactly("0");
  }

  @Test
  void likeMatchesAHolderNameAsItIs() {
    assertThat(Credentials.likeLiteral("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
  }
}
