package org.courtyard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyLinesTest {

  private static final String PORT = "org.osgi.service.http.port";

  @Test
  void replacesTheEntryInPlaceAndKeepsEverythingElse() {
    List<String> lines =
        List.of(
            "# Pax Web",
            "org.osgi.service.http.port = 8181",
            "org.ops4j.pax.web.config.file=${karaf.etc}/jetty.xml",
            "");

    assertThat(PropertyLines.withProperty(lines, PORT, "9090"))
        .containsExactly(
            "# Pax Web",
            "org.osgi.service.http.port=9090",
            "org.ops4j.pax.web.config.file=${karaf.etc}/jetty.xml",
            "");
  }

  @Test
  void appendsTheEntryWhenMissing() {
    assertThat(PropertyLines.withProperty(List.of("a=1"), PORT, "8181"))
        .containsExactly("a=1", "org.osgi.service.http.port=8181");
    assertThat(PropertyLines.withProperty(List.of(), PORT, "8181"))
        .containsExactly("org.osgi.service.http.port=8181");
  }

  @Test
  void dropsLaterDuplicatesThatWouldOverrideTheNewValue() {
    List<String> lines = List.of(PORT + "=1", "a=1", "  " + PORT + ":2", PORT + " 3");

    assertThat(PropertyLines.withProperty(lines, PORT, "8181"))
        .containsExactly(PORT + "=8181", "a=1");
  }

  @Test
  void leavesCommentedOutEntriesAlone() {
    List<String> lines = List.of("#" + PORT + "=1", "! " + PORT + "=2");

    assertThat(PropertyLines.withProperty(lines, PORT, "8181"))
        .containsExactly("#" + PORT + "=1", "! " + PORT + "=2", PORT + "=8181");
  }

  @Test
  void doesNotMatchKeysThatOnlyStartTheSame() {
    List<String> lines = List.of(PORT + ".secure=8443");

    assertThat(PropertyLines.withProperty(lines, PORT, "8181"))
        .containsExactly(PORT + ".secure=8443", PORT + "=8181");
  }

  @Test
  void removesContinuationLinesOfTheReplacedEntryOnly() {
    List<String> lines = List.of(PORT + "=81\\", "   81", "list=a,\\", "  b", "c\\\\", "d=1");

    assertThat(PropertyLines.withProperty(lines, PORT, "8181"))
        .containsExactly(PORT + "=8181", "list=a,\\", "  b", "c\\\\", "d=1");
  }

  @Test
  void readsKeysAsPropertiesDo() {
    assertThat(PropertyLines.keyOf("  a.b = c")).isEqualTo("a.b");
    assertThat(PropertyLines.keyOf("a.b:c")).isEqualTo("a.b");
    assertThat(PropertyLines.keyOf("a\\=b=c")).isEqualTo("a=b");
    assertThat(PropertyLines.keyOf("# a=b")).isNull();
    assertThat(PropertyLines.keyOf("   ")).isNull();
  }

  @Test
  void escapesValuesSoTheyReadBackUnchanged() throws Exception {
    String value = " pa\\ss:w=rd\twith \u00fcn\u00efcode\n";
    String escaped = PropertyLines.escapeValue(value);

    assertThat(escaped).isEqualTo("\\ pa\\\\ss:w=rd\\twith \\u00fcn\\u00efcode\\n");
    java.util.Properties read = new java.util.Properties();
    read.load(new java.io.StringReader("k=" + escaped));
    assertThat(read.getProperty("k")).isEqualTo(value);
  }

  @Test
  void leavesJdbcUrlsReadable() {
    assertThat(PropertyLines.escapeValue("jdbc:postgresql://127.0.0.1:15432/courtyard"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:15432/courtyard");
  }
}
