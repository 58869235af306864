package org.courtyard.driver.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import org.courtyard.driver.DeviceDriver;

/**
 * The kit from the command line, for a driver built outside Maven:
 *
 * <pre>
 * java -cp org.courtyard.driver-*.jar:org.courtyard.driver.conformance-*.jar:my-driver.jar \
 *   org.courtyard.driver.conformance.Main com.vendor.MyDriver src/test/resources/samples [fuzz] [seed]
 * </pre>
 *
 * The driver class needs a public no-argument constructor (as a Declarative Services component
 * has). Exits 0 when every check passed, 1 when one failed, 2 on wrong usage.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !Files.isDirectory(Path.of(args[1]))) {
      System.err.println(
          "usage: Main <driver class> <samples dir with good/<type>/ and bad/<type>/> [fuzz payloads]"
              + " [seed]");
      System.exit(2);
    }
    DeviceDriver driver =
        (DeviceDriver) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    DriverConformance kit = DriverConformance.of(driver).samples(Path.of(args[1]));
    if (args.length > 2) {
      kit.fuzzPayloads(Integer.parseInt(args[2]));
    }
    if (args.length > 3) {
      kit.seed(Long.parseLong(args[3]));
    }
    ConformanceReport report = kit.run();
    System.out.print(report);
    System.exit(report.passed() ? 0 : 1);
  }
}
