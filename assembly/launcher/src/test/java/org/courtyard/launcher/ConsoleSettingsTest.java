package org.courtyard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSettingsTest {

  @Test
  void withoutTheJarVariableThePlatformStartsAloneAndSaysWhy() throws LaunchException {
    ConsoleSettings s = ConsoleSettings.resolve(Map.of());

    assertThat(s.jar()).isEmpty();
    assertThat(s.port()).isEqualTo(8282);
    assertThat(s.reason()).contains("COURTYARD_TENANT_ADMIN_JAR is not set");
  }

  @Test
  void aMissingJarIsNamed(@TempDir Path dir) throws LaunchException {
    Path jar = dir.resolve("tenant-admin-0.1.0-SNAPSHOT.jar");

    ConsoleSettings s =
        ConsoleSettings.resolve(Map.of("COURTYARD_TENANT_ADMIN_JAR", jar.toString()));

    assertThat(s.jar()).isEmpty();
    assertThat(s.reason()).contains(jar + " is missing");
  }

  @Test
  void anExistingJarAndAPort(@TempDir Path dir) throws LaunchException, IOException {
    Path jar = Files.createFile(dir.resolve("tenant-admin.jar"));

    ConsoleSettings s =
        ConsoleSettings.resolve(
            Map.of("COURTYARD_TENANT_ADMIN_JAR", jar.toString(), "TENANT_ADMIN_PORT", "9292"));

    assertThat(s.jar()).contains(jar);
    assertThat(s.port()).isEqualTo(9292);
  }

  @Test
  void aBadPortIsRefused() {
    assertThatThrownBy(() -> ConsoleSettings.resolve(Map.of("TENANT_ADMIN_PORT", "http")))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("TENANT_ADMIN_PORT must be a TCP port");
  }

  @Test
  void theConsoleIsPointedAtThePlatformsApi() {
    Map<String, String> env =
        ConsoleProcess.environment(
            Map.of("PATH", "/usr/bin", "COURTYARD_API_URL", "http://elsewhere/api/v1"), 9181, 9292);

    assertThat(env)
        .containsEntry("COURTYARD_API_URL", "http://localhost:9181/api/v1")
        .containsEntry("TENANT_ADMIN_PORT", "9292")
        .containsEntry("PATH", "/usr/bin");
  }
}
