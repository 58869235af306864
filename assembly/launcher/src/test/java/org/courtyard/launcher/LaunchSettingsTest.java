package org.courtyard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

  private static final Optional<Path> JAR =
      Optional.of(Path.of("/opt/cy/runtime/lib/launcher/courtyard-launcher.jar"));

  @Test
  void defaultsFollowTheLauncherJarLocation() throws LaunchException {
    LaunchSettings settings = LaunchSettings.resolve(Map.of(), JAR);

    assertThat(settings.karafHome()).isEqualTo(Path.of("/opt/cy/runtime"));
    assertThat(settings.courtyardHome()).isEqualTo(Path.of("/opt/cy"));
    assertThat(settings.pgData()).isEqualTo(Path.of("/opt/cy/pgdata"));
    assertThat(settings.operatorPasswordFile()).isEqualTo(Path.of("/opt/cy/operator-password.txt"));
    assertThat(settings.karafLog()).isEqualTo(Path.of("/opt/cy/runtime/data/log/karaf.log"));
    assertThat(settings.externalDatabase()).isEmpty();
    assertThat(settings.embeddedDatabasePort()).isEqualTo(15432);
    assertThat(settings.httpPort()).isEqualTo(8181);
    assertThat(settings.console()).isFalse();
  }

  @Test
  void environmentOverridesEveryDefault() throws LaunchException {
    LaunchSettings settings =
        LaunchSettings.resolve(
            Map.of(
                "COURTYARD_KARAF", "/srv/karaf",
                "COURTYARD_HOME", "/var/lib/courtyard",
                "COURTYARD_DB_PORT", "25432",
                "COURTYARD_HTTP_PORT", "9090",
                "COURTYARD_CONSOLE", "1"),
            JAR);

    assertThat(settings.karafHome()).isEqualTo(Path.of("/srv/karaf"));
    assertThat(settings.courtyardHome()).isEqualTo(Path.of("/var/lib/courtyard"));
    assertThat(settings.embeddedDatabasePort()).isEqualTo(25432);
    assertThat(settings.httpPort()).isEqualTo(9090);
    assertThat(settings.console()).isTrue();
  }

  @Test
  void homeDefaultsToTheParentOfAnExplicitKaraf() throws LaunchException {
    LaunchSettings settings =
        LaunchSettings.resolve(Map.of("COURTYARD_KARAF", "/srv/cy/runtime"), Optional.empty());

    assertThat(settings.courtyardHome()).isEqualTo(Path.of("/srv/cy"));
  }

  @Test
  void blankVariablesCountAsUnset() throws LaunchException {
    LaunchSettings settings =
        LaunchSettings.resolve(
            Map.of(
                "COURTYARD_DB_URL", "  ",
                "COURTYARD_HTTP_PORT", "",
                "COURTYARD_CONSOLE", ""),
            JAR);

    assertThat(settings.externalDatabase()).isEmpty();
    assertThat(settings.httpPort()).isEqualTo(8181);
    assertThat(settings.console()).isFalse();
  }

  @Test
  void externalDatabaseTakesUserAndPasswordAndHidesThePassword() throws LaunchException {
    LaunchSettings settings =
        LaunchSettings.resolve(
            Map.of(
                "COURTYARD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "COURTYARD_DB_USER", "cy",
                "COURTYARD_DB_PASSWORD", "s3cret"),
            JAR);

    assertThat(settings.externalDatabase())
        .hasValueSatisfying(
            db -> {
              assertThat(db.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
              assertThat(db.user()).isEqualTo("cy");
              assertThat(db.password()).isEqualTo("s3cret");
            });
    assertThat(settings.toString()).doesNotContain("s3cret");
  }

  @Test
  void externalDatabaseWithoutCredentialsLeavesThemEmpty() throws LaunchException {
    LaunchSettings settings =
        LaunchSettings.resolve(Map.of("COURTYARD_DB_URL", "jdbc:postgresql://db/cy"), JAR);

    assertThat(settings.externalDatabase())
        .hasValueSatisfying(
            db -> {
              assertThat(db.user()).isEmpty();
              assertThat(db.password()).isEmpty();
            });
  }

  @Test
  void rejectsANonPostgresqlUrlWithoutShowingItsPassword() {
    assertThatThrownBy(
            () ->
                LaunchSettings.resolve(
                    Map.of("COURTYARD_DB_URL", "jdbc:mysql://db/cy?password=s3cret"), JAR))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("COURTYARD_DB_URL must be a PostgreSQL JDBC URL")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void rejectsPortsThatAreNotPorts() {
    assertThatThrownBy(() -> LaunchSettings.resolve(Map.of("COURTYARD_HTTP_PORT", "http"), JAR))
        .hasMessage("COURTYARD_HTTP_PORT must be a TCP port (1-65535), got 'http'");
    assertThatThrownBy(() -> LaunchSettings.resolve(Map.of("COURTYARD_DB_PORT", "70000"), JAR))
        .hasMessage("COURTYARD_DB_PORT must be a TCP port (1-65535), got '70000'");
  }

  @Test
  void rejectsAnUnclearConsoleFlag() {
    assertThatThrownBy(() -> LaunchSettings.resolve(Map.of("COURTYARD_CONSOLE", "maybe"), JAR))
        .hasMessageContaining("COURTYARD_CONSOLE must be 1 or 0");
  }

  @Test
  void rejectsAHomeWithWhitespaceBecauseKarafWouldSplitIt() {
    assertThatThrownBy(
            () -> LaunchSettings.resolve(Map.of("COURTYARD_HOME", "/tmp/my courtyard"), JAR))
        .hasMessageContaining("must not contain whitespace");
  }

  @Test
  void withoutJarOrVariableTheKarafHomeIsUnknown() {
    assertThatThrownBy(() -> LaunchSettings.resolve(Map.of(), Optional.empty()))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("set COURTYARD_KARAF");
  }
}
