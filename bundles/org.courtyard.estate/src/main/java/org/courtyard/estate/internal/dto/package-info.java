/**
 * The JSON shapes of the estate API. {@code *Input} is the body of a POST, {@code *Update} the body
 * of a PUT (the same fields plus the {@code version} the client last read, for optimistic locking),
 * {@code *View} what every endpoint returns. Request records take boxed types so that a missing
 * value arrives as {@code null} and can be reported as a field error rather than turning into 0.
 */
package org.courtyard.estate.internal.dto;
