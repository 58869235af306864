/**
 * What a module needs to publish REST endpoints on the platform; 1.7: a report's period ({@link
 * org.courtyard.api.rest.ReportPeriod}) and its CSV answer ({@link
 * org.courtyard.api.rest.CsvAnswer}).
 */
@org.osgi.annotation.versioning.Version("1.7.0")
package org.courtyard.api.rest;
