/**
 * JPA entities of the billing module's catalogue tables (fee items with their tariff tiers,
 * settings), private to this bundle. Bills, payments and the ledger are written with plain JDBC in
 * batches instead: they are append-heavy, and the billing run writes thousands of rows per
 * transaction.
 */
package org.courtyard.billing.internal.entity;
