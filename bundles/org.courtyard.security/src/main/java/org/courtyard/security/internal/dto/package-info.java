/**
 * The JSON shapes of the security API. {@code *Input} is the body of a POST, {@code *View} what the
 * endpoints return. Request records take boxed types so that a missing value arrives as {@code
 * null} and is reported as a field error rather than read as 0.
 */
package org.courtyard.security.internal.dto;
