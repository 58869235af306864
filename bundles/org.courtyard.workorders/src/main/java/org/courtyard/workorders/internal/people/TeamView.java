package org.courtyard.workorders.internal.people;

import java.util.List;

/** A team of technicians, its members' user ids ascending. */
public record TeamView(long id, String name, List<Long> members, int version) {}
