/**
 * The life of a work order as rules without storage: {@link
 * org.courtyard.workorders.internal.lifecycle.OrderLifecycle} takes an order's {@link
 * org.courtyard.workorders.internal.lifecycle.OrderProgress} and a {@link
 * org.courtyard.workorders.internal.lifecycle.Command} and returns the progress after the step with
 * its {@link org.courtyard.workorders.internal.lifecycle.TimelineEntry}, or refuses it with {@link
 * org.courtyard.workorders.internal.lifecycle.TransitionRefused}.
 */
package org.courtyard.workorders.internal.lifecycle;
