package org.courtyard.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.support.parsing.GogoParser;
import org.junit.jupiter.api.Test;

class ShellAuditTest {

  static final class Example {
    @Argument(index = 0, name = "tenant")
    String tenant;

    @Argument(index = 1, name = "name")
    String name;

    @Argument(index = 2, name = "password")
    String password;

    @Option(name = "-m", aliases = "--module", multiValued = true)
    List<String> modules;

    @Option(name = "--enable")
    boolean enable;

    @Option(name = "--api-token")
    String token;
  }

  private static List<String> statement(String line) {
    return new GogoParser(line, 0).program().get(0).get(0);
  }

  @Test
  void objectIdsAreTheArgumentsThatNameObjects() {
    ShellAudit.Invocation i =
        ShellAudit.Invocation.of(
            "tenant-create",
            statement("courtyard:tenant-create -m estate acme \"Acme Co.\""),
            Example.class);
    assertThat(i.objectIds()).containsExactly("acme");
    assertThat(i.summary()).isEqualTo("courtyard:tenant-create -m estate acme \"Acme Co.\"");
  }

  @Test
  void aFlagTakesNoValue() {
    ShellAudit.Invocation i =
        ShellAudit.Invocation.of("x", statement("x --enable acme"), Example.class);
    assertThat(i.objectIds()).containsExactly("acme");
  }

  @Test
  void secretsAreMasked() {
    ShellAudit.Invocation i =
        ShellAudit.Invocation.of(
            "x", statement("x --api-token abc acme Acme hunter2 --api-token=def"), Example.class);
    assertThat(i.summary()).isEqualTo("courtyard:x --api-token *** acme Acme *** --api-token=***");
    assertThat(i.summary()).doesNotContain("abc", "hunter2", "def");
    assertThat(i.objectIds()).containsExactly("acme");
  }

  @Test
  void withoutDeclarationsEveryOptionHasAValue() {
    ShellAudit.Invocation i =
        ShellAudit.Invocation.of("x", statement("x -r admin --password pw bob"), null);
    assertThat(i.objectIds()).containsExactly("bob");
    assertThat(i.summary()).isEqualTo("courtyard:x -r admin --password *** bob");
  }

  @Test
  void userFallsBackToShell() {
    assertThat(ShellAudit.user(null)).isEqualTo("shell");
  }
}
