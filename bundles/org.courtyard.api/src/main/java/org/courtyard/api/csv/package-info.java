/**
 * A small RFC 4180 reader for the spreadsheet files property companies upload, shared by every
 * module that imports CSV: comma-separated, fields optionally in double quotes with {@code ""} for
 * a quote, line breaks and commas allowed inside quotes, CRLF or LF line ends, and the byte-order
 * mark that Excel writes in front of "CSV UTF-8" files. Records are numbered the way a spreadsheet
 * numbers its rows, so that an error message points at the row the user sees. And the writer of the
 * files modules export ({@link org.courtyard.api.csv.CsvWriter}, 1.3).
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.courtyard.api.csv;
