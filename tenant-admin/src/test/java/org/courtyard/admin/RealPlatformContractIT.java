package org.courtyard.admin;

import static org.junit.Assume.assumeTrue;

import org.courtyard.admin.contract.OperatorApiContract;
import org.junit.BeforeClass;

/**
 * The contract against a running platform, on demand (the name keeps it out of the normal test
 * run): {@code mvn -B -pl tenant-admin surefire:test -Dtest=RealPlatformContractIT
 * -Dcourtyard.api.url=http://localhost:8181/api/v1 -Dcourtyard.operator.password=...}.
 */
public class RealPlatformContractIT extends OperatorApiContract {

  @BeforeClass
  public static void configured() {
    assumeTrue(
        "set -Dcourtyard.api.url and -Dcourtyard.operator.password",
        System.getProperty("courtyard.api.url") != null
            && System.getProperty("courtyard.operator.password") != null);
  }

  @Override
  protected String baseUrl() {
    return System.getProperty("courtyard.api.url");
  }

  @Override
  protected String password() {
    return System.getProperty("courtyard.operator.password");
  }
}
