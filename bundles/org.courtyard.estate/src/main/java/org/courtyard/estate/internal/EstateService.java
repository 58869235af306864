package org.courtyard.estate.internal;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javax.persistence.EntityManager;
import javax.persistence.EntityNotFoundException;
import javax.persistence.TypedQuery;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.jpa.Transactions.Conflict;
import org.courtyard.api.rest.Page;
import org.courtyard.estate.Places;
import org.courtyard.estate.internal.dto.BuildingInput;
import org.courtyard.estate.internal.dto.BuildingUpdate;
import org.courtyard.estate.internal.dto.BuildingView;
import org.courtyard.estate.internal.dto.EstateInput;
import org.courtyard.estate.internal.dto.EstateUpdate;
import org.courtyard.estate.internal.dto.EstateView;
import org.courtyard.estate.internal.dto.ImportResult;
import org.courtyard.estate.internal.dto.RoomInput;
import org.courtyard.estate.internal.dto.RoomUpdate;
import org.courtyard.estate.internal.dto.RoomView;
import org.courtyard.estate.internal.dto.UnitInput;
import org.courtyard.estate.internal.dto.UnitUpdate;
import org.courtyard.estate.internal.dto.UnitView;
import org.courtyard.estate.internal.entity.Building;
import org.courtyard.estate.internal.entity.Estate;
import org.courtyard.estate.internal.entity.Room;
import org.courtyard.estate.internal.entity.Unit;
import org.courtyard.estate.internal.validation.RoomStatus;
import org.courtyard.estate.internal.validation.RoomType;
import org.courtyard.estate.internal.validation.Rules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estate base data of one tenant: create, read, update, delete and list estates, buildings,
 * units and rooms, and import rooms from CSV.
 *
 * <p>Error conventions, the same for every kind of record:
 *
 * <ul>
 *   <li>A record named in the URL that does not exist: 404 {@code not-found}.
 *   <li>A parent named in a request body that does not exist: 422 {@code validation-failed} with a
 *       field error on the parent id. The URL is fine, the body is not; and the client can show the
 *       message next to the field like any other invalid value.
 *   <li>A parent id in a PUT that differs from the current one: 422 {@code parent-immutable}.
 *   <li>A PUT whose {@code version} is not the current one: 409 {@code stale-version}.
 *   <li>A code or room number already taken under the same parent: 409 {@code duplicate}.
 *   <li>Deleting a record that still has children: 409 {@code has-children}.
 *   <li>Deleting a room, building or estate that another module's records refer to (bills,
 *       payments, occupancies, devices, …, as their {@link org.courtyard.estate.RoomReferences}
 *       say): 409 {@code referenced}, naming them.
 * </ul>
 */
public final class EstateService {

  private static final Logger LOG = LoggerFactory.getLogger(EstateService.class);

  static final String ESTATE = "Estate";
  static final String BUILDING = "Building";
  static final String UNIT = "Unit";
  static final String ROOM = "Room";

  /** Filters of the room list; {@code null} means "any". */
  public record RoomFilter(
      Long unitId, Long buildingId, RoomType type, RoomStatus status, Integer floor) {}

  private final TenantSlug tenant;
  private final Transactions transactions;
  private final Clock clock;
  private final RoomImporter importer;
  private final ReferenceCheck references;

  EstateService(
      TenantSlug tenant, Transactions transactions, Clock clock, ReferenceCheck references) {
    this.tenant = tenant;
    this.transactions = transactions;
    this.clock = clock;
    this.importer = new RoomImporter(tenant, transactions, this::now);
    this.references = references;
  }

  // ---------------------------------------------------------------------------------- estates

  public Page<EstateView> listEstates(long afterId, int limit) {
    return transactions.read(
        em ->
            Page.byId(
                keyset(em, Estate.class, Map.of(), afterId, limit),
                limit,
                EstateService::estateView,
                Estate::getId));
  }

  public EstateView getEstate(long id) {
    return transactions.read(em -> estateView(find(em, Estate.class, ESTATE, id)));
  }

