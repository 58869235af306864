package org.courtyard.estate.internal;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvDecoder;
import org.courtyard.api.csv.CsvFormatException;
import org.courtyard.api.csv.RowError;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.internal.dto.ImportResult;
import org.courtyard.estate.internal.entity.Building;
import org.courtyard.estate.internal.entity.Room;
import org.courtyard.estate.internal.entity.Unit;
import org.courtyard.estate.internal.validation.RoomRow;
import org.courtyard.estate.internal.validation.RoomRowValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the rooms of one building from a CSV file, all or nothing. The file is checked completely
 * first, against itself and against the rooms already stored, and any problem rejects the whole
 * file with every problem listed: a half-imported building is harder to repair than a file. Units
 * named in the file that the building does not have yet are created, with their code as name.
 */
final class RoomImporter {

  private static final Texts TEXTS = Texts.of(RoomImporter.class);

  private static final Logger LOG = LoggerFactory.getLogger(RoomImporter.class);

  /** Largest file accepted: some 20,000 rows with room to spare for long values. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  /**
   * Rooms written per flush. Matches the JDBC batch size the platform configures, so each flush
   * goes out as one batch, and clearing after it keeps the persistence context from growing with
   * the file.
   */
  static final int FLUSH_EVERY = 500;

  private final TenantSlug tenant;
  private final Transactions transactions;
  private final Supplier<Instant> clock;
  private final RoomRowValidator validator = new RoomRowValidator();

  RoomImporter(TenantSlug tenant, Transactions transactions, Supplier<Instant> clock) {
    this.tenant = tenant;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @throws ProblemException 404 {@code not-found} for an unknown building or one outside {@code
   *     scope} (the same answer at the same point, before the file is read), 413 {@code too-large}
   *     for too many rows, 422 {@code import-rejected} listing the problems of the file, 409 {@code
   *     duplicate} if another request added one of the rooms while this one ran
   */
  ImportResult importRooms(DataScope scope, long buildingId, byte[] csv, Charset charset) {
    // Answer an unknown building before spending time on the file.
    transactions.read(em -> EstateService.building(em, scope, buildingId));
    RoomRowValidator.Result checked;
    try {
      checked = validator.validate(CsvDecoder.decode(csv, charset));
    } catch (CsvFormatException e) {
      throw RoomRowValidator.rejection(List.of(new RowError(e.line(), null, e.text())));
    }
    return transactions.write(
        em -> write(em, scope, buildingId, checked),
        conflict ->
            switch (conflict) {
              case DUPLICATE -> EstateService.duplicate(TEXTS.text("import.added-meanwhile"));
              case REFERENCED -> Problems.notFound(EstateService.BUILDING, buildingId);
              default -> null;
            });
  }

  private ImportResult write(
      EntityManager em, DataScope scope, long buildingId, RoomRowValidator.Result checked) {
    Building building = EstateService.building(em, scope, buildingId);

    Map<String, Unit> units = new HashMap<>();
    em.createQuery("SELECT u FROM Unit u WHERE u.buildingId = :building", Unit.class)
        .setParameter("building", buildingId)
        .getResultList()
        .forEach(unit -> units.put(unit.getCode(), unit));
    Set<String> storedRooms = new HashSet<>();
    em.createQuery(
            "SELECT r.unitId, r.number FROM Room r WHERE r.buildingId = :building", Object[].class)
        .setParameter("building", buildingId)
        .getResultList()
        .forEach(r -> storedRooms.add(roomKey(((Number) r[0]).longValue(), (String) r[1])));

    List<RowError> errors = new ArrayList<>(checked.errors());
    for (RoomRow row : checked.rows()) {
      Unit unit = units.get(row.unitCode());
      if (unit != null && storedRooms.contains(roomKey(unit.getId(), row.number()))) {
        errors.add(
            new RowError(
                row.line(),
                RoomRowValidator.Column.NUMBER.header(),
                TEXTS.text("import.room-exists", row.number(), row.unitCode())));
      }
    }
    if (!errors.isEmpty()) {
      throw RoomRowValidator.rejection(errors);
    }

    Instant now = clock.get();
    int unitsCreated = 0;
    for (RoomRow row : checked.rows()) {
      if (!units.containsKey(row.unitCode())) {
        Unit unit =
            new Unit(building.getEstateId(), buildingId, row.unitCode(), row.unitCode(), now);
        em.persist(unit);
        units.put(row.unitCode(), unit);
        unitsCreated++;
      }
    }
    em.flush(); // unit ids are IDENTITY values: they exist only once the rows are inserted
    Map<String, Long> unitIds = new HashMap<>();
    units.forEach((code, unit) -> unitIds.put(code, unit.getId()));
    long estateId = building.getEstateId();
    em.clear();

    int imported = 0;
    for (RoomRow row : checked.rows()) {
      em.persist(
          new Room(
              estateId,
              unitIds.get(row.unitCode()),
              buildingId,
              row.number(),
              row.floor(),
              row.area(),
              row.type().value(),
              row.status().value(),
              now));
      if (++imported % FLUSH_EVERY == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    em.clear();
    LOG.info(
        "Tenant {}: imported {} rooms into building {}, {} new units",
        tenant,
        imported,
        buildingId,
        unitsCreated);
    return new ImportResult(buildingId, imported, unitsCreated);
  }

  /** A line break cannot occur in a room number, so it separates the parts unambiguously. */
  private static String roomKey(long unitId, String number) {
    return unitId + "\n" + number;
  }
}
