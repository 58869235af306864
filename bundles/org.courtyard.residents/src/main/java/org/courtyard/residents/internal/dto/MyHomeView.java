package org.courtyard.residents.internal.dto;

import java.util.List;

/**
 * What a signed-in resident sees of themselves: their own details, the rooms they currently own,
 * rent or live in, and their current vehicles.
 */
public record MyHomeView(
    PersonView person, List<OccupancyView> occupancies, List<VehicleView> vehicles) {}
