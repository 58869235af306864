package org.courtyard.identity.internal.dto;

import java.util.List;

/**
 * Body of {@code POST /identity/users/{id}/grants}: a role (its code) and a scope: {@code company},
 * {@code estates} with estate ids, or {@code buildings} with building ids.
 */
public record GrantInput(String role, String scope, List<Long> ids) {}
