/**
 * The JSON shapes of the module's API. {@code *Input} is the body of a POST, {@code *Update} the
 * body of a PUT (the same fields plus the {@code version} the client last read, for optimistic
 * locking), {@code *View} what the endpoints return. Request records take boxed types so that a
 * missing value arrives as {@code null} and is reported as a field error rather than read as 0.
 */
package org.courtyard.module.template.internal.dto;
