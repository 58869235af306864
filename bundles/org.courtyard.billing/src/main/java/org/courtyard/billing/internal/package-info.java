/**
 * The fees and billing module (费用管理): fee items, billing runs, bills, payments with
 * Idempotency-Key, prepayment, refunds, a double-entry ledger, arrears and collection statistics;
 * meters, meter readings (抄表) and metered fees.
 *
 * <ul>
 *   <li>{@link org.courtyard.billing.internal.BillingModule} tells the platform the module exists
 *       (it requires {@code estate}).
 *   <li>{@link org.courtyard.billing.internal.BillingTenant} is a tenant's instance: its
 *       EntityManagerFactory, its DataSource for bulk JDBC and its run executor.
 *   <li>The REST API under {@code /api/v1/billing} is one resource per aggregate ({@code
 *       FeeItemsResource}, {@code RunsResource}, {@code BillsResource}, {@code LedgerResource},
 *       {@code ArrearsResource}, {@code MetersResource}, and {@link
 *       org.courtyard.billing.internal.BillingResource} for the rest), each finding the caller's
 *       instance through {@link org.courtyard.billing.internal.BillingInstances}.
 * </ul>
 *
 * <p>Rooms come only from the estate module's exported {@code EstateDirectory}.
 */
package org.courtyard.billing.internal;
