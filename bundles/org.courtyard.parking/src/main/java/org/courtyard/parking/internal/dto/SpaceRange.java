package org.courtyard.parking.internal.dto;

/**
 * Body of {@code POST /parking/lots/{id}/spaces}: the spaces {@code prefix + from} to {@code prefix
 * + to}, numbers zero-padded to {@code digits}, all of one kind, level and size.
 */
public record SpaceRange(
    String prefix,
    Integer from,
    Integer to,
    Integer digits,
    String kind,
    Integer level,
    String size) {}
