/**
 * JPA entities of the residents tables, private to this bundle: the REST layer only ever sees the
 * records in {@code dto}. Tables are named {@code residents_*}, because every module of a tenant
 * shares the tenant's schema and names such as {@code vehicle} are likely wanted by later modules.
 * References are plain id columns, not {@code @ManyToOne} relations, because EclipseLink runs
 * without weaving here and would load every relation eagerly. A room is only an id: rooms belong to
 * the estate module. Timestamps are {@link java.sql.Timestamp} columns exposed as {@link
 * java.time.Instant}; dates without a time of day (move-in, move-out) are {@link
 * java.time.LocalDate}, which JPA 2.2 maps to {@code date}.
 */
package org.courtyard.residents.internal.entity;
