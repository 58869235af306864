package org.courtyard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BannerTest {

  private static final Path PASSWORD_FILE = Path.of("/cy/operator-password.txt");
  private static final Path KARAF_LOG = Path.of("/cy/runtime/data/log/karaf.log");

  @Test
  void showsWhereEverythingIs() {
    String banner =
        Banner.render(
            Duration.ofMillis(12_345),
            8181,
            PASSWORD_FILE,
            true,
            "embedded PostgreSQL 15.19 at 127.0.0.1:15432 (data in /cy/pgdata)",
            KARAF_LOG,
            false);

    assertThat(banner.lines())
        .containsExactly(
            "Courtyard is up (started in 12.3 s)",
            "  REST API      http://localhost:8181/api/v1",
            "  OpenAPI       http://localhost:8181/api/v1/openapi.json",
            "  Operator      user \"operator\", password in /cy/operator-password.txt (created on first start, mode 0600)",
            "  Database      embedded PostgreSQL 15.19 at 127.0.0.1:15432 (data in /cy/pgdata)",
            "  Shell         run with COURTYARD_CONSOLE=1 for an interactive Karaf console",
            "  Logs          /cy/runtime/data/log/karaf.log",
            "  Stop          Ctrl+C");
  }

  @Test
  void externalDatabaseLineCarriesNoPassword() {
    String description =
        ExternalDatabase.describe("15.8", "jdbc:postgresql://cy:s3cret@db:5432/cy?password=s3cret");
    String banner =
        Banner.render(
            Duration.ofSeconds(5), 8181, PASSWORD_FILE, true, description, KARAF_LOG, false);

    assertThat(banner)
        .contains(
            "  Database      external PostgreSQL 15.8 at jdbc:postgresql://cy:***@db:5432/cy?password=***")
        .doesNotContain("s3cret");
  }

  @Test
  void saysWhenThePasswordFileIsNotWrittenYet() {
    String banner =
        Banner.render(Duration.ofSeconds(5), 8181, PASSWORD_FILE, false, "db", KARAF_LOG, false);

    assertThat(banner).contains("password to be written to /cy/operator-password.txt");
  }

  @Test
  void consoleModeTellsHowToStopFromTheConsole() {
    String banner =
        Banner.render(Duration.ofSeconds(5), 9090, PASSWORD_FILE, true, "db", KARAF_LOG, true);

    assertThat(banner)
        .contains("http://localhost:9090/api/v1")
        .contains("  Stop          type shutdown -f in the Karaf console");
  }
}
