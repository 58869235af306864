package org.courtyard.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.courtyard.admin.api.Traffic;
import org.junit.jupiter.api.Test;

class TrafficChartTest {

  private static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");

  private static String points(String svg, String series) {
    String s = svg.substring(svg.indexOf("class=\"series-" + series + "\""));
    return s.substring(s.indexOf("points=\"") + 8, s.indexOf("\"/>"));
  }

  @Test
  void scalesBothSeriesToTheLargerAndSpansThePlotWidth() {
    Traffic t =
        new Traffic(
            60,
            List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120)),
            List.of(0, 7, 3),
            List.of(10, 0, 0));

    String svg = TrafficChart.svg(t, "Traffic", "API", "Ingest", "none");

    // max 10: the scale tops at 10; plot 56..704 wide, 28..212 high
    assertThat(svg).contains(">10</text>", ">5</text>", ">0</text>");
    assertThat(points(svg, "api")).isEqualTo("56.0,212.0 380.0,83.2 704.0,156.8");
    assertThat(points(svg, "ingest")).isEqualTo("56.0,28.0 380.0,212.0 704.0,212.0");
    assertThat(svg).contains("<title>Traffic</title>");
  }

  @Test
  void anEmptySeriesSaysSoInsteadOfDrawing() {
    String svg =
        TrafficChart.svg(
            new Traffic(60, List.of(), List.of(), List.of()), "T", "A", "I", "No traffic data");
    assertThat(svg).contains("No traffic data").doesNotContain("<polyline");
  }

  @Test
  void labelsAreEscaped() {
    String svg =
        TrafficChart.svg(
            new Traffic(60, List.of(), List.of(), List.of()), "a<b & \"c\"", "A", "I", "-");
    assertThat(svg).contains("<title>a&lt;b &amp; &quot;c&quot;</title>");
  }

  @Test
  void niceCeilingRoundsUpTo125() {
    assertThat(TrafficChart.niceCeiling(0)).isEqualTo(1);
    assertThat(TrafficChart.niceCeiling(7)).isEqualTo(10);
    assertThat(TrafficChart.niceCeiling(11)).isEqualTo(20);
    assertThat(TrafficChart.niceCeiling(35)).isEqualTo(50);
    assertThat(TrafficChart.niceCeiling(1234)).isEqualTo(2000);
  }
}
