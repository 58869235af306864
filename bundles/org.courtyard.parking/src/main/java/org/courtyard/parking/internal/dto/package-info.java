/** The JSON shapes of the parking module's REST resources. */
package org.courtyard.parking.internal.dto;
