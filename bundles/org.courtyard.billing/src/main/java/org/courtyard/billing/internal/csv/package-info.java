/**
 * A small RFC 4180 reader for the spreadsheet files property companies upload: comma-separated,
 * fields optionally in double quotes with {@code ""} for a quote, line breaks and commas allowed
 * inside quotes, CRLF or LF line ends, and the byte-order mark that Excel writes in front of "CSV
 * UTF-8" files. Records are numbered the way a spreadsheet numbers its rows, so that an error
 * message points at the row the user sees, even when a quoted cell spans several lines of the file.
 *
 * <p>A copy of the estate module's reader, which is internal to that bundle and not exported; the
 * meter reading import reads its files exactly the way the room import does.
 */
package org.courtyard.billing.internal.csv;
