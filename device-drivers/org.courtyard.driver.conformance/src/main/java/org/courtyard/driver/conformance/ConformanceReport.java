package org.courtyard.driver.conformance;

import java.util.List;

/** The outcome of every check, in the order they ran. */
public record ConformanceReport(String driver, List<Check> checks) {

  /** One check: what was checked, whether it held, and if not, why. */
  public record Check(String name, boolean passed, String detail) {}

  public ConformanceReport {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  public List<Check> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  /** For unit tests: throws an {@link AssertionError} listing every failed check. */
  public void assertPassed() {
    if (!passed()) {
      throw new AssertionError(this.toString());
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Driver conformance of ").append(driver).append(": ");
    s.append(passed() ? "PASSED" : "FAILED").append(" (").append(checks.size()).append(" checks, ");
    s.append(failures().size()).append(" failed)\n");
    for (Check c : checks) {
      s.append(c.passed() ? "  ok    " : "  FAIL  ").append(c.name());
      if (c.detail() != null) {
        s.append(": ").append(c.detail());
      }
      s.append('\n');
    }
    return s.toString();
  }
}
