/**
 * Photos and files of work orders (#13): {@link
 * org.courtyard.workorders.internal.attachments.Upload} reads and checks an uploaded body, {@link
 * org.courtyard.workorders.internal.attachments.FileType} tells its kind by its first bytes, {@link
 * org.courtyard.workorders.internal.attachments.Thumbnails} measures photos and makes their
 * thumbnails, and {@link org.courtyard.workorders.internal.attachments.Attachments} stores them in
 * the tenant's schema, at most nine on an order and nine on each step, reached only through an
 * {@link org.courtyard.workorders.internal.attachments.OrderGate}.
 */
package org.courtyard.workorders.internal.attachments;