  public EstateView createEstate(EstateInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors::add);
    String name = Rules.name(input.name(), "name", errors::add);
    String address =
        TextRules.optionalLine(input.address(), "address", Rules.ADDRESS_MAX, errors::add);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          if (estateCodeTaken(em, code)) {
            throw duplicateEstate(code);
          }
          Estate estate = new Estate(code, name, address, now());
          em.persist(estate);
          em.flush();
          LOG.debug("Tenant {}: created estate {} ({})", tenant, estate.getId(), code);
          return estateView(estate);
        },
        conflict -> conflict == Conflict.DUPLICATE ? duplicateEstate(code) : null);
  }

  public EstateView updateEstate(long id, EstateUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors::add);
    String name = Rules.name(input.name(), "name", errors::add);
    String address =
        TextRules.optionalLine(input.address(), "address", Rules.ADDRESS_MAX, errors::add);
    Integer version = TextRules.required(input.version(), "version", errors::add);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Estate estate = find(em, Estate.class, ESTATE, id);
          checkVersion(em, estate, Estate::getVersion, ESTATE, id, version);
          if (!estate.getCode().equals(code) && estateCodeTaken(em, code)) {
            throw duplicateEstate(code);
          }
          estate.update(code, name, address, now());
          em.flush();
          return estateView(estate);
        },
        conflict -> onUpdateConflict(conflict, ESTATE, id, () -> duplicateEstate(code)));
  }

  public void deleteEstate(long id) {
    transactions.write(
        em -> {
          Estate estate = find(em, Estate.class, ESTATE, id);
          long buildings =
              count(
                  em,
                  "SELECT COUNT(b) FROM Building b WHERE b.estateId = :parent",
                  Map.of("parent", id));
          if (buildings > 0) {
            throw hasChildren(ESTATE, id, buildings, "building", "buildings");
          }
          references.refuseIfReferenced(ESTATE, id, Places.estate(id));
          em.remove(estate);
          em.flush();
          LOG.debug("Tenant {}: deleted estate {}", tenant, id);
          return null;
        },
        conflict -> onDeleteConflict(conflict, ESTATE, id, "buildings"));
  }

  private static boolean estateCodeTaken(EntityManager em, String code) {
    return count(em, "SELECT COUNT(e) FROM Estate e WHERE e.code = :code", Map.of("code", code))
        > 0;
  }

  private static ProblemException duplicateEstate(String code) {
    return duplicate("An estate with code '" + code + "' already exists.");
  }

  // -------------------------------------------------------------------------------- buildings

  public Page<BuildingView> listBuildings(Long estateId, long afterId, int limit) {
    Map<String, Object> filter = new LinkedHashMap<>();
    putIfPresent(filter, "estateId", estateId);
    return transactions.read(
        em ->
            Page.byId(
                keyset(em, Building.class, filter, afterId, limit),
                limit,
                EstateService::buildingView,
                Building::getId));
  }

  public BuildingView getBuilding(long id) {
    return transactions.read(em -> buildingView(find(em, Building.class, BUILDING, id)));
  }

  public BuildingView createBuilding(BuildingInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long estateId = TextRules.required(input.estateId(), "estateId", errors::add);
    String code = Rules.code(input.code(), "code", errors::add);
    String name = Rules.name(input.name(), "name", errors::add);
    Integer floors =
        TextRules.optionalInRange(
            input.floors(), "floors", Rules.FLOORS_MIN, Rules.FLOORS_MAX, errors::add);
    return transactions.write(
        em -> {
          if (estateId != null && em.find(Estate.class, estateId) == null) {
            errors.add("estateId", noSuchParent("estate", estateId));
          }
          errors.throwIfAny();
          if (buildingCodeTaken(em, estateId, code)) {
            throw duplicateBuilding(estateId, code);
          }
          Building building = new Building(estateId, code, name, floors, now());
          em.persist(building);
          em.flush();
          LOG.debug(
              "Tenant {}: created building {} ({}) in estate {}",
              tenant,
              building.getId(),
              code,
              estateId);
          return buildingView(building);
        },
        conflict ->
            switch (conflict) {
              case DUPLICATE -> duplicateBuilding(estateId, code);
              case REFERENCED -> parentVanished("estateId", "estate", estateId);
              default -> null;
            });
  }

  public BuildingView updateBuilding(long id, BuildingUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors::add);
    String name = Rules.name(input.name(), "name", errors::add);
    Integer floors =
        TextRules.optionalInRange(
            input.floors(), "floors", Rules.FLOORS_MIN, Rules.FLOORS_MAX, errors::add);
    Integer version = TextRules.required(input.version(), "version", errors::add);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Building building = find(em, Building.class, BUILDING, id);
          checkParentUnchanged(
              "estateId", input.estateId(), building.getEstateId(), "A building", "estate");
          checkVersion(em, building, Building::getVersion, BUILDING, id, version);
          if (!building.getCode().equals(code)
              && buildingCodeTaken(em, building.getEstateId(), code)) {
            throw duplicateBuilding(building.getEstateId(), code);
          }
          building.update(code, name, floors, now());
          em.flush();
          return buildingView(building);
        },
        conflict ->
            onUpdateConflict(
                conflict,
                BUILDING,
                id,
                () ->
                    duplicate(
                        "Another building of the same estate already has code '" + code + "'.")));
  }

  public void deleteBuilding(long id) {
    transactions.write(
        em -> {
          Building building = find(em, Building.class, BUILDING, id);
          long units =
              count(
                  em,
                  "SELECT COUNT(u) FROM Unit u WHERE u.buildingId = :parent",
                  Map.of("parent", id));
          if (units > 0) {
            throw hasChildren(BUILDING, id, units, "unit", "units");
          }
          // Rooms hang on units, so a building without units has no rooms either; the
          // room_building_fk
          // constraint would still refuse the delete should that ever not hold.
          references.refuseIfReferenced(BUILDING, id, Places.building(id));
          em.remove(building);
          em.flush();
          LOG.debug("Tenant {}: deleted building {}", tenant, id);
          return null;
        },
        conflict -> onDeleteConflict(conflict, BUILDING, id, "units"));
  }

  private static boolean buildingCodeTaken(EntityManager em, long estateId, String code) {
    return count(
            em,
            "SELECT COUNT(b) FROM Building b WHERE b.estateId = :parent AND b.code = :code",
            Map.of("parent", estateId, "code", code))
        > 0;
  }

  private static ProblemException duplicateBuilding(long estateId, String code) {
    return duplicate("Estate " + estateId + " already has a building with code '" + code + "'.");
  }

  // ------------------------------------------------------------------------------------ units

  public Page<UnitView> listUnits(Long buildingId, long afterId, int limit) {
    Map<String, Object> filter = new LinkedHashMap<>();
    putIfPresent(filter, "buildingId", buildingId);
    return transactions.read(
        em ->
            Page.byId(
                keyset(em, Unit.class, filter, afterId, limit),
                limit,
                EstateService::unitView,
                Unit::getId));
  }

  public UnitView getUnit(long id) {
    return transactions.read(em -> unitView(find(em, Unit.class, UNIT, id)));
  }

  public UnitView createUnit(UnitInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long buildingId = TextRules.required(input.buildingId(), "buildingId", errors::add);
    String code = Rules.code(input.code(), "code", errors::add);
    String name = Rules.name(input.name(), "name", errors::add);
    return transactions.write(
        em -> {
          if (buildingId != null && em.find(Building.class, buildingId) == null) {
            errors.add("buildingId", noSuchParent("building", buildingId));
          }
          errors.throwIfAny();
          if (unitCodeTaken(em, buildingId, code)) {
            throw duplicateUnit(buildingId, code);
          }
          Unit unit = new Unit(buildingId, code, name, now());
          em.persist(unit);
          em.flush();
          LOG.debug(
              "Tenant {}: created unit {} ({}) in building {}",
              tenant,
              unit.getId(),
              code,
              buildingId);
          return unitView(unit);
        },
        conflict ->
            switch (conflict) {
              case DUPLICATE -> duplicateUnit(buildingId, code);
              case REFERENCED -> parentVanished("buildingId", "building", buildingId);
              default -> null;
            });
  }

  public UnitView updateUnit(long id, UnitUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors::add);
    String name = Rules.name(input.name(), "name", errors::add);
    Integer version = TextRules.required(input.version(), "version", errors::add);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Unit unit = find(em, Unit.class, UNIT, id);
          checkParentUnchanged(
              "buildingId", input.buildingId(), unit.getBuildingId(), "A unit", "building");
          checkVersion(em, unit, Unit::getVersion, UNIT, id, version);
          if (!unit.getCode().equals(code) && unitCodeTaken(em, unit.getBuildingId(), code)) {
            throw duplicateUnit(unit.getBuildingId(), code);
          }
          unit.update(code, name, now());
          em.flush();
          return unitView(unit);
        },
        conflict ->
            onUpdateConflict(
                conflict,
                UNIT,
                id,
                () ->
                    duplicate(
                        "Another unit of the same building already has code '" + code + "'.")));
  }

  public void deleteUnit(long id) {
    transactions.write(
        em -> {
          Unit unit = find(em, Unit.class, UNIT, id);
          long rooms =
              count(
                  em, "SELECT COUNT(r) FROM Room r WHERE r.unitId = :parent", Map.of("parent", id));
          if (rooms > 0) {
            throw hasChildren(UNIT, id, rooms, "room", "rooms");
          }
          em.remove(unit);
          em.flush();
          LOG.debug("Tenant {}: deleted unit {}", tenant, id);
          return null;
        },
        conflict -> onDeleteConflict(conflict, UNIT, id, "rooms"));
  }

  private static boolean unitCodeTaken(EntityManager em, long buildingId, String code) {
    return count(
            em,
            "SELECT COUNT(u) FROM Unit u WHERE u.buildingId = :parent AND u.code = :code",
            Map.of("parent", buildingId, "code", code))
        > 0;
  }

  private static ProblemException duplicateUnit(long buildingId, String code) {
    return duplicate("Building " + buildingId + " already has a unit with code '" + code + "'.");
  }

  // ------------------------------------------------------------------------------------ rooms

  public Page<RoomView> listRooms(RoomFilter filter, long afterId, int limit) {
    Map<String, Object> equalTo = new LinkedHashMap<>();
    putIfPresent(equalTo, "unitId", filter.unitId());
    putIfPresent(equalTo, "buildingId", filter.buildingId());
    putIfPresent(equalTo, "type", filter.type() == null ? null : filter.type().value());
    putIfPresent(equalTo, "status", filter.status() == null ? null : filter.status().value());
    putIfPresent(equalTo, "floor", filter.floor());
    return transactions.read(
        em ->
            Page.byId(
                keyset(em, Room.class, equalTo, afterId, limit),
                limit,
                EstateService::roomView,
                Room::getId));
  }

  public RoomView getRoom(long id) {
    return transactions.read(em -> roomView(find(em, Room.class, ROOM, id)));
  }

  public RoomView createRoom(RoomInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long unitId = TextRules.required(input.unitId(), "unitId", errors::add);
    String number = Rules.code(input.number(), "number", errors::add);
    Integer floor =
        TextRules.requiredInRange(
            input.floor(), "floor", Rules.FLOOR_MIN, Rules.FLOOR_MAX, errors::add);
    BigDecimal area = Rules.area(input.area(), "area", errors::add);
    RoomType type = Rules.roomType(input.type(), "type", errors::add);
    RoomStatus status = Rules.roomStatus(input.status(), "status", RoomStatus.VACANT, errors::add);
    return transactions.write(
        em -> {
          Unit unit = unitId == null ? null : em.find(Unit.class, unitId);
          if (unitId != null && unit == null) {
            errors.add("unitId", noSuchParent("unit", unitId));
          }
          errors.throwIfAny();
          if (roomNumberTaken(em, unitId, number)) {
            throw duplicateRoom(unitId, number);
          }
          Room room =
              new Room(
                  unitId,
                  unit.getBuildingId(),
                  number,
                  floor,
                  area,
                  type.value(),
                  status.value(),
                  now());
          em.persist(room);
          em.flush();
          LOG.debug(
              "Tenant {}: created room {} ({}) in unit {}", tenant, room.getId(), number, unitId);
          return roomView(room);
        },
        conflict ->
            switch (conflict) {
              case DUPLICATE -> duplicateRoom(unitId, number);
              case REFERENCED -> parentVanished("unitId", "unit", unitId);
              default -> null;
            });
  }

  public RoomView updateRoom(long id, RoomUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String number = Rules.code(input.number(), "number", errors::add);
    Integer floor =
        TextRules.requiredInRange(
            input.floor(), "floor", Rules.FLOOR_MIN, Rules.FLOOR_MAX, errors::add);
    BigDecimal area = Rules.area(input.area(), "area", errors::add);
    RoomType type = Rules.roomType(input.type(), "type", errors::add);
    // PUT replaces the whole room: a missing status must not quietly turn an occupied room vacant.
    RoomStatus status = Rules.roomStatus(input.status(), "status", null, errors::add);
    Integer version = TextRules.required(input.version(), "version", errors::add);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Room room = find(em, Room.class, ROOM, id);
          checkParentUnchanged("unitId", input.unitId(), room.getUnitId(), "A room", "unit");
          checkVersion(em, room, Room::getVersion, ROOM, id, version);
          if (!room.getNumber().equals(number) && roomNumberTaken(em, room.getUnitId(), number)) {
            throw duplicateRoom(room.getUnitId(), number);
          }
          room.update(number, floor, area, type.value(), status.value(), now());
          em.flush();
          return roomView(room);
        },
        conflict ->
            onUpdateConflict(
                conflict,
                ROOM,
                id,
                () ->
                    duplicate(
                        "Another room of the same unit already has number '" + number + "'.")));
  }

  public void deleteRoom(long id) {
    transactions.write(
        em -> {
          Room room = find(em, Room.class, ROOM, id);
          references.refuseIfReferenced(ROOM, id, Places.room(id));
          em.remove(room);
          em.flush();
          LOG.debug("Tenant {}: deleted room {}", tenant, id);
          return null;
        },
        conflict -> conflict == Conflict.STALE ? Problems.changedMeanwhile(ROOM, id) : null);
  }

  /** Imports rooms into a building from a CSV file; see {@link RoomImporter}. */
  public ImportResult importRooms(long buildingId, byte[] csv, Charset charset) {
    return importer.importRooms(buildingId, csv, charset);
  }

  private static boolean roomNumberTaken(EntityManager em, long unitId, String number) {
    return count(
            em,
            "SELECT COUNT(r) FROM Room r WHERE r.unitId = :parent AND r.number = :number",
            Map.of("parent", unitId, "number", number))
        > 0;
  }

  private static ProblemException duplicateRoom(long unitId, String number) {
    return duplicate("Unit " + unitId + " already has a room numbered '" + number + "'.");
  }

  // ---------------------------------------------------------------------------------- helpers

  /** Timestamps at the database's precision, so that a record reads back exactly as returned. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * @throws ProblemException 404 {@code not-found}
   */
  static <E> E find(EntityManager em, Class<E> type, String label, long id) {
    E entity = em.find(type, id);
    if (entity == null) {
      throw Problems.notFound(label, id);
    }
    return entity;
  }

  static long count(EntityManager em, String jpql, Map<String, Object> parameters) {
    TypedQuery<Long> query = em.createQuery(jpql, Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /**
   * One page in id order, starting after {@code afterId}: one row more than the page is read, so
   * that its presence says whether a next page exists without a count.
   *
   * @param equalTo attribute name to value; the names are constants of this class, never user input
   */
  private static <E> List<E> keyset(
      EntityManager em, Class<E> type, Map<String, Object> equalTo, long afterId, int limit) {
    // Criteria rather than JPQL text: room attributes are named "type" and "floor", which JPQL
    // grammars treat as reserved words in some positions.
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<E> query = cb.createQuery(type);
    Root<E> root = query.from(type);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.greaterThan(root.<Long>get("id"), afterId));
    equalTo.forEach((attribute, value) -> where.add(cb.equal(root.get(attribute), value)));
    query.select(root).where(where.toArray(new Predicate[0])).orderBy(cb.asc(root.get("id")));
    return em.createQuery(query).setMaxResults(limit + 1).getResultList();
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String noSuchParent(String parent, long id) {
    return "does not match any " + parent + " (got " + id + ")";
  }

  /** A parent that passed the existence check was deleted before the insert committed. */
  private static ProblemException parentVanished(String field, String parent, long id) {
    return FieldErrors.single(
        FieldErrors.TYPE,
        FieldErrors.TITLE,
        field,
        noSuchParent(parent, id) + "; it was just deleted");
  }

  /**
   * @throws ProblemException 422 {@code parent-immutable} when {@code sent} names another parent
   */
  private static void checkParentUnchanged(
      String field, Long sent, long current, String child, String parent) {
    if (sent != null && sent != current) {
      throw FieldErrors.single(
          "parent-immutable",
          "Parent cannot change",
          field,
          "cannot change from "
              + current
              + " to "
              + sent
              + ": "
              + child.toLowerCase(Locale.ROOT)
              + " stays in its "
              + parent
              + "; create a new one there instead");
    }
  }

  /**
   * Compares the version the client edited with the stored one. The entity may come from the shared
   * cache, which can lag behind a write made through another node; so a mismatch is confirmed
   * against the database before it is reported. (A cache that lags the other way is caught by the
   * version condition of the UPDATE itself.)
   *
   * @throws ProblemException 409 {@code stale-version} when the client edited an older version
   */
  private static <E> void checkVersion(
      EntityManager em, E entity, ToIntFunction<E> version, String label, long id, int sent) {
    if (version.applyAsInt(entity) == sent) {
      return;
    }
    try {
      em.refresh(entity);
    } catch (EntityNotFoundException e) {
      throw Problems.notFound(label, id);
    }
    int current = version.applyAsInt(entity);
    if (current != sent) {
      throw Problems.staleVersion(label, id, current, sent);
    }
  }

  private static ProblemException onUpdateConflict(
      Conflict conflict, String label, long id, Supplier<ProblemException> duplicate) {
    return switch (conflict) {
      case DUPLICATE -> duplicate.get();
      case STALE -> Problems.changedMeanwhile(label, id);
      default -> null;
    };
  }

  private static ProblemException onDeleteConflict(
      Conflict conflict, String label, long id, String children) {
    return switch (conflict) {
      case REFERENCED ->
          ProblemException.conflict(
              "has-children",
              "Still in use",
              label + " " + id + " still has " + children + "; delete them first.");
      case STALE -> Problems.changedMeanwhile(label, id);
      default -> null;
    };
  }

  private static ProblemException hasChildren(
      String label, long id, long count, String one, String many) {
    return ProblemException.conflict(
        "has-children",
        "Still in use",
        label
            + " "
            + id
            + " still has "
            + count
            + " "
            + (count == 1 ? one : many)
            + "; delete "
            + (count == 1 ? "it" : "them")
            + " first.");
  }

  static ProblemException duplicate(String detail) {
    return ProblemException.conflict("duplicate", "Already exists", detail);
  }

  static EstateView estateView(Estate e) {
    return new EstateView(
        e.getId(),
        e.getCode(),
        e.getName(),
        e.getAddress(),
        e.getCreatedAt(),
        e.getUpdatedAt(),
        e.getVersion());
  }

  static BuildingView buildingView(Building b) {
    return new BuildingView(
        b.getId(),
        b.getEstateId(),
        b.getCode(),
        b.getName(),
        b.getFloors(),
        b.getCreatedAt(),
        b.getUpdatedAt(),
        b.getVersion());
  }

  static UnitView unitView(Unit u) {
    return new UnitView(
        u.getId(),
        u.getBuildingId(),
        u.getCode(),
        u.getName(),
        u.getCreatedAt(),
        u.getUpdatedAt(),
        u.getVersion());
  }

  static RoomView roomView(Room r) {
    return new RoomView(
        r.getId(),
        r.getUnitId(),
        r.getBuildingId(),
        r.getNumber(),
        r.getFloor(),
        r.getArea(),
        r.getType(),
        r.getStatus(),
        r.getCreatedAt(),
        r.getUpdatedAt(),
        r.getVersion());
  }
}
