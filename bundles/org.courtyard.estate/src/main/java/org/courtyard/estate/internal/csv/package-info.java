/**
 * A small RFC 4180 reader for the spreadsheet files property companies upload: comma-separated,
 * fields optionally in double quotes with {@code ""} for a quote, line breaks and commas allowed
 * inside quotes, CRLF or LF line ends, and the byte-order mark that Excel writes in front of "CSV
 * UTF-8" files. Records are numbered the way a spreadsheet numbers its rows, so that an error
 * message points at the row the user sees, even when a quoted cell spans several lines of the file.
 */
package org.courtyard.estate.internal.csv;
