package org.courtyard.identity.internal.dto;

import java.util.List;

/** Body of {@code POST /identity/roles}. */
public record RoleInput(String code, String nameEn, String nameZh, List<String> permissions) {}
