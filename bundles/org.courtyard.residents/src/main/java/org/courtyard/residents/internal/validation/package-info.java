/**
 * The rules every residents value must meet, in one place: phone numbers, identity numbers, plates,
 * ownership shares, and what lists may show of them. Nothing here touches the database: checks that
 * need it (a person exists, a room exists, the shares of a room) live in the service and add to the
 * same error lists or use the arithmetic here.
 *
 * <p>Every rule reports to a {@code (field, message)} sink and carries on, so that a caller
 * collects all problems of a request in one pass. Messages are written to follow the field name:
 * {@code "phone" + " " + "is not a phone number: …"}.
 */
package org.courtyard.residents.internal.validation;
