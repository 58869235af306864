/**
 * The rules every estate value must meet, in one place, so that a JSON request and a row of a CSV
 * import are judged alike and answered with the same words. Nothing here touches the database:
 * checks that need it (a parent exists, a code is free) live in the service and add to the same
 * error lists.
 *
 * <p>Every rule reports to a {@code (field, message)} sink and carries on, so that a caller
 * collects all problems of a request or a file in one pass. Messages are written to follow the
 * field name: {@code "floor" + " " + "must be between -10 and 200"}.
 */
package org.courtyard.estate.internal.validation;
