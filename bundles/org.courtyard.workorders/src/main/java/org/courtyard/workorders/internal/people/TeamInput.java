package org.courtyard.workorders.internal.people;

import java.util.List;

/** The body of {@code POST /teams} and {@code PUT /teams/{id}} (with the version last read). */
public record TeamInput(String name, List<Long> members, Integer version) {}
