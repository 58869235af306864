/**
 * JPA entities of the estate tables, private to this bundle: the REST layer only ever sees the
 * records in {@code dto}. Parents are plain id columns, not {@code @ManyToOne} relations, because
 * EclipseLink runs without weaving here and would load every relation eagerly. Timestamps are
 * {@link java.sql.Timestamp} columns exposed as {@link java.time.Instant}: JPA 2.2 has no {@code
 * Instant} mapping, and a {@code Timestamp} bound to a {@code timestamptz} column keeps the instant
 * whatever the JVM's time zone is.
 */
package org.courtyard.estate.internal.entity;
