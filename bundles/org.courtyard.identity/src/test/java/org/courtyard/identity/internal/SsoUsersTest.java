package org.courtyard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

class SsoUsersTest {

  @Test
  void userNamesComeFromTheAddressesLocalPart() {
    assertThat(SsoUsers.usernameFrom("Li.Lei@example.com")).isEqualTo("li.lei");
    assertThat(SsoUsers.usernameFrom("han+meimei@example.com")).isEqualTo("han-meimei");
    assertThat(SsoUsers.usernameFrom("_x@example.com")).isEqualTo("x-user");
    assertThat(SsoUsers.usernameFrom("..@example.com")).isEqualTo("user");
    assertThat(SsoUsers.usernameFrom("a".repeat(60) + "@example.com")).hasSize(36);
    assertThat(SsoUsers.usernameFrom("张伟@example.com")).isEqualTo("user");
  }

  @Test
  void theConfiguredClaimNamesTheAccount() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("abc")
            .claim("preferred_username", " Li.Lei ")
            .claim("email", "Li.Lei@Example.com")
            .claim("email_verified", true)
            .build();
    assertThat(SsoUsers.subjectOf(config(SsoSettings.PREFERRED_USERNAME), claims))
        .isEqualTo("li.lei");
    assertThat(SsoUsers.subjectOf(config(SsoSettings.EMAIL), claims))
        .isEqualTo("li.lei@example.com");

    JWTClaimsSet unverified =
        new JWTClaimsSet.Builder(claims).claim("email_verified", false).build();
    assertThatThrownBy(() -> SsoUsers.subjectOf(config(SsoSettings.EMAIL), unverified))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type()).isEqualTo("sso-email-unverified"));
    JWTClaimsSet bare = new JWTClaimsSet.Builder().subject("abc").claim("email", 7).build();
    for (String claim : List.of(SsoSettings.PREFERRED_USERNAME, SsoSettings.EMAIL)) {
      assertThatThrownBy(() -> SsoUsers.subjectOf(config(claim), bare))
          .isInstanceOfSatisfying(
              ProblemException.class,
              p -> {
                assertThat(p.status()).isEqualTo(401);
                assertThat(p.type()).isEqualTo("sso-claim-missing");
              });
    }
  }

  private static SsoSettings.Config config(String claim) {
    return new SsoSettings.Config(
        true,
        "https://login.example.com",
        "courtyard",
        "s3cret",
        claim,
        false,
        null,
        "company",
        List.of(),
        List.of(),
        1);
  }
}
