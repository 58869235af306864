package org.courtyard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsTest {

  private static final String SELF = "https://courtyard.example.com";
  private static final List<String> ALLOWED = List.of("https://admin.example.com");

  @Test
  void originsDropDefaultPortsAndCase() {
    assertThat(Origins.of(URI.create("HTTPS://Courtyard.Example.com:443/api/v1/"))).contains(SELF);
    assertThat(Origins.of(URI.create("http://localhost:8181/x"))).contains("http://localhost:8181");
    assertThat(Origins.of(URI.create("ftp://example.com/"))).isEmpty();
    assertThat(Origins.allowedOrigin("https://admin.example.com/")).contains(ALLOWED.get(0));
    assertThat(Origins.allowedOrigin("https://admin.example.com/app")).isEmpty();
    assertThat(Origins.allowedOrigin("http://admin.example.com")).isEmpty();
    assertThat(Origins.allowedOrigin("http://127.0.0.1:5173")).contains("http://127.0.0.1:5173");
  }

  @Test
  void returnTargetsStayOnTheRequestsOriginOrAnAllowedOne() {
    assertThat(Origins.returnTarget("/admin/", SELF, ALLOWED))
        .contains(URI.create(SELF + "/admin/"));
    assertThat(Origins.returnTarget(SELF + "/admin/?x=1", SELF, ALLOWED)).isPresent();
    assertThat(Origins.returnTarget("https://admin.example.com/signed-in", SELF, ALLOWED))
        .isPresent();
    for (String bad :
        List.of(
            "https://evil.example.com/",
            "//evil.example.com/",
            "/\\evil.example.com/",
            "https://admin.example.com.evil.com/",
            "https://courtyard.example.com@evil.com/",
            "https://user@courtyard.example.com/",
            "http://courtyard.example.com/",
            "https://courtyard.example.com:8443/",
            SELF + "/admin/#x",
            "javascript:alert(1)",
            "data:text/html,hi",
            "admin/",
            "")) {
      assertThat(Origins.returnTarget(bad, SELF, ALLOWED)).as(bad).isEmpty();
    }
  }

  @Test
  void providersAreHttpsExceptOnThisMachine() {
    assertThat(SsoSettings.isIssuer("https://login.example.com/realms/staff")).isTrue();
    assertThat(SsoSettings.isIssuer("http://localhost:8080/acme")).isTrue();
    assertThat(SsoSettings.isIssuer("http://[::1]:8080/acme")).isTrue();
    assertThat(SsoSettings.isIssuer("http://login.example.com/")).isFalse();
    assertThat(SsoSettings.isIssuer("https://login.example.com/?tenant=1")).isFalse();
    assertThat(SsoSettings.isIssuer("https://login.example.com/#x")).isFalse();
    assertThat(SsoSettings.isIssuer("login.example.com")).isFalse();
  }
}
