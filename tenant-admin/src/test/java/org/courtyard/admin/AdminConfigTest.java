package org.courtyard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

  @Test
  void defaultsToTheLocalPlatformAndPort8282() {
    AdminConfig c = AdminConfig.resolve(Map.of(), new Properties());

    assertThat(c.apiUrl()).isEqualTo("http://localhost:8181/api/v1");
    assertThat(c.port()).isEqualTo(8282);
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    Properties system = new Properties();
    system.setProperty("COURTYARD_API_URL", "http://cy.example:9000/api/v1/");

    AdminConfig c =
        AdminConfig.resolve(
            Map.of("COURTYARD_API_URL", "http://other/api/v1", "TENANT_ADMIN_PORT", "9090"),
            system);

    assertThat(c.apiUrl()).isEqualTo("http://cy.example:9000/api/v1");
    assertThat(c.port()).isEqualTo(9090);
  }

  @Test
  void nonsenseIsRefusedWithTheVariableNamed() {
    assertThatThrownBy(
            () -> AdminConfig.resolve(Map.of("TENANT_ADMIN_PORT", "x"), new Properties()))
        .hasMessageContaining("TENANT_ADMIN_PORT");
    assertThatThrownBy(
            () ->
                AdminConfig.resolve(
                    Map.of("COURTYARD_API_URL", "localhost:8181"), new Properties()))
        .hasMessageContaining("COURTYARD_API_URL");
  }
}
