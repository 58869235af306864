package org.courtyard.driver.template;

import java.nio.file.Path;
import org.courtyard.driver.conformance.DriverConformance;
import org.junit.jupiter.api.Test;

class ThermometerDriverTest {

  @Test
  void passesTheConformanceKit() {
    DriverConformance.of(new ThermometerDriver())
        .samples(Path.of("src/test/resources/samples"))
        .run()
        .assertPassed();
  }
}
