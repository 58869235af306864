package org.courtyard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KarafProcessTest {

  private static final Path HOME = Path.of("/cy");

  @Test
  void courtyardHomeIsAppendedToExistingExtraJavaOptions() {
    Map<String, String> environment =
        KarafProcess.environment(
            Map.of("EXTRA_JAVA_OPTS", "-Xss1m", "PATH", "/usr/bin"), HOME, Optional.empty());

    assertThat(environment)
        .containsEntry("EXTRA_JAVA_OPTS", "-Xss1m -Dcourtyard.home=/cy")
        .containsEntry("PATH", "/usr/bin")
        .doesNotContainKey("JAVA_HOME");
  }

  @Test
  void courtyardHomeAloneWhenThereAreNoExtraJavaOptions() {
    assertThat(KarafProcess.environment(Map.of(), HOME, Optional.empty()))
        .containsEntry("EXTRA_JAVA_OPTS", "-Dcourtyard.home=/cy");
  }

  @Test
  void launcherJavaReplacesJavaHomeAndForeignKarafLocationsAreDropped() {
    Map<String, String> environment =
        KarafProcess.environment(
            Map.of(
                "JAVA_HOME",
                "/usr/lib/jvm/java-25",
                "KARAF_HOME",
                "/opt/other-karaf",
                "KARAF_DATA",
                "/tmp/d"),
            HOME,
            Optional.of(Path.of("/usr/lib/jvm/java-17")));

    assertThat(environment)
        .containsEntry("JAVA_HOME", "/usr/lib/jvm/java-17")
        .doesNotContainKeys("KARAF_HOME", "KARAF_DATA");
  }

  @Test
  void karafGetsTheLauncherJavaOnlyFrom17To24() {
    String javaHome = System.getProperty("java.home");

    assertThat(KarafProcess.javaHomeForKaraf(17, javaHome)).contains(Path.of(javaHome));
    assertThat(KarafProcess.javaHomeForKaraf(21, javaHome)).contains(Path.of(javaHome));
    assertThat(KarafProcess.javaHomeForKaraf(25, javaHome)).isEmpty();
    assertThat(KarafProcess.javaHomeForKaraf(11, javaHome)).isEmpty();
    assertThat(KarafProcess.javaHomeForKaraf(17, "/no/such/jdk")).isEmpty();
  }
}
