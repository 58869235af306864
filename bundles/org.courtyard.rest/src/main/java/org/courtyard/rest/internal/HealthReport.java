package org.courtyard.rest.internal;

import java.util.Map;

/** Container and database status for operators. */
interface HealthReport {
  Map<String, Object> report();
}
