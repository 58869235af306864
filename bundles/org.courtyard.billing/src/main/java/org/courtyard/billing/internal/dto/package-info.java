/**
 * The JSON shapes of the billing API. Request records take boxed types so that a missing value
 * arrives as {@code null} and is reported as a field error; money is {@link java.math.BigDecimal}
 * with two places, unit prices with up to four.
 */
package org.courtyard.billing.internal.dto;
