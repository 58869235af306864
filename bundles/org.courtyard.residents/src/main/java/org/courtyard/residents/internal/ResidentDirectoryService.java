package org.courtyard.residents.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.courtyard.api.ResidentContacts;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.residents.OccupancyRef;
import org.courtyard.residents.PersonRef;
import org.courtyard.residents.ResidentDirectory;
import org.courtyard.residents.internal.entity.Occupancy;
import org.courtyard.residents.internal.entity.Person;
import org.courtyard.residents.internal.validation.PhoneNumbers;
import org.courtyard.residents.internal.validation.Rules;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Read-only person, occupancy and vehicle lookups for other modules, answered from each tenant's
 * own residents instance (the pattern of estate's {@code EstateDirectoryService}).
 */
@Component(service = {ResidentDirectory.class, ResidentContacts.class})
public final class ResidentDirectoryService implements ResidentDirectory, ResidentContacts {

  private static final String VEHICLE_COUNT_QUERY =
      "SELECT o.roomId, COUNT(DISTINCT v.id) FROM Occupancy o, Vehicle v"
          + " WHERE v.personId = o.personId AND o.moveOut IS NULL AND v.removedAt IS NULL"
          + " AND o.roomId IN :rooms GROUP BY o.roomId";

  private final TenantInstances<ResidentsTenant> tenants =
      new TenantInstances<>(ResidentsTenant.class, ResidentsModule.ID);

  @Activate
  public ResidentDirectoryService(BundleContext context) {
    tenants.activate(context);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(ResidentsTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(ResidentsTenant instance) {
    tenants.unbind(instance);
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return find(tenant) != null;
  }

  @Override
  public Optional<PersonRef> person(TenantSlug tenant, long personId) {
    return instance(tenant)
        .transactions()
        .read(
            em ->
                Optional.ofNullable(em.find(Person.class, personId))
                    .map(p -> new PersonRef(p.getId(), p.getFullName())));
  }

  @Override
  public List<OccupancyRef> currentOccupancies(TenantSlug tenant, long personId) {
    return instance(tenant)
        .transactions()
        .read(
            em -> {
              List<Occupancy> rows =
                  em.createQuery(
                          "SELECT o FROM Occupancy o WHERE o.personId = :person"
                              + " AND o.moveOut IS NULL ORDER BY o.roomId, o.id",
                          Occupancy.class)
                      .setParameter("person", personId)
                      .getResultList();
              List<OccupancyRef> result = new ArrayList<>(rows.size());
              for (Occupancy o : rows) {
                result.add(
                    new OccupancyRef(
                        o.getId(),
                        o.getPersonId(),
                        o.getRoomId(),
                        o.getRole(),
                        o.getSharePercent(),
                        o.getMoveIn()));
              }
              return result;
            });
  }

  @Override
  public List<Long> currentRooms(TenantSlug tenant, long personId) {
    return roomIds(currentOccupancies(tenant, personId));
  }

  @Override
  public Map<Long, Integer> currentVehicleCounts(TenantSlug tenant, Collection<Long> roomIds) {
    ResidentsTenant instance = instance(tenant);
    Map<Long, Integer> counts = new TreeMap<>();
    for (List<Long> chunk : chunks(roomIds, ROOM_CHUNK)) {
      List<Object[]> rows =
          instance
              .transactions()
              .read(
                  em ->
                      em.createQuery(VEHICLE_COUNT_QUERY, Object[].class)
                          .setParameter("rooms", chunk)
                          .getResultList());
      for (Object[] row : rows) {
        int count = ((Number) row[1]).intValue();
        if (count > 0) {
          counts.put(((Number) row[0]).longValue(), count);
        }
      }
    }
    return counts;
  }

  @Override
  public Optional<String> normalize(String kind, String address) {
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    return switch (kind) {
      case PHONE -> PhoneNumbers.normalize(address);
      case EMAIL -> {
        String v = address.strip().toLowerCase(Locale.ROOT);
        yield Rules.isEmail(v) ? Optional.of(v) : Optional.empty();
      }
      default -> Optional.empty();
    };
  }

  @Override
  public List<Contact> reachableAt(TenantSlug tenant, String kind, String address) {
    ResidentsTenant instance = find(tenant);
    Optional<String> normalized = normalize(kind, address);
    if (instance == null || normalized.isEmpty()) {
      return List.of();
    }
    String where = PHONE.equals(kind) ? "p.phone = :address" : "LOWER(p.email) = :address";
    return instance
        .transactions()
        .read(
            em ->
                em
                    .createQuery(
                        "SELECT p FROM Person p WHERE " + where + " ORDER BY p.id", Person.class)
                    .setParameter("address", normalized.get())
                    .setMaxResults(20)
                    .getResultList()
                    .stream()
                    .map(ResidentDirectoryService::contactOf)
                    .toList());
  }

  @Override
  public Optional<Contact> contact(TenantSlug tenant, long personId) {
    ResidentsTenant instance = find(tenant);
    if (instance == null) {
      return Optional.empty();
    }
    return instance
        .transactions()
        .read(em -> Optional.ofNullable(em.find(Person.class, personId)).map(p -> contactOf(p)));
  }

  private static Contact contactOf(Person p) {
    return new Contact(p.getId(), p.getFullName(), p.getPhone(), p.getEmail());
  }

  /** The distinct room ids of the occupancies, ascending. */
  static List<Long> roomIds(List<OccupancyRef> occupancies) {
    return occupancies.stream().map(o -> o.roomId).distinct().sorted().toList();
  }

  /**
   * The distinct, non-null ids in chunks of at most {@code size}, in their first order: a query
   * parameter list stays bounded however many rooms a billing run asks for.
   */
  static List<List<Long>> chunks(Collection<Long> ids, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    distinct.removeIf(id -> id == null);
    List<List<Long>> result = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += size) {
      result.add(List.copyOf(distinct.subList(from, Math.min(distinct.size(), from + size))));
    }
    return result;
  }

  private ResidentsTenant find(TenantSlug tenant) {
    return tenants.find(tenant);
  }

  private ResidentsTenant instance(TenantSlug tenant) {
    return tenants.require(tenant);
  }
}
