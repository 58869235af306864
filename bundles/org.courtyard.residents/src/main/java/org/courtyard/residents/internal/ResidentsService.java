package org.courtyard.residents.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.EntityNotFoundException;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Plates;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.jpa.Transactions.Conflict;
import org.courtyard.api.rest.Page;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;
import org.courtyard.residents.internal.dto.MyHomeView;
import org.courtyard.residents.internal.dto.OccupancyEnd;
import org.courtyard.residents.internal.dto.OccupancyInput;
import org.courtyard.residents.internal.dto.OccupancyView;
import org.courtyard.residents.internal.dto.PersonInput;
import org.courtyard.residents.internal.dto.PersonSummary;
import org.courtyard.residents.internal.dto.PersonUpdate;
import org.courtyard.residents.internal.dto.PersonView;
import org.courtyard.residents.internal.dto.VehicleInput;
import org.courtyard.residents.internal.dto.VehicleView;
import org.courtyard.residents.internal.entity.Occupancy;
import org.courtyard.residents.internal.entity.Person;
import org.courtyard.residents.internal.entity.Vehicle;
import org.courtyard.residents.internal.validation.Masks;
import org.courtyard.residents.internal.validation.OccupancyRole;
import org.courtyard.residents.internal.validation.PhoneNumbers;
import org.courtyard.residents.internal.validation.Rules;
import org.courtyard.residents.internal.validation.Shares;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persons, occupancies and vehicles of one tenant.
 *
 * <p>Error conventions, as in the estate module:
 *
 * <ul>
 *   <li>A record named in the URL that does not exist: 404 {@code not-found}.
 *   <li>A person or room named in a request body that does not exist: 422 {@code validation-failed}
 *       with a field error on its id.
 *   <li>A PUT whose {@code version} is not the current one: 409 {@code stale-version}.
 *   <li>A second current occupancy of the same person, room and role, or a second current vehicle
 *       with the same plate: 409 {@code duplicate}.
 *   <li>Owners' shares of a room above 100%: 409 {@code share-exceeded}, with the current total.
 *   <li>Ending an ended occupancy or removing a removed vehicle: 409 {@code already-ended}, {@code
 *       already-removed}.
 *   <li>Deleting a person who has occupancies or vehicles on record: 409 {@code has-children}.
 * </ul>
 *
 * <p>Data scopes (#11): every method takes the caller's {@link ResidentScope}. Lists hold only rows
 * in scope, filtered in SQL; a person, occupancy, vehicle or room outside it answers exactly as a
 * missing one (404 in the URL, the 422 of a missing record in a body), and nothing outside it is
 * changed or counted.
 */
public final class ResidentsService {

  private static final Texts TEXTS = Texts.of(ResidentsService.class);

  private static final Logger LOG = LoggerFactory.getLogger(ResidentsService.class);

  static final Text PERSON = TEXTS.text("label.person");
  static final Text OCCUPANCY = TEXTS.text("label.occupancy");
  static final Text VEHICLE = TEXTS.text("label.vehicle");
  static final Text ROOM = TEXTS.text("label.room");

  /**
   * First key of the advisory lock that serialises share checks of one room. The tenant is part of
   * it: advisory locks are database-wide, and tenant A's room 7 is not tenant B's.
   */
  private static final String ROOM_LOCK_NAMESPACE = "courtyard.residents.room-shares:";

  private final TenantSlug tenant;
  private final Transactions transactions;
  private final EstateDirectory estate;
  private final RoomLabels labels;
  private final Clock clock;
  private final int roomLockNamespace;

  ResidentsService(
      TenantSlug tenant, Transactions transactions, EstateDirectory estate, Clock clock) {
    this.tenant = tenant;
    this.transactions = transactions;
    this.estate = estate;
    this.labels = new RoomLabels(tenant, estate);
    this.clock = clock;
    this.roomLockNamespace = (ROOM_LOCK_NAMESPACE + tenant.value()).hashCode();
  }

  // ---------------------------------------------------------------------------------- persons

  /**
   * Persons in id order, with phone and identity number masked.
   *
   * @param search what {@code q} asked for, or {@code null} for everyone
   * @param roomId only the current occupants (any role) of this room, or {@code null}
   */
  public Page<PersonSummary> listPersons(
      ResidentScope scope, PersonSearch search, Long roomId, long afterId, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT p FROM Person p WHERE p.id > :after");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("after", afterId);
    appendIfScoped(jpql, scope.person("p"));
    if (roomId != null) {
      // The occupancy itself must be in scope too: a person seen through another room must not
      // reveal that they live in this one.
      jpql.append(
          " AND EXISTS (SELECT o.id FROM Occupancy o WHERE o.personId = p.id"
              + " AND o.roomId = :room AND o.moveOut IS NULL");
      appendIfScoped(jpql, scope.occupancy("o"));
      jpql.append(')');
      parameters.put("room", roomId);
    }
    if (search != null) {
      List<String> anyOf = new ArrayList<>();
      anyOf.add("LOWER(p.fullName) LIKE :name ESCAPE '" + PersonSearch.ESCAPE + "'");
      parameters.put("name", search.namePattern());
      if (search.phoneSuffix() != null) {
        // Digits only, so nothing in the pattern needs escaping.
        anyOf.add("p.phone LIKE :phone");
        parameters.put("phone", "%" + search.phoneSuffix());
      }
      if (search.platePattern() != null) {
        anyOf.add(
            "EXISTS (SELECT v.id FROM Vehicle v WHERE v.personId = p.id AND v.removedAt IS NULL"
                + " AND v.plate LIKE :plate ESCAPE '"
                + PersonSearch.ESCAPE
                + "')");
        parameters.put("plate", search.platePattern());
      }
      jpql.append(" AND (").append(String.join(" OR ", anyOf)).append(')');
    }
    jpql.append(" ORDER BY p.id");
    scope.bind(jpql, parameters);
    return transactions.read(
        em ->
            Page.byId(
                rows(em, jpql.toString(), Person.class, parameters, limit),
                limit,
                ResidentsService::personSummary,
                Person::getId));
  }

  /**
   * A signed-in resident's own page: their details, current occupancies and current vehicles. The
   * person id comes from the resident's verified credential, never from the request.
   */
  public MyHomeView myHome(long personId) {
    MyHomeView home =
        transactions.read(
            em -> {
              Person p = em.find(Person.class, personId);
              if (p == null) {
                throw Problems.notFound(PERSON, personId);
              }
              List<OccupancyView> occupancies =
                  em
                      .createQuery(
                          "SELECT o FROM Occupancy o WHERE o.personId = :person AND o.moveOut IS NULL"
                              + " ORDER BY o.roomId, o.id",
                          Occupancy.class)
                      .setParameter("person", personId)
                      .getResultList()
                      .stream()
                      .map(o -> occupancyView(o, p.getFullName(), null))
                      .toList();
              List<VehicleView> vehicles =
                  em
                      .createQuery(
                          "SELECT v FROM Vehicle v WHERE v.personId = :person AND v.removedAt IS NULL"
                              + " ORDER BY v.id",
                          Vehicle.class)
                      .setParameter("person", personId)
                      .getResultList()
                      .stream()
                      .map(ResidentsService::vehicleView)
                      .toList();
              return new MyHomeView(personView(p), occupancies, vehicles);
            });
    return new MyHomeView(home.person(), labelledAll(home.occupancies()), home.vehicles());
  }

  public PersonView getPerson(ResidentScope scope, long id) {
    return transactions.read(em -> personView(person(em, scope, id)));
  }

  /**
   * Records a person in any scope: a new resident at the desk has no room yet. Until a first
   * occupancy places them, they are seen by the whole company and by the caller who recorded them.
   */
  public PersonView createPerson(ResidentScope scope, PersonInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String fullName = Rules.name(input.fullName(), "fullName", errors::add);
    String phone = PhoneNumbers.phone(input.phone(), "phone", errors::add);
    Rules.Identity identity =
        Rules.identity(input.idType(), input.idNumber(), "idType", "idNumber", errors::add);
    String email = Rules.email(input.email(), "email", errors::add);
    String note = Rules.note(input.note(), "note", errors::add);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Person person =
              new Person(
                  fullName,
                  phone,
                  identity.typeValue(),
                  identity.number(),
                  email,
                  note,
                  scope.caller(),
                  now());
          em.persist(person);
          em.flush();
          LOG.debug("Tenant {}: created person {}", tenant, person.getId());
          return personView(person);
        },
        conflict -> null);
  }

  public PersonView updatePerson(ResidentScope scope, long id, PersonUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String fullName = Rules.name(input.fullName(), "fullName", errors::add);
    String phone = PhoneNumbers.phone(input.phone(), "phone", errors::add);
    Rules.Identity identity =
        Rules.identity(input.idType(), input.idNumber(), "idType", "idNumber", errors::add);
    String email = Rules.email(input.email(), "email", errors::add);
    String note = Rules.note(input.note(), "note", errors::add);
    Integer version = TextRules.required(input.version(), "version", errors::add);
    errors.throwIfAny();
    return transactions.write(
        em -> {
          Person person = person(em, scope, id);
          checkVersion(em, person, id, version);
          person.update(
              fullName, phone, identity.typeValue(), identity.number(), email, note, now());
          em.flush();
          return personView(person);
        },
        conflict -> conflict == Conflict.STALE ? Problems.changedMeanwhile(PERSON, id) : null);
  }

  /**
   * Deletes a person entered by mistake. A person with any occupancy or vehicle on record, current
   * or past, stays: that history is what the module keeps.
   */
  public void deletePerson(ResidentScope scope, long id) {
    transactions.write(
        em -> {
          Person person = person(em, scope, id);
          // Only the occupancies in scope are counted in the answer: the others are not the
          // caller's to know about. A person in scope has one, or none at all.
          StringBuilder occupancyCount =
              new StringBuilder("SELECT COUNT(o) FROM Occupancy o WHERE o.personId = :person");
          appendIfScoped(occupancyCount, scope.occupancy("o"));
          Map<String, Object> parameters = new LinkedHashMap<>();
          parameters.put("person", id);
          scope.bind(occupancyCount, parameters);
          long occupancies = count(em, occupancyCount.toString(), parameters);
          long vehicles =
              count(
                  em,
                  "SELECT COUNT(v) FROM Vehicle v WHERE v.personId = :person",
                  Map.of("person", id));
          if (occupancies + vehicles > 0) {
            throw personHasHistory(id, occupancies, vehicles);
          }
          em.remove(person);
          em.flush();
          LOG.debug("Tenant {}: deleted person {}", tenant, id);
          return null;
        },
        conflict ->
            switch (conflict) {
              case REFERENCED -> TEXTS.problem(409, "has-children", "person.history-meanwhile", id);
              case STALE -> Problems.changedMeanwhile(PERSON, id);
              default -> null;
            });
  }

  private static ProblemException personHasHistory(long id, long occupancies, long vehicles) {
    Text occupancyCount =
        occupancies == 1
            ? TEXTS.text("person.occupancy", occupancies)
            : TEXTS.text("person.occupancies", occupancies);
    Text vehicleCount =
        vehicles == 1
            ? TEXTS.text("person.vehicle", vehicles)
            : TEXTS.text("person.vehicles", vehicles);
    Text held =
        occupancies == 0
            ? vehicleCount
            : vehicles == 0
                ? occupancyCount
                : TEXTS.text("person.and", occupancyCount, vehicleCount);
    return TEXTS.problem(
        409,
        "has-children",
        Map.of("occupancies", occupancies, "vehicles", vehicles),
        "person.has-history",
        id,
        held);
  }

  /**
   * @throws ProblemException 404 {@code not-found} when the person does not exist or is outside the
   *     caller's scope: the same answer
   */
  private static Person person(EntityManager em, ResidentScope scope, long id) {
    Person person = find(em, Person.class, PERSON, id);
    if (!personInScope(em, scope, id)) {
      throw Problems.notFound(PERSON, id);
    }
    return person;
  }

  /** Whether the person is in scope, by the same condition the lists use; no query for ALL. */
  private static boolean personInScope(EntityManager em, ResidentScope scope, long id) {
    if (scope.isAll()) {
      return true;
    }
    String jpql = "SELECT COUNT(p) FROM Person p WHERE p.id = :person AND " + scope.person("p");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("person", id);
    scope.bind(jpql, parameters);
    return count(em, jpql, parameters) > 0;
  }

  // ------------------------------------------------------------------------------ occupancies

  /**
   * The occupancies of a room in id order: the current ones, or with {@code history} the ended ones
   * too.
   *
   * @throws ProblemException 404 {@code not-found} when the estate module has no such room and no
   *     occupancy ever named it (a room deleted since keeps its history readable)
   */
  public Page<OccupancyView> listRoomOccupancies(
      ResidentScope scope, long roomId, boolean history, long afterId, int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT o, p.fullName FROM Occupancy o, Person p WHERE p.id = o.personId"
                + " AND o.roomId = :room AND o.id > :after"
                + (history ? "" : " AND o.moveOut IS NULL"));
    appendIfScoped(jpql, scope.occupancy("o"));
    jpql.append(" ORDER BY o.id");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("room", roomId);
    parameters.put("after", afterId);
    scope.bind(jpql, parameters);
    Page<OccupancyView> page =
        labelled(
            transactions.read(
                em ->
                    Page.byId(
                        rows(em, jpql.toString(), Object[].class, parameters, limit),
                        limit,
                        row -> occupancyView((Occupancy) row[0], (String) row[1], null),
                        row -> ((Occupancy) row[0]).getId())));
    if (page.items.isEmpty()
        && afterId == 0
        && estate.room(tenant, roomId).filter(scope::covers).isEmpty()) {
      // A room estate no longer has, or one outside the scope: known only by its history in scope.
      StringBuilder known =
          new StringBuilder("SELECT COUNT(o) FROM Occupancy o WHERE o.roomId = :room");
      appendIfScoped(known, scope.occupancy("o"));
      Map<String, Object> knownParameters = new LinkedHashMap<>();
      knownParameters.put("room", roomId);
      scope.bind(known, knownParameters);
      if (transactions.read(em -> count(em, known.toString(), knownParameters)) == 0) {
        throw Problems.notFound(ROOM, roomId);
      }
    }
    return page;
  }

  /**
   * A person's occupancies, current ones unless {@code history}, in the caller's scope: a person's
   * page (rooms and their history). 404 when the person is not in scope.
   */
  public Page<OccupancyView> listPersonOccupancies(
      ResidentScope scope, long personId, boolean history, long afterId, int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT o FROM Occupancy o WHERE o.personId = :person AND o.id > :after"
                + (history ? "" : " AND o.moveOut IS NULL"));
    appendIfScoped(jpql, scope.occupancy("o"));
    jpql.append(" ORDER BY o.id");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("person", personId);
    parameters.put("after", afterId);
    scope.bind(jpql, parameters);
    return labelled(
        transactions.read(
            em -> {
              String name = person(em, scope, personId).getFullName();
              return Page.byId(
                  rows(em, jpql.toString(), Occupancy.class, parameters, limit),
                  limit,
                  o -> occupancyView(o, name, null),
                  Occupancy::getId);
            }));
  }

  public OccupancyView getOccupancy(ResidentScope scope, long id) {
    return labelledOne(
        transactions.read(
            em -> {
              Occupancy occupancy = occupancy(scope, em.find(Occupancy.class, id), id);
              return occupancyView(occupancy, personName(em, occupancy.getPersonId()), null);
            }));
  }

  /**
   * @throws ProblemException 404 {@code not-found} when the occupancy is null or outside the
   *     caller's scope: the same answer
   */
  private static Occupancy occupancy(ResidentScope scope, Occupancy occupancy, long id) {
    if (occupancy == null
        || !scope.coversPlace(occupancy.getEstateId(), occupancy.getBuildingId())) {
      throw Problems.notFound(OCCUPANCY, id);
    }
    return occupancy;
  }

  /**
   * Records that a person owns or lives in a room from {@code moveIn} on.
   *
   * <p>Owners' shares are checked under a transaction-scoped advisory lock per room: the sum of the
   * current shares is no single row a constraint could guard, and two owners entered at the same
   * moment must not both fit into the same remaining percent.
   */
  public OccupancyView createOccupancy(ResidentScope scope, OccupancyInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long personId = TextRules.required(input.personId(), "personId", errors::add);
    Long roomId = TextRules.required(input.roomId(), "roomId", errors::add);
    OccupancyRole role = Rules.role(input.role(), "role", errors::add);
    BigDecimal share = Shares.share(role, input.sharePercent(), "sharePercent", errors::add);
    LocalDate moveIn = Rules.date(input.moveIn(), "moveIn", errors::add);
    // Asked before the transaction starts, so that no connection of ours is held meanwhile. A room
    // outside the scope is answered as one estate does not have.
    RoomSummary room =
        roomId == null ? null : estate.room(tenant, roomId).filter(scope::covers).orElse(null);
    if (roomId != null && room == null) {
      errors.add("roomId", TEXTS.text("record.no-room", roomId));
    }
    return transactions.write(
        em -> {
          Person person = personId == null ? null : em.find(Person.class, personId);
          if (personId != null && (person == null || !personInScope(em, scope, personId))) {
            errors.add("personId", TEXTS.text("record.no-person", personId));
          }
          errors.throwIfAny();
          lockRoomShares(em, roomId);
          if (currentOccupancyExists(em, personId, roomId, role)) {
            throw duplicateOccupancy(personId, roomId, role);
          }
          if (share != null) {
            BigDecimal total = Shares.total(currentOwnerShares(em, roomId));
            if (!Shares.fits(total, share)) {
              throw shareExceeded(roomId, total, share);
            }
          }
          Occupancy occupancy =
              new Occupancy(
                  personId,
                  roomId,
                  room.estateId,
                  room.buildingId,
                  role.value(),
                  share,
                  moveIn,
                  now());
          em.persist(occupancy);
          em.flush();
          LOG.debug(
              "Tenant {}: person {} is {} of room {} since {} (occupancy {})",
              tenant,
              personId,
              role.value(),
              roomId,
              moveIn,
              occupancy.getId());
          return occupancyView(occupancy, person.getFullName(), room.label);
        },
        conflict ->
            switch (conflict) {
              case DUPLICATE -> duplicateOccupancy(personId, roomId, role);
              case REFERENCED -> personVanished(personId);
              default -> null;
            });
  }

  /**
   * Ends a current occupancy on {@code moveOut}. The row is locked while it is checked, so that two
   * requests cannot both end it and the second overwrite the first's date.
   */
  public OccupancyView endOccupancy(ResidentScope scope, long id, OccupancyEnd input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    LocalDate moveOut = Rules.date(input.moveOut(), "moveOut", errors::add);
    errors.throwIfAny();
    OccupancyView ended =
        transactions.write(
            em -> {
              Occupancy occupancy =
                  occupancy(
                      scope, em.find(Occupancy.class, id, LockModeType.PESSIMISTIC_WRITE), id);
              if (!occupancy.isCurrent()) {
                throw TEXTS.problem(
                    409, "already-ended", "occupancy.already-ended", id, occupancy.getMoveOut());
              }
              if (moveOut.isBefore(occupancy.getMoveIn())) {
                throw FieldErrors.single(
                    FieldErrors.TYPE,
                    TEXTS.title(FieldErrors.TYPE),
                    "moveOut",
                    TEXTS.text(
                        "occupancy.move-out-before-move-in", occupancy.getMoveIn(), moveOut));
              }
              occupancy.end(moveOut);
              em.flush();
              LOG.debug("Tenant {}: ended occupancy {} on {}", tenant, id, moveOut);
              return occupancyView(occupancy, personName(em, occupancy.getPersonId()), null);
            },
            conflict -> null);
    return labelledOne(ended);
  }

  /**
   * Serialises share checks of one room until the transaction ends. Taken on the transaction's own
   * connection: unwrapping the connection inside a transaction makes EclipseLink begin the database
   * transaction now and run every later query of this EntityManager on it.
   */
  private void lockRoomShares(EntityManager em, long roomId) {
    Connection connection = em.unwrap(Connection.class);
    if (connection == null) {
      throw new IllegalStateException("no transaction connection to lock room " + roomId + " on");
    }
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, roomLockNamespace);
      lock.setInt(2, Long.hashCode(roomId));
      lock.execute();
    } catch (SQLException e) {
      throw new PersistenceException("could not lock the shares of room " + roomId, e);
    }
  }

  private static boolean currentOccupancyExists(
      EntityManager em, long personId, long roomId, OccupancyRole role) {
    return count(
            em,
            "SELECT COUNT(o) FROM Occupancy o WHERE o.personId = :person AND o.roomId = :room"
                + " AND o.role = :role AND o.moveOut IS NULL",
            Map.of("person", personId, "room", roomId, "role", role.value()))
        > 0;
  }

  private static List<BigDecimal> currentOwnerShares(EntityManager em, long roomId) {
    return em.createQuery(
            "SELECT o.sharePercent FROM Occupancy o WHERE o.roomId = :room AND o.role = :owner"
                + " AND o.moveOut IS NULL AND o.sharePercent IS NOT NULL",
            BigDecimal.class)
        .setParameter("room", roomId)
        .setParameter("owner", OccupancyRole.OWNER.value())
        .getResultList();
  }

  private static ProblemException duplicateOccupancy(
      long personId, long roomId, OccupancyRole role) {
    return Problems.duplicate(TEXTS.text("occupancy.duplicate", personId, role.value(), roomId));
  }

  private static ProblemException shareExceeded(
      long roomId, BigDecimal currentTotal, BigDecimal requested) {
    BigDecimal available = Shares.available(currentTotal);
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("roomId", roomId);
    extensions.put("currentTotal", currentTotal);
    extensions.put("requested", requested);
    extensions.put("available", available);
    return TEXTS.problem(
        409,
        "share-exceeded",
        extensions,
        "occupancy.share-exceeded",
        roomId,
        currentTotal.toPlainString(),
        requested.toPlainString(),
        available.toPlainString());
  }

  // --------------------------------------------------------------------------------- vehicles

  /**
   * @throws ProblemException 404 {@code not-found} for an unknown person
   */
  public Page<VehicleView> listPersonVehicles(
      ResidentScope scope, long personId, boolean history, long afterId, int limit) {
    String jpql =
        "SELECT v FROM Vehicle v WHERE v.personId = :person AND v.id > :after"
            + (history ? "" : " AND v.removedAt IS NULL")
            + " ORDER BY v.id";
    return transactions.read(
        em -> {
          person(em, scope, personId);
          return Page.byId(
              rows(em, jpql, Vehicle.class, Map.of("person", personId, "after", afterId), limit),
              limit,
              ResidentsService::vehicleView,
              Vehicle::getId);
        });
  }

  /**
   * Vehicles in id order, current ones unless {@code history}.
   *
   * @param plate text the normalised plate must contain, or {@code null} for every vehicle
   */
  public Page<VehicleView> listVehicles(
      ResidentScope scope, String plate, boolean history, long afterId, int limit) {
    StringBuilder jpql =
        new StringBuilder(
            scope.isAll()
                ? "SELECT v FROM Vehicle v WHERE v.id > :after"
                : "SELECT v FROM Vehicle v, Person sp WHERE sp.id = v.personId AND v.id > :after AND "
                    + scope.person("sp"));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("after", afterId);
    if (!history) {
      jpql.append(" AND v.removedAt IS NULL");
    }
    String normalized = plate == null ? "" : Plates.normalize(plate);
    if (!normalized.isEmpty()) {
      jpql.append(" AND v.plate LIKE :plate ESCAPE '").append(PersonSearch.ESCAPE).append('\'');
      parameters.put("plate", PersonSearch.contains(normalized));
    }
    jpql.append(" ORDER BY v.id");
    scope.bind(jpql, parameters);
    return transactions.read(
        em ->
            Page.byId(
                rows(em, jpql.toString(), Vehicle.class, parameters, limit),
                limit,
                ResidentsService::vehicleView,
                Vehicle::getId));
  }

  public VehicleView getVehicle(ResidentScope scope, long id) {
    return transactions.read(em -> vehicleView(vehicle(em, scope, em.find(Vehicle.class, id), id)));
  }

  /**
   * @throws ProblemException 404 {@code not-found} when the vehicle is null or its person is
   *     outside the caller's scope: the same answer
   */
  private static Vehicle vehicle(EntityManager em, ResidentScope scope, Vehicle vehicle, long id) {
    if (vehicle == null || !personInScope(em, scope, vehicle.getPersonId())) {
      throw Problems.notFound(VEHICLE, id);
    }
    return vehicle;
  }

  /**
   * Registers a vehicle to a person in scope. A plate is registered once in the whole company, so
   * 409 {@code duplicate} says that a current vehicle has it, wherever it is, but not whose it is.
   */
  public VehicleView createVehicle(ResidentScope scope, VehicleInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long personId = TextRules.required(input.personId(), "personId", errors::add);
    String plate = Plates.plate(input.plate(), "plate", errors::add);
    String color = TextRules.optionalLine(input.color(), "color", Rules.COLOR_MAX, errors::add);
    return transactions.write(
        em -> {
          if (personId != null
              && (em.find(Person.class, personId) == null || !personInScope(em, scope, personId))) {
            errors.add("personId", TEXTS.text("record.no-person", personId));
          }
          errors.throwIfAny();
          if (plateTaken(em, plate)) {
            throw duplicatePlate(plate);
          }
          Vehicle vehicle = new Vehicle(personId, plate, color, now());
          em.persist(vehicle);
          em.flush();
          LOG.debug(
              "Tenant {}: registered vehicle {} to person {}", tenant, vehicle.getId(), personId);
          return vehicleView(vehicle);
        },
        conflict ->
            switch (conflict) {
              case DUPLICATE -> duplicatePlate(plate);
              case REFERENCED -> personVanished(personId);
              default -> null;
            });
  }

  /** Takes a vehicle off the register; the record stays, marked with the time of removal. */
  public void removeVehicle(ResidentScope scope, long id) {
    transactions.write(
        em -> {
          Vehicle vehicle =
              vehicle(em, scope, em.find(Vehicle.class, id, LockModeType.PESSIMISTIC_WRITE), id);
          if (!vehicle.isCurrent()) {
            throw TEXTS.problem(
                409, "already-removed", "vehicle.already-removed", id, vehicle.getRemovedAt());
          }
          vehicle.remove(now());
          em.flush();
          LOG.debug("Tenant {}: removed vehicle {}", tenant, id);
          return null;
        },
        conflict -> null);
  }

  private static boolean plateTaken(EntityManager em, String plate) {
    return count(
            em,
            "SELECT COUNT(v) FROM Vehicle v WHERE v.plate = :plate AND v.removedAt IS NULL",
            Map.of("plate", plate))
        > 0;
  }

  private static ProblemException duplicatePlate(String plate) {
    return Problems.duplicate(TEXTS.text("vehicle.duplicate-plate", plate));
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

  /** Appends {@code AND condition} unless the condition is null (the whole company's scope). */
  private static void appendIfScoped(StringBuilder jpql, String condition) {
    if (condition != null) {
      jpql.append(" AND ").append(condition);
    }
  }

  static long count(EntityManager em, String jpql, Map<String, Object> parameters) {
    TypedQuery<Long> query = em.createQuery(jpql, Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** The person's name; a person cannot go while occupancies refer to it. */
  private static String personName(EntityManager em, long personId) {
    Person person = em.find(Person.class, personId);
    return person == null ? null : person.getFullName();
  }

  /**
   * One page of a keyset query (which must order by id and filter on {@code :after}): one row more
   * than the page is read, so that its presence says whether a next page exists without a count.
   */
  private static <R> List<R> rows(
      EntityManager em, String jpql, Class<R> type, Map<String, Object> parameters, int limit) {
    TypedQuery<R> query = em.createQuery(jpql, type);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(limit + 1).getResultList();
  }

  /** A person that passed the existence check was deleted before the insert committed. */
  private static ProblemException personVanished(long id) {
    return FieldErrors.single(
        FieldErrors.TYPE,
        TEXTS.title(FieldErrors.TYPE),
        "personId",
        TEXTS.text("record.person-deleted", id));
  }

  /**
   * Compares the version the client edited with the stored one. The entity may come from the shared
   * cache, which can lag behind a write made through another node; so a mismatch is confirmed
   * against the database before it is reported.
   *
   * @throws ProblemException 409 {@code stale-version} when the client edited an older version
   */
  private static void checkVersion(EntityManager em, Person person, long id, int sent) {
    if (person.getVersion() == sent) {
      return;
    }
    try {
      em.refresh(person);
    } catch (EntityNotFoundException e) {
      throw Problems.notFound(PERSON, id);
    }
    int current = person.getVersion();
    if (current != sent) {
      throw Problems.staleVersion(PERSON, id, current, sent);
    }
  }

  static PersonView personView(Person p) {
    return new PersonView(
        p.getId(),
        p.getFullName(),
        p.getPhone(),
        p.getIdType(),
        p.getIdNumber(),
        p.getEmail(),
        p.getNote(),
        p.getCreatedAt(),
        p.getUpdatedAt(),
        p.getVersion());
  }

  /** A person as lists show it: phone and identity number masked, no note. */
  static PersonSummary personSummary(Person p) {
    return new PersonSummary(
        p.getId(),
        p.getFullName(),
        Masks.phone(p.getPhone()),
        p.getIdType(),
        Masks.idNumber(p.getIdNumber()),
        p.getEmail(),
        p.getCreatedAt(),
        p.getUpdatedAt(),
        p.getVersion());
  }

  /**
   * An occupancy as the API shows it; {@code roomLabel} null until {@link #labelled} adds the
   * labels of a whole page at once.
   */
  static OccupancyView occupancyView(Occupancy o, String personName, String roomLabel) {
    return new OccupancyView(
        o.getId(),
        o.getPersonId(),
        personName,
        o.getRoomId(),
        roomLabel,
        o.getEstateId(),
        o.getBuildingId(),
        o.getRole(),
        o.getSharePercent(),
        o.getMoveIn(),
        o.getMoveOut(),
        o.getCreatedAt());
  }

  /**
   * The occupancies with their rooms' labels, asked of estate for the whole page at once ({@link
   * RoomLabels}), after the transaction that read them: no connection of ours is held meanwhile.
   */
  private Page<OccupancyView> labelled(Page<OccupancyView> page) {
    return new Page<>(labelledAll(page.items), page.nextCursor);
  }

  private List<OccupancyView> labelledAll(List<OccupancyView> occupancies) {
    if (occupancies.isEmpty()) {
      return occupancies;
    }
    Map<Long, String> byRoom = labels.of(occupancies.stream().map(OccupancyView::roomId).toList());
    return occupancies.stream().map(o -> withLabel(o, byRoom.get(o.roomId()))).toList();
  }

  private OccupancyView labelledOne(OccupancyView occupancy) {
    return labelledAll(List.of(occupancy)).get(0);
  }

  private static OccupancyView withLabel(OccupancyView o, String roomLabel) {
    return new OccupancyView(
        o.id(),
        o.personId(),
        o.personName(),
        o.roomId(),
        roomLabel,
        o.estateId(),
        o.buildingId(),
        o.role(),
        o.sharePercent(),
        o.moveIn(),
        o.moveOut(),
        o.createdAt());
  }

  static VehicleView vehicleView(Vehicle v) {
    return new VehicleView(
        v.getId(), v.getPersonId(), v.getPlate(), v.getColor(), v.getCreatedAt(), v.getRemovedAt());
  }
}
