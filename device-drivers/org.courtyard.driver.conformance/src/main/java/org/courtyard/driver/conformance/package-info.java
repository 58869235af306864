/**
 * The driver conformance kit: {@link org.courtyard.driver.conformance.DriverConformance} checks a
 * {@link org.courtyard.driver.DeviceDriver} the way Courtyard's gateway will use it. Vendors call
 * it from a unit test ({@code DriverConformance.of(driver).samples(dir).run().assertPassed()}) or
 * from the command line ({@link org.courtyard.driver.conformance.Main}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.driver.conformance;
