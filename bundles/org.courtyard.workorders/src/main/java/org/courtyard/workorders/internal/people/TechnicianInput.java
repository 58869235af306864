package org.courtyard.workorders.internal.people;

import java.util.List;

/** The body of {@code PUT /technicians/{userId}}: replaces the skills and the areas. */
public record TechnicianInput(List<String> skills, List<Area> areas) {}
