package org.courtyard.identity.internal.dto;

import java.util.List;

/** Body of {@code PUT /identity/roles/{id}}. */
public record RoleUpdate(String nameEn, String nameZh, List<String> permissions, Integer version) {}
