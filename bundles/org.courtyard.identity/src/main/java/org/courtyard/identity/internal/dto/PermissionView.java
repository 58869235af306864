package org.courtyard.identity.internal.dto;

/** A permission as the role editor lists it. */
public record PermissionView(
    String id,
    String module,
    String titleEn,
    String titleZh,
    boolean movesMoney,
    boolean opensDoors) {}
