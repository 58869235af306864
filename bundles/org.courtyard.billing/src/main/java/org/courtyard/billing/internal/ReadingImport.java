package org.courtyard.billing.internal;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvDecoder;
import org.courtyard.api.csv.CsvFormatException;
import org.courtyard.api.csv.RowError;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.billing.internal.calc.Consumption;
import org.courtyard.billing.internal.calc.ReadingSeries;
import org.courtyard.billing.internal.dto.ReadingImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports meter readings (抄表) from a CSV file, all or nothing, in one transaction. The file is
 * checked completely first — its values ({@link ReadingRows}), then, with the file's meters locked,
 * whether each serial is a meter, each time is within the meter's life, and each meter's readings
 * get later and, except replacement readings, never lower, in the file and after the stored ones —
 * and any problem rejects the whole file with every problem listed by line. A meter outside the
 * caller's data scope is, for the file, a serial no meter has.
 */
final class ReadingImport {

  private static final Texts TEXTS = Texts.of(ReadingImport.class);

  private static final Logger LOG = LoggerFactory.getLogger(ReadingImport.class);

  /** Largest file accepted: some 20,000 rows with room to spare. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Catalog catalog;
  private final Clock clock;

  ReadingImport(TenantSlug tenant, Jdbc jdbc, Catalog catalog, Clock clock) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * @throws ProblemException 422 {@code import-rejected} listing the problems of the file, 413
   *     {@code too-large} for too many rows
   */
  ReadingImportResult importReadings(byte[] csv, Charset charset, DataScope scope) {
    ZoneId zone = catalog.settings().zone();
    Instant now = clock.instant();
    ReadingRows.Result checked;
    try {
      checked = ReadingRows.validate(CsvDecoder.decode(csv, charset), zone, now);
    } catch (CsvFormatException e) {
      throw ReadingRows.rejection(List.of(new RowError(e.line(), null, e.text())));
    }
    ReadingImportResult result =
        jdbc.transaction(
            c -> {
              Set<String> serials = new LinkedHashSet<>();
              checked.rows().forEach(r -> serials.add(r.serial()));
              Map<String, Meters.Meter> meters = Meters.lockBySerial(c, serials, scope);
              List<RowError> errors = new ArrayList<>(checked.errors());
              Map<Meters.Meter, List<ReadingRows.Row>> byMeter = new LinkedHashMap<>();
              for (ReadingRows.Row row : checked.rows()) {
                Meters.Meter meter = meters.get(row.serial());
                if (meter == null) {
                  errors.add(
                      new RowError(
                          row.line(),
                          ReadingRows.Column.SERIAL.header(),
                          TEXTS.text("import.no-meter", row.serial())));
                } else {
                  byMeter.computeIfAbsent(meter, m -> new ArrayList<>()).add(row);
                }
              }
              Map<Long, ReadingSeries> series =
                  Meters.series(c, byMeter.keySet().stream().map(Meters.Meter::id).toList());
              List<Meters.NewReading> accepted = new ArrayList<>();
              List<ReadingRows.Row> acceptedRows = new ArrayList<>();
              List<String> reasons = new ArrayList<>();
              for (Map.Entry<Meters.Meter, List<ReadingRows.Row>> e : byMeter.entrySet()) {
                check(
                    e.getKey(),
                    e.getValue(),
                    series.get(e.getKey().id()),
                    zone,
                    now,
                    errors,
                    accepted,
                    acceptedRows,
                    reasons);
              }
              if (!errors.isEmpty()) {
                throw ReadingRows.rejection(errors);
              }
              List<Long> ids = Meters.insert(c, accepted, now);
              List<ReadingImportResult.Implausible> implausible = new ArrayList<>();
              for (int i = 0; i < accepted.size(); i++) {
                if (accepted.get(i).implausible()) {
                  ReadingRows.Row row = acceptedRows.get(i);
                  implausible.add(
                      new ReadingImportResult.Implausible(
                          row.line(),
                          row.serial(),
                          accepted.get(i).meterId(),
                          ids.get(i),
                          row.readAt(),
                          row.value(),
                          reasons.get(i)));
                }
              }
              implausible.sort(Comparator.comparingInt(ReadingImportResult.Implausible::line));
              return new ReadingImportResult(
                  accepted.size(), byMeter.size(), implausible.size(), implausible);
            });
    LOG.info(
        "Tenant {}: imported {} meter readings of {} meters, {} implausible",
        tenant,
        result.readingsImported(),
        result.metersRead(),
        result.implausibleCount());
    return result;
  }

  /**
   * Judges one meter's rows of the file in time order against the meter's stored readings and each
   * other; adds what passes to {@code accepted} and what does not to {@code errors}.
   */
  private static void check(
      Meters.Meter meter,
      List<ReadingRows.Row> rows,
      ReadingSeries series,
      ZoneId zone,
      Instant now,
      List<RowError> errors,
      List<Meters.NewReading> accepted,
      List<ReadingRows.Row> acceptedRows,
      List<String> reasons) {
    List<ReadingRows.Row> inTimeOrder = new ArrayList<>(rows);
    inTimeOrder.sort(Comparator.comparing(ReadingRows.Row::readAt)); // stable: ties keep file order
    // which line of the file a reading came from; stored readings are not in here
    Map<Consumption.Reading, Integer> lineOf = new IdentityHashMap<>();
    String readAtColumn = ReadingRows.Column.READ_AT.header();
    for (ReadingRows.Row row : inTimeOrder) {
      Text problem = Meters.checkTime(row.readAt(), meter, zone, now);
      if (problem != null) {
        errors.add(new RowError(row.line(), readAtColumn, problem));
        continue;
      }
      Consumption.Reading reading =
          new Consumption.Reading(row.readAt(), row.value(), row.replacement());
      ReadingSeries.Verdict verdict = series.offer(reading);
      if (verdict instanceof ReadingSeries.NotAfterLatest late) {
        errors.add(
            new RowError(
                row.line(),
                readAtColumn,
                TEXTS.text("import.not-after-stored", meter.serial(), late.latest().readAt())));
      } else if (verdict instanceof ReadingSeries.Decreased down) {
        Integer line = lineOf.get(down.previous());
        errors.add(
            new RowError(
                row.line(),
                ReadingRows.Column.VALUE.header(),
                line == null
                    ? TEXTS.text(
                        "import.decreased-stored",
                        row.value().toPlainString(),
                        meter.serial(),
                        down.previous().value().toPlainString(),
                        down.previous().readAt())
                    : TEXTS.text(
                        "import.decreased-in-file",
                        row.value().toPlainString(),
                        meter.serial(),
                        down.previous().value().toPlainString(),
                        down.previous().readAt(),
                        line)));
      } else {
        ReadingSeries.Accepted ok = (ReadingSeries.Accepted) verdict;
        lineOf.put(reading, row.line());
        accepted.add(
            new Meters.NewReading(
                meter.id(),
                row.readAt(),
                row.value(),
                row.replacement(),
                Meters.CSV,
                ok.implausible()));
        acceptedRows.add(row);
        reasons.add(ok.reason());
      }
    }
  }
}
