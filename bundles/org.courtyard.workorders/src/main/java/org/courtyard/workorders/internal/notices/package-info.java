/**
 * Who is told of an order's steps (its assignee, its reporter, its watchers), through the
 * platform's message channels, with a delivery log per order.
 */
package org.courtyard.workorders.internal.notices;
