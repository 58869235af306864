/**
 * JPA entities of the module's tables, private to this bundle: the REST layer only sees the records
 * in {@code dto}. Refer to a parent by a plain id column, not a {@code @ManyToOne} relation:
 * EclipseLink runs without weaving and would load every relation eagerly. Timestamps are {@link
 * java.sql.Timestamp} columns exposed as {@link java.time.Instant}: JPA 2.2 has no {@code Instant}
 * mapping, and a {@code Timestamp} bound to a {@code timestamptz} column keeps the instant whatever
 * the JVM's time zone is.
 */
package org.courtyard.module.template.internal.entity;
