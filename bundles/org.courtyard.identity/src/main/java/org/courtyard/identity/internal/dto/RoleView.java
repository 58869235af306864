package org.courtyard.identity.internal.dto;

import java.util.List;

/** A role: its permissions are ids or patterns with {@code *}. */
public record RoleView(
    long id,
    String code,
    String nameEn,
    String nameZh,
    boolean template,
    List<String> permissions,
    int version) {}
