/**
 * The JSON shapes of the residents API. {@code *Input} is the body of a POST, {@code PersonUpdate}
 * the body of a PUT (the same fields plus the {@code version} the client last read, for optimistic
 * locking), {@code *View} what an endpoint returns for one record. {@link
 * org.courtyard.residents.internal.dto.PersonSummary} is a person as lists show it, with phone and
 * identity number masked. Request records take boxed types so that a missing value arrives as
 * {@code null} and can be reported as a field error rather than turning into 0.
 */
package org.courtyard.residents.internal.dto;
