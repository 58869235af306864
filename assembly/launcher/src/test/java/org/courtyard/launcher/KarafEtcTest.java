package org.courtyard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KarafEtcTest {

  @TempDir Path etc;

  @Test
  void databaseConfigIsOwnerOnlyAndReadsBackAsWritten() throws IOException {
    Path existing = etc.resolve(KarafEtc.DATABASE_PID_FILE);
    Files.writeString(existing, "url=old\nstale=1\n");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

    Path file =
        new KarafEtc(etc)
            .writeDatabaseConfig(
                new JdbcSettings(
                    "jdbc:postgresql://127.0.0.1:15432/courtyard", "postgres", "p\\w d"));

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Properties read = load(file);
    assertThat(read).containsOnlyKeys("url", "user", "password");
    assertThat(read.getProperty("url")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/courtyard");
    assertThat(read.getProperty("user")).isEqualTo("postgres");
    assertThat(read.getProperty("password")).isEqualTo("p\\w d");
    try (var files = Files.list(etc)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void emptyPasswordIsWrittenAsEmpty() throws IOException {
    Path file =
        new KarafEtc(etc)
            .writeDatabaseConfig(new JdbcSettings("jdbc:postgresql://h/d", "postgres", ""));

    assertThat(Files.readAllLines(file)).contains("password=");
  }

  @Test
  void httpPortIsChangedInPlace() throws IOException {
    Path paxWeb = etc.resolve(KarafEtc.PAX_WEB_PID_FILE);
    Files.write(
        paxWeb,
        List.of("# web", "org.osgi.service.http.port=8181", "org.osgi.service.http.enabled=true"));

    new KarafEtc(etc).setHttpPort(9090);

    assertThat(Files.readAllLines(paxWeb))
        .containsExactly(
            "# web", "org.osgi.service.http.port=9090", "org.osgi.service.http.enabled=true");
  }

  @Test
  void httpPortFileIsCreatedWhenMissing() throws IOException {
    new KarafEtc(etc.resolve("sub")).setHttpPort(8282);

    assertThat(Files.readAllLines(etc.resolve("sub").resolve(KarafEtc.PAX_WEB_PID_FILE)))
        .containsExactly("org.osgi.service.http.port=8282");
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }
}
