/**
 * The JSON shapes of sign-in and of the users, roles and grants API. {@code *Input} is the body of
 * a POST, {@code *Update} the body of a PUT (with the {@code version} the client last read), {@code
 * *View} what the endpoints return. Boxed types, so that a missing value is a field error.
 */
package org.courtyard.identity.internal.dto;
