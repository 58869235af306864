package org.courtyard.estate.internal;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javax.persistence.EntityManager;
import javax.persistence.EntityNotFoundException;
import javax.persistence.TypedQuery;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.jpa.Transactions.Conflict;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.estate.Places;
import org.courtyard.estate.internal.dto.BuildingInput;
import org.courtyard.estate.internal.dto.BuildingUpdate;
import org.courtyard.estate.internal.dto.BuildingView;
import org.courtyard.estate.internal.dto.EstateInput;
import org.courtyard.estate.internal.dto.EstateTreeView;
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
 *
 * <p>Data scopes (#11): every method takes the scope the caller holds the operation's permission
 * in. A building, unit or room is in scope when its estate or its building is granted; lists hold
 * only those, filtered in SQL. A record outside the scope answers exactly as a missing one: 404
 * {@code not-found} in the URL, the 422 of a missing parent in a body. An estate is readable when
 * granted whole or when one of its buildings is (to navigate to them), but only changed, deleted or
 * given buildings when granted whole: otherwise 403 {@code outside-scope}, as is creating an estate
 * without the whole company.
 */
public final class EstateService {

  private static final Texts TEXTS = Texts.of(EstateService.class);

  private static final Logger LOG = LoggerFactory.getLogger(EstateService.class);

  static final Text ESTATE = TEXTS.text("label.estate");
  static final Text BUILDING = TEXTS.text("label.building");
  static final Text UNIT = TEXTS.text("label.unit");
  static final Text ROOM = TEXTS.text("label.room");

  /** Filters of the room list; {@code null} means "any". */
  /** What a room list is narrowed to; null for any. {@code number}: a prefix of the number. */
  public record RoomFilter(
      Long estateId,
      Long unitId,
      Long buildingId,
      RoomType type,
      RoomStatus status,
      Integer floor,
      String number) {}

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

  /** The estates the caller may read: granted whole, or holding one of their buildings. */
  public Page<EstateView> listEstates(DataScope scope, long afterId, int limit) {
    return transactions.read(
        em ->
            Page.byId(
                keyset(
                    em,
                    Estate.class,
                    Map.of(),
                    (cb, query, e, where) ->
                        ScopeCriteria.estates(cb, query, e.get("id"), scope, where),
                    afterId,
                    limit),
                limit,
                EstateService::estateView,
                Estate::getId));
  }

  public EstateView getEstate(DataScope scope, long id) {
    return transactions.read(em -> estateView(readableEstate(em, scope, id)));
  }

  /** The estate's buildings and units in the caller's scope, with room counts. */
  public EstateTreeView estateTree(DataScope scope, long id) {
    return transactions.read(
        em -> EstateTree.of(em, estateView(readableEstate(em, scope, id)), scope));
  }

  /**
   * @throws ProblemException 403 {@code outside-scope} unless the caller works for the whole
   *     company: a new estate is in no narrower scope
   */
  public EstateView createEstate(DataScope scope, EstateInput input) {
    Objects.requireNonNull(input, "input");
    if (!scope.isAll()) {
      throw EstateReach.outsideScope(
          TEXTS.text("scope.creating-estate"), TEXTS.text("scope.whole-company"));
    }
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors);
    String name = Rules.name(input.name(), "name", errors);
    String address = TextRules.optionalLine(input.address(), "address", Rules.ADDRESS_MAX, errors);
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

  public EstateView updateEstate(DataScope scope, long id, EstateUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors);
    String name = Rules.name(input.name(), "name", errors);
    String address = TextRules.optionalLine(input.address(), "address", Rules.ADDRESS_MAX, errors);
    Integer version = TextRules.required(input.version(), "version", errors);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Estate estate = wholeEstate(em, scope, id, TEXTS.text("scope.changing-estate", id));
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

  public void deleteEstate(DataScope scope, long id) {
    transactions.write(
        em -> {
          Estate estate = wholeEstate(em, scope, id, TEXTS.text("scope.deleting-estate", id));
          long buildings =
              count(
                  em,
                  "SELECT COUNT(b) FROM Building b WHERE b.estateId = :parent",
                  Map.of("parent", id));
          if (buildings > 0) {
            throw hasChildren(
                ESTATE,
                id,
                buildings,
                TEXTS.text("children.building"),
                TEXTS.text("children.buildings"));
          }
          references.refuseIfReferenced(ESTATE, id, Places.estate(id));
          em.remove(estate);
          em.flush();
          LOG.debug("Tenant {}: deleted estate {}", tenant, id);
          return null;
        },
        conflict -> onDeleteConflict(conflict, ESTATE, id, TEXTS.text("children.some-buildings")));
  }

  /**
   * @throws ProblemException 404 {@code not-found} when the estate does not exist or nothing of it
   *     is in the caller's scope: the same answer, so that a probe learns nothing
   */
  private static Estate readableEstate(EntityManager em, DataScope scope, long id) {
    Estate estate = find(em, Estate.class, ESTATE, id);
    if (!reach(em, scope, id).readable()) {
      throw Problems.notFound(ESTATE, id);
    }
    return estate;
  }

  /**
   * @param doing what the caller would do to it, for the 403: "Changing", "Deleting"
   * @throws ProblemException 404 {@code not-found} as {@link #readableEstate}; 403 {@code
   *     outside-scope} when the caller may read the estate (through some of its buildings) but is
   *     not granted it whole
   */
  private static Estate wholeEstate(EntityManager em, DataScope scope, long id, Text doing) {
    Estate estate = find(em, Estate.class, ESTATE, id);
    switch (reach(em, scope, id)) {
      case WHOLE:
        return estate;
      case THROUGH_BUILDINGS:
        throw EstateReach.outsideScope(doing, TEXTS.text("scope.whole-estate"));
      default:
        throw Problems.notFound(ESTATE, id);
    }
  }

  private static EstateReach reach(EntityManager em, DataScope scope, long estateId) {
    return EstateReach.of(
        scope,
        estateId,
        () ->
            count(
                    em,
                    "SELECT COUNT(b) FROM Building b WHERE b.estateId = :estate"
                        + " AND b.id IN :buildings",
                    Map.of("estate", estateId, "buildings", List.copyOf(scope.buildings())))
                > 0);
  }

  private static boolean estateCodeTaken(EntityManager em, String code) {
    return count(em, "SELECT COUNT(e) FROM Estate e WHERE e.code = :code", Map.of("code", code))
        > 0;
  }

  private static ProblemException duplicateEstate(String code) {
    return duplicate(TEXTS.text("duplicate.estate-code", code));
  }

  // -------------------------------------------------------------------------------- buildings

  public Page<BuildingView> listBuildings(DataScope scope, Long estateId, long afterId, int limit) {
    Map<String, Object> filter = new LinkedHashMap<>();
    putIfPresent(filter, "estateId", estateId);
    return transactions.read(
        em ->
            Page.byId(
                keyset(
                    em,
                    Building.class,
                    filter,
                    (cb, query, b, where) ->
                        ScopeCriteria.placed(cb, b.get("estateId"), b.get("id"), scope, where),
                    afterId,
                    limit),
                limit,
                EstateService::buildingView,
                Building::getId));
  }

  public BuildingView getBuilding(DataScope scope, long id) {
    return transactions.read(em -> buildingView(building(em, scope, id)));
  }

  /**
   * @throws ProblemException 422 naming {@code estateId} as for a missing estate when nothing of
   *     the estate is in scope; 403 {@code outside-scope} when only some of its buildings are
   */
  public BuildingView createBuilding(DataScope scope, BuildingInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long estateId = TextRules.required(input.estateId(), "estateId", errors);
    String code = Rules.code(input.code(), "code", errors);
    String name = Rules.name(input.name(), "name", errors);
    Integer floors =
        TextRules.optionalInRange(
            input.floors(), "floors", Rules.FLOORS_MIN, Rules.FLOORS_MAX, errors);
    return transactions.write(
        em -> {
          if (estateId != null) {
            EstateReach reach =
                em.find(Estate.class, estateId) == null
                    ? EstateReach.NONE
                    : reach(em, scope, estateId);
            if (reach == EstateReach.THROUGH_BUILDINGS) {
              throw EstateReach.outsideScope(
                  TEXTS.text("scope.adding-building", estateId), TEXTS.text("scope.whole-estate"));
            }
            if (reach == EstateReach.NONE) {
              errors.add("estateId", TEXTS.text("parent.no-estate", estateId));
            }
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
              case REFERENCED ->
                  parentVanished("estateId", TEXTS.text("parent.estate-deleted", estateId));
              default -> null;
            });
  }

  public BuildingView updateBuilding(DataScope scope, long id, BuildingUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors);
    String name = Rules.name(input.name(), "name", errors);
    Integer floors =
        TextRules.optionalInRange(
            input.floors(), "floors", Rules.FLOORS_MIN, Rules.FLOORS_MAX, errors);
    Integer version = TextRules.required(input.version(), "version", errors);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Building building = building(em, scope, id);
          checkParentUnchanged(
              "estateId",
              input.estateId(),
              building.getEstateId(),
              TEXTS.text("parent.building-in-estate"));
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
                () -> duplicate(TEXTS.text("duplicate.building-code-update", code))));
  }

  public void deleteBuilding(DataScope scope, long id) {
    transactions.write(
        em -> {
          Building building = building(em, scope, id);
          long units =
              count(
                  em,
                  "SELECT COUNT(u) FROM Unit u WHERE u.buildingId = :parent",
                  Map.of("parent", id));
          if (units > 0) {
            throw hasChildren(
                BUILDING, id, units, TEXTS.text("children.unit"), TEXTS.text("children.units"));
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
        conflict -> onDeleteConflict(conflict, BUILDING, id, TEXTS.text("children.some-units")));
  }

  /**
   * @throws ProblemException 404 {@code not-found} when the building does not exist or is outside
   *     the caller's scope
   */
  static Building building(EntityManager em, DataScope scope, long id) {
    Building building = find(em, Building.class, BUILDING, id);
    if (!scope.covers(building.getEstateId(), id)) {
      throw Problems.notFound(BUILDING, id);
    }
    return building;
  }

  private static boolean buildingCodeTaken(EntityManager em, long estateId, String code) {
    return count(
            em,
            "SELECT COUNT(b) FROM Building b WHERE b.estateId = :parent AND b.code = :code",
            Map.of("parent", estateId, "code", code))
        > 0;
  }

  private static ProblemException duplicateBuilding(long estateId, String code) {
    return duplicate(TEXTS.text("duplicate.building-code", estateId, code));
  }

  // ------------------------------------------------------------------------------------ units

  public Page<UnitView> listUnits(DataScope scope, Long buildingId, long afterId, int limit) {
    Map<String, Object> filter = new LinkedHashMap<>();
    putIfPresent(filter, "buildingId", buildingId);
    return transactions.read(
        em ->
            Page.byId(
                keyset(
                    em,
                    Unit.class,
                    filter,
                    (cb, query, u, where) ->
                        ScopeCriteria.placed(
                            cb, u.get("estateId"), u.get("buildingId"), scope, where),
                    afterId,
                    limit),
                limit,
                EstateService::unitView,
                Unit::getId));
  }

  public UnitView getUnit(DataScope scope, long id) {
    return transactions.read(em -> unitView(unit(em, scope, id)));
  }

  /** A building outside the scope is answered as a missing one: 422 naming {@code buildingId}. */
  public UnitView createUnit(DataScope scope, UnitInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long buildingId = TextRules.required(input.buildingId(), "buildingId", errors);
    String code = Rules.code(input.code(), "code", errors);
    String name = Rules.name(input.name(), "name", errors);
    return transactions.write(
        em -> {
          Building building = buildingId == null ? null : em.find(Building.class, buildingId);
          if (buildingId != null
              && (building == null || !scope.covers(building.getEstateId(), buildingId))) {
            errors.add("buildingId", TEXTS.text("parent.no-building", buildingId));
          }
          errors.throwIfAny();
          if (unitCodeTaken(em, buildingId, code)) {
            throw duplicateUnit(buildingId, code);
          }
          Unit unit = new Unit(building.getEstateId(), buildingId, code, name, now());
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
              case REFERENCED ->
                  parentVanished("buildingId", TEXTS.text("parent.building-deleted", buildingId));
              default -> null;
            });
  }

  public UnitView updateUnit(DataScope scope, long id, UnitUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String code = Rules.code(input.code(), "code", errors);
    String name = Rules.name(input.name(), "name", errors);
    Integer version = TextRules.required(input.version(), "version", errors);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Unit unit = unit(em, scope, id);
          checkParentUnchanged(
              "buildingId",
              input.buildingId(),
              unit.getBuildingId(),
              TEXTS.text("parent.unit-in-building"));
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
                () -> duplicate(TEXTS.text("duplicate.unit-code-update", code))));
  }

  public void deleteUnit(DataScope scope, long id) {
    transactions.write(
        em -> {
          Unit unit = unit(em, scope, id);
          long rooms =
              count(
                  em, "SELECT COUNT(r) FROM Room r WHERE r.unitId = :parent", Map.of("parent", id));
          if (rooms > 0) {
            throw hasChildren(
                UNIT, id, rooms, TEXTS.text("children.room"), TEXTS.text("children.rooms"));
          }
          em.remove(unit);
          em.flush();
          LOG.debug("Tenant {}: deleted unit {}", tenant, id);
          return null;
        },
        conflict -> onDeleteConflict(conflict, UNIT, id, TEXTS.text("children.some-rooms")));
  }

  /**
   * @throws ProblemException 404 {@code not-found} when the unit does not exist or is outside the
   *     caller's scope
   */
  private static Unit unit(EntityManager em, DataScope scope, long id) {
    Unit unit = find(em, Unit.class, UNIT, id);
    if (!scope.covers(unit.getEstateId(), unit.getBuildingId())) {
      throw Problems.notFound(UNIT, id);
    }
    return unit;
  }

  private static boolean unitCodeTaken(EntityManager em, long buildingId, String code) {
    return count(
            em,
            "SELECT COUNT(u) FROM Unit u WHERE u.buildingId = :parent AND u.code = :code",
            Map.of("parent", buildingId, "code", code))
        > 0;
  }

  private static ProblemException duplicateUnit(long buildingId, String code) {
    return duplicate(TEXTS.text("duplicate.unit-code", buildingId, code));
  }

  // ------------------------------------------------------------------------------------ rooms

  /**
   * A page of rooms. Scoped to one estate, it is read from the (estate_id, id) index in order and
   * stops after a page, as the owner's is from the primary key (see {@link ScopeCriteria}).
   */
  public Page<RoomView> listRooms(DataScope scope, RoomFilter filter, long afterId, int limit) {
    Map<String, Object> equalTo = new LinkedHashMap<>();
    putIfPresent(equalTo, "estateId", filter.estateId());
    putIfPresent(equalTo, "unitId", filter.unitId());
    putIfPresent(equalTo, "buildingId", filter.buildingId());
    putIfPresent(equalTo, "type", filter.type() == null ? null : filter.type().value());
    putIfPresent(equalTo, "status", filter.status() == null ? null : filter.status().value());
    putIfPresent(equalTo, "floor", filter.floor());
    return transactions.read(
        em ->
            Page.byId(
                keyset(
                    em,
                    Room.class,
                    equalTo,
                    (cb, query, r, where) -> {
                      if (filter.number() != null) {
                        where.add(
                            cb.like(
                                cb.upper(r.get("number")),
                                likePrefix(filter.number().toUpperCase(java.util.Locale.ROOT)),
                                '\\'));
                      }
                      return ScopeCriteria.placed(
                          cb, r.get("estateId"), r.get("buildingId"), scope, where);
                    },
                    afterId,
                    limit),
                limit,
                EstateService::roomView,
                Room::getId));
  }

  public RoomView getRoom(DataScope scope, long id) {
    return transactions.read(em -> roomView(room(em, scope, id)));
  }

  /** A unit outside the scope is answered as a missing one: 422 naming {@code unitId}. */
  public RoomView createRoom(DataScope scope, RoomInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long unitId = TextRules.required(input.unitId(), "unitId", errors);
    String number = Rules.code(input.number(), "number", errors);
    Integer floor =
        TextRules.requiredInRange(input.floor(), "floor", Rules.FLOOR_MIN, Rules.FLOOR_MAX, errors);
    BigDecimal area = Rules.area(input.area(), "area", errors);
    RoomType type = Rules.roomType(input.type(), "type", errors);
    RoomStatus status = Rules.roomStatus(input.status(), "status", RoomStatus.VACANT, errors);
    return transactions.write(
        em -> {
          Unit unit = unitId == null ? null : em.find(Unit.class, unitId);
          if (unitId != null
              && (unit == null || !scope.covers(unit.getEstateId(), unit.getBuildingId()))) {
            errors.add("unitId", TEXTS.text("parent.no-unit", unitId));
          }
          errors.throwIfAny();
          if (roomNumberTaken(em, unitId, number)) {
            throw duplicateRoom(unitId, number);
          }
          Room room =
              new Room(
                  unit.getEstateId(),
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
              case REFERENCED ->
                  parentVanished("unitId", TEXTS.text("parent.unit-deleted", unitId));
              default -> null;
            });
  }

  public RoomView updateRoom(DataScope scope, long id, RoomUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String number = Rules.code(input.number(), "number", errors);
    Integer floor =
        TextRules.requiredInRange(input.floor(), "floor", Rules.FLOOR_MIN, Rules.FLOOR_MAX, errors);
    BigDecimal area = Rules.area(input.area(), "area", errors);
    RoomType type = Rules.roomType(input.type(), "type", errors);
    // PUT replaces the whole room: a missing status must not quietly turn an occupied room vacant.
    RoomStatus status = Rules.roomStatus(input.status(), "status", null, errors);
    Integer version = TextRules.required(input.version(), "version", errors);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Room room = room(em, scope, id);
          checkParentUnchanged(
              "unitId", input.unitId(), room.getUnitId(), TEXTS.text("parent.room-in-unit"));
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
                () -> duplicate(TEXTS.text("duplicate.room-number-update", number))));
  }

  public void deleteRoom(DataScope scope, long id) {
    transactions.write(
        em -> {
          Room room = room(em, scope, id);
          references.refuseIfReferenced(ROOM, id, Places.room(id));
          em.remove(room);
          em.flush();
          LOG.debug("Tenant {}: deleted room {}", tenant, id);
          return null;
        },
        conflict -> conflict == Conflict.STALE ? Problems.changedMeanwhile(ROOM, id) : null);
  }

  /**
   * Imports rooms into a building from a CSV file; see {@link RoomImporter}. A building outside the
   * scope answers as a missing one, at the same point of the import.
   */
  public ImportResult importRooms(DataScope scope, long buildingId, byte[] csv, Charset charset) {
    return importer.importRooms(scope, buildingId, csv, charset);
  }

  /**
   * @throws ProblemException 404 {@code not-found} when the room does not exist or is outside the
   *     caller's scope
   */
  private static Room room(EntityManager em, DataScope scope, long id) {
    Room room = find(em, Room.class, ROOM, id);
    if (!scope.covers(room.getEstateId(), room.getBuildingId())) {
      throw Problems.notFound(ROOM, id);
    }
    return room;
  }

  private static boolean roomNumberTaken(EntityManager em, long unitId, String number) {
    return count(
            em,
            "SELECT COUNT(r) FROM Room r WHERE r.unitId = :parent AND r.number = :number",
            Map.of("parent", unitId, "number", number))
        > 0;
  }

  private static ProblemException duplicateRoom(long unitId, String number) {
    return duplicate(TEXTS.text("duplicate.room-number", unitId, number));
  }

  // ---------------------------------------------------------------------------------- helpers

  /** Timestamps at the database's precision, so that a record reads back exactly as returned. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * @throws ProblemException 404 {@code not-found}
   */
  static <E> E find(EntityManager em, Class<E> type, Text label, long id) {
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
   * @param scope adds the caller's data scope to the conditions (nothing for the whole company) and
   *     may name a column to order by before id, one that has a single value on the page
   */
  private static <E> List<E> keyset(
      EntityManager em,
      Class<E> type,
      Map<String, Object> equalTo,
      ScopeCriteria.Where<E> scope,
      long afterId,
      int limit) {
    // Criteria rather than JPQL text: room attributes are named "type" and "floor", which JPQL
    // grammars treat as reserved words in some positions.
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<E> query = cb.createQuery(type);
    Root<E> root = query.from(type);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.greaterThan(root.<Long>get("id"), afterId));
    equalTo.forEach((attribute, value) -> where.add(cb.equal(root.get(attribute), value)));
    Path<Long> first = scope.addTo(cb, query, root, where);
    query
        .select(root)
        .where(where.toArray(new Predicate[0]))
        .orderBy(
            first == null
                ? List.of(cb.asc(root.get("id")))
                : List.of(cb.asc(first), cb.asc(root.get("id"))));
    return em.createQuery(query).setMaxResults(limit + 1).getResultList();
  }

  /**
   * {@code prefix%} for LIKE with {@code \\} as the escape: the user's % and _ match themselves.
   */
  static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** A parent that passed the existence check was deleted before the insert committed. */
  private static ProblemException parentVanished(String field, Text gone) {
    return FieldErrors.single(FieldErrors.TYPE, TEXTS.title(FieldErrors.TYPE), field, gone);
  }

  /**
   * @throws ProblemException 422 {@code parent-immutable} when {@code sent} names another parent
   */
  private static void checkParentUnchanged(String field, Long sent, long current, Text stays) {
    if (sent != null && sent != current) {
      throw FieldErrors.single(
          "parent-immutable",
          TEXTS.title("parent-immutable"),
          field,
          TEXTS.text("parent.immutable", current, sent, stays));
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
      EntityManager em, E entity, ToIntFunction<E> version, Text label, long id, int sent) {
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
      Conflict conflict, Text label, long id, Supplier<ProblemException> duplicate) {
    return switch (conflict) {
      case DUPLICATE -> duplicate.get();
      case STALE -> Problems.changedMeanwhile(label, id);
      default -> null;
    };
  }

  private static ProblemException onDeleteConflict(
      Conflict conflict, Text label, long id, Text children) {
    return switch (conflict) {
      case REFERENCED ->
          TEXTS.problem(409, "has-children", "children.delete-first", label, id, children);
      case STALE -> Problems.changedMeanwhile(label, id);
      default -> null;
    };
  }

  private static ProblemException hasChildren(
      Text label, long id, long count, Text one, Text many) {
    return count == 1
        ? TEXTS.problem(409, "has-children", "children.delete-it", label, id, one)
        : TEXTS.problem(409, "has-children", "children.delete-them", label, id, count, many);
  }

  static ProblemException duplicate(Text detail) {
    return Problems.duplicate(detail);
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
        u.getEstateId(),
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
        r.getEstateId(),
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
