package org.courtyard.parking.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.FieldReport;
import org.courtyard.api.Plates;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Params;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.CardInput;
import org.courtyard.parking.internal.dto.LeaseInput;
import org.courtyard.parking.internal.dto.ListEntryInput;
import org.courtyard.parking.internal.dto.LotInput;
import org.courtyard.parking.internal.dto.ReservationInput;
import org.courtyard.parking.internal.dto.SpaceInput;
import org.courtyard.parking.internal.dto.SpaceRange;

/**
 * What lots, spaces, leases and reservations must be, checked before the database is touched and
 * repeated as CHECK constraints in {@code db/parking/V1__parking.sql}. Every problem of a request
 * is reported in one 422 {@code validation-failed}.
 */
final class ParkingRules {

  private static final Texts TEXTS = Texts.of(ParkingRules.class);

  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  static final Set<String> LOCATIONS = Set.of("above_ground", "underground");
  static final Set<String> KINDS =
      Set.of("owned", "rented", "public", "visitor", "ev_charging", "accessible");
  static final Set<String> SIZES = Set.of("small", "standard", "large");
  static final Set<String> STATES = Set.of("in_service", "out_of_service");
  static final Set<String> TERMS = Set.of("monthly", "quarterly", "yearly");

  /** The most spaces one range creates: a whole level of a large garage. */
  static final int RANGE_MAX = 1000;

  /** A lease starts within these days: no typing slip becomes a lease in the year 20270. */
  static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

  static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

  /** How far ahead a visitor space is reserved. */
  static final Duration RESERVATION_AHEAD = Duration.ofDays(366);

  /** The longest reservation: visitor spaces are for visits, leases are for longer. */
  static final Duration RESERVATION_MAX = Duration.ofDays(7);

  record Lot(Long estateId, String code, String name, String location, int levels, int temporary) {}

  record Space(String number, String kind, int level, String size, String state) {}

  record Range(String prefix, int from, int to, int digits, String kind, int level, String size) {

    String number(int n) {
      return prefix + String.format(Locale.ROOT, "%0" + digits + "d", n);
    }
  }

  record Holder(String name, String phone, String note) {}

  /**
   * A lease: with {@code roomId} and {@code rent} (per term) billed in billing's runs, both null
   * otherwise.
   */
  record Lease(
      long spaceId,
      LocalDate start,
      String term,
      int terms,
      Holder holder,
      Long roomId,
      BigDecimal rent) {

    /** The first day after the lease. */
    LocalDate end() {
      return switch (term) {
        case "monthly" -> start.plusMonths(terms);
        case "quarterly" -> start.plusMonths(3L * terms);
        default -> start.plusYears(terms);
      };
    }
  }

  /**
   * A reservation: {@code noShowMinutes} null when it is never released (no plate and none given).
   */
  record Reservation(
      long spaceId, Instant from, Instant to, Holder holder, String plate, Integer noShowMinutes) {}

  /**
   * How long a reserved space waits for its visitor after the slot begins, unless told, when the
   * reservation names a plate (the camera notes the arrival); without a plate only a given number
   * of minutes releases it, as a guard must note the arrival by hand.
   */
  static final int NO_SHOW_MINUTES = 30;

  private ParkingRules() {}

  static Lot lot(LotInput in, boolean creating) {
    FieldErrors errors = new FieldErrors();
    Long estate = creating ? TextRules.required(in.estateId(), "estateId", errors) : null;
    String code = code(in.code(), "code", errors);
    String name = TextRules.requiredLine(in.name(), "name", 100, errors);
    String location = oneOf(in.location(), "location", LOCATIONS, null, errors);
    Integer levels = TextRules.optionalInRange(in.levels(), "levels", 1, 20, errors);
    Integer temporary =
        TextRules.optionalInRange(in.temporarySpaces(), "temporarySpaces", 0, 100_000, errors);
    if (!creating) {
      TextRules.required(in.version(), "version", errors);
    }
    errors.throwIfAny();
    return new Lot(
        estate,
        code,
        name,
        location,
        levels == null ? 1 : levels,
        temporary == null ? 0 : temporary);
  }

  static Space space(SpaceInput in, boolean creating) {
    FieldErrors errors = new FieldErrors();
    if (creating) {
      TextRules.required(in.lotId(), "lotId", errors);
    } else {
      TextRules.required(in.version(), "version", errors);
    }
    String number = code(in.number(), "number", errors);
    String kind = oneOf(in.kind(), "kind", KINDS, null, errors);
    Integer level = level(in.level(), errors);
    String size = oneOf(in.size(), "size", SIZES, "standard", errors);
    String state = oneOf(in.state(), "state", STATES, "in_service", errors);
    errors.throwIfAny();
    return new Space(number, kind, level == null ? 1 : level, size, state);
  }

  static Range range(SpaceRange in) {
    FieldErrors errors = new FieldErrors();
    String prefix = TextRules.trimToNull(in.prefix());
    if (prefix != null && !Pattern.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,15}", prefix)) {
      errors.add("prefix", TEXTS.text("rules.prefix"));
    }
    Integer from = TextRules.requiredInRange(in.from(), "from", 0, 999_999, errors);
    Integer to = TextRules.requiredInRange(in.to(), "to", 0, 999_999, errors);
    Integer digits = TextRules.optionalInRange(in.digits(), "digits", 1, 6, errors);
    String kind = oneOf(in.kind(), "kind", KINDS, null, errors);
    Integer level = level(in.level(), errors);
    String size = oneOf(in.size(), "size", SIZES, "standard", errors);
    if (from != null && to != null) {
      if (to < from) {
        errors.add("to", TEXTS.text("rules.range-order"));
      } else if (to - from + 1 > RANGE_MAX) {
        errors.add("to", TEXTS.text("rules.range-size", RANGE_MAX));
      }
    }
    errors.throwIfAny();
    int width = digits == null ? 3 : digits;
    Range r =
        new Range(
            prefix == null ? "" : prefix, from, to, width, kind, level == null ? 1 : level, size);
    if (r.number(to).length() > 32) {
      throw FieldErrors.single(
          FieldErrors.TYPE, TEXTS.title(FieldErrors.TYPE), "prefix", TEXTS.text("rules.prefix"));
    }
    return r;
  }

  static Lease lease(LeaseInput in) {
    FieldErrors errors = new FieldErrors();
    Long space = TextRules.required(in.spaceId(), "spaceId", errors);
    LocalDate start = TextRules.required(in.startDate(), "startDate", errors);
    if (start != null && (start.isBefore(FIRST_DAY) || start.isAfter(LAST_DAY))) {
      errors.add("startDate", TEXTS.text("rules.start-range", FIRST_DAY, LAST_DAY));
      start = null;
    }
    String term = oneOf(in.term(), "term", TERMS, null, errors);
    Integer terms = TextRules.optionalInRange(in.terms(), "terms", 1, 120, errors);
    Holder holder = holder(in.holderName(), in.holderPhone(), in.note(), errors);
    BigDecimal rent = billed(in.roomId(), in.rent(), "rent", errors);
    errors.throwIfAny();
    return new Lease(
        space,
        start,
        term,
        terms == null ? 1 : terms,
        holder,
        rent == null ? null : in.roomId(),
        rent);
  }

  /** The most a lease's rent per term or an owned space's monthly fee may be. */
  static final BigDecimal MAX_BILLED = new BigDecimal("100000");

  /**
   * The amount billed to {@code roomId} each term or month: both given or neither, the amount
   * positive with at most two places; null when neither is given or one is wrong.
   */
  static BigDecimal billed(Long roomId, BigDecimal amount, String field, FieldErrors errors) {
    if (roomId == null && amount == null) {
      return null;
    }
    if (roomId == null || amount == null) {
      errors.add(
          roomId == null ? "roomId" : field, TEXTS.text("rules.billed-both", "roomId", field));
      return null;
    }
    if (roomId <= 0) {
      errors.add("roomId", TEXTS.text("rules.billed-room", roomId));
      return null;
    }
    if (amount.signum() <= 0
        || amount.compareTo(MAX_BILLED) > 0
        || amount.stripTrailingZeros().scale() > 2) {
      errors.add(field, TEXTS.text("rules.billed-amount", MAX_BILLED.toPlainString()));
      return null;
    }
    return amount.setScale(2);
  }

  static Reservation reservation(ReservationInput in, Instant now) {
    FieldErrors errors = new FieldErrors();
    Long space = TextRules.required(in.spaceId(), "spaceId", errors);
    // at the database's precision, so the answer and a replay compare with what is stored
    Instant from = in.from() == null ? null : in.from().toInstant().truncatedTo(ChronoUnit.MICROS);
    Instant to = in.to() == null ? null : in.to().toInstant().truncatedTo(ChronoUnit.MICROS);
    TextRules.required(from, "from", errors);
    TextRules.required(to, "to", errors);
    if (from != null && to != null) {
      if (!to.isAfter(from)) {
        errors.add("to", TEXTS.text("rules.slot-order"));
      } else if (Duration.between(from, to).compareTo(RESERVATION_MAX) > 0) {
        errors.add("to", TEXTS.text("rules.slot-length", RESERVATION_MAX.toDays()));
      }
      if (!to.isAfter(now)) {
        errors.add("to", TEXTS.text("rules.slot-past"));
      } else if (from.isAfter(now.plus(RESERVATION_AHEAD))) {
        errors.add("from", TEXTS.text("rules.slot-far", RESERVATION_AHEAD.toDays()));
      }
    }
    Holder holder = holder(in.holderName(), in.holderPhone(), in.note(), errors);
    String plate =
        TextRules.trimToNull(in.plate()) == null ? null : Plates.plate(in.plate(), "plate", errors);
    Integer wait = TextRules.optionalInRange(in.noShowMinutes(), "noShowMinutes", 5, 1440, errors);
    errors.throwIfAny();
    return new Reservation(
        space,
        from,
        to,
        holder,
        plate,
        wait != null ? wait : plate == null ? null : NO_SHOW_MINUTES);
  }

  private static Holder holder(String name, String phone, String note, FieldErrors errors) {
    String n = TextRules.requiredLine(name, "holderName", 100, errors);
    String p = phone(phone, errors);
    String t = TextRules.optionalLine(note, "note", 500, errors);
    return new Holder(n, p, t);
  }

  record Cancel(String reason, int version) {}

  static Cancel cancel(CancelInput in) {
    FieldErrors errors = new FieldErrors();
    String r = TextRules.requiredLine(in.reason(), "reason", 500, errors);
    Integer version = TextRules.required(in.version(), "version", errors);
    errors.throwIfAny();
    return new Cancel(r, version);
  }

  /** The longest card sold at once: three years and a leap day. */
  static final int CARD_MAX_DAYS = 3 * 366;

  static final Set<String> LISTS = Set.of("white", "black");

  /** A card's terms: the holder's name may come from the resident {@code personId} instead. */
  record Card(
      long lotId,
      String plate,
      Long personId,
      String holderName,
      String holderPhone,
      LocalDate firstDay,
      LocalDate lastDay,
      String note) {}

  static Card card(CardInput in) {
    FieldErrors errors = new FieldErrors();
    Long lotId = TextRules.required(in.lotId(), "lotId", errors);
    String plate = Plates.plate(in.plate(), "plate", errors);
    String name =
        in.personId() == null
            ? TextRules.requiredLine(in.holderName(), "holderName", 100, errors)
            : TextRules.optionalLine(in.holderName(), "holderName", 100, errors);
    String phone = phone(in.holderPhone(), errors);
    LocalDate first = day(in.firstDay(), "firstDay", errors);
    LocalDate last = day(in.lastDay(), "lastDay", errors);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        errors.add("lastDay", TEXTS.text("card.days-order"));
      } else if (ChronoUnit.DAYS.between(first, last) >= CARD_MAX_DAYS) {
        errors.add("lastDay", TEXTS.text("card.days-max", CARD_MAX_DAYS));
      }
    }
    String note = TextRules.optionalLine(in.note(), "note", 500, errors);
    errors.throwIfAny();
    return new Card(lotId, plate, in.personId(), name, phone, first, last, note);
  }

  /** A list entry's terms; {@code lotId} null for every lot. */
  record ListEntry(String list, String plate, Long lotId, String reason, Instant expiresAt) {}

  static ListEntry listEntry(ListEntryInput in, Instant now) {
    FieldErrors errors = new FieldErrors();
    String list = TextRules.trimToNull(in.list());
    if (list == null) {
      errors.add("list", TextRules.IS_REQUIRED);
    } else if (!LISTS.contains(list)) {
      errors.add("list", TEXTS.text("rules.one-of", TextRules.quote(list), "white, black"));
    }
    String plate = Plates.plate(in.plate(), "plate", errors);
    String reason = TextRules.requiredLine(in.reason(), "reason", 500, errors);
    Instant expires =
        in.expiresAt() == null ? null : in.expiresAt().toInstant().truncatedTo(ChronoUnit.MICROS);
    if (expires != null
        && (!expires.isAfter(now)
            || expires.isAfter(LAST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))) {
      errors.add("expiresAt", TEXTS.text("list.expiry", LAST_DAY));
    }
    errors.throwIfAny();
    return new ListEntry(list, plate, in.lotId(), reason, expires);
  }

  private static LocalDate day(LocalDate day, String field, FieldErrors errors) {
    TextRules.required(day, field, errors);
    if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
      errors.add(field, TEXTS.text("rules.start-range", FIRST_DAY, LAST_DAY));
      return null;
    }
    return day;
  }

  /** An optional phone number of a holder, field {@code holderPhone}. */
  static String phone(String raw, FieldErrors errors) {
    String p = TextRules.optionalLine(raw, "holderPhone", 32, errors);
    if (p != null && !Pattern.matches("\\+?[0-9][0-9 -]{2,30}", p)) {
      errors.add("holderPhone", TEXTS.text("rules.phone"));
    }
    return p;
  }

  static final Set<String> CARD_STATES = Set.of("active", "cancelled");

  /** A plate to look for, as typed: null when absent, 400 when longer than any plate written. */
  static String plateFilter(String raw) {
    String v = TextRules.trimToNull(raw);
    if (v != null && v.length() > 32) {
      throw Params.invalid(TEXTS.text("rules.filter", "plate", TextRules.quote(v)));
    }
    return v;
  }

  /** A query parameter that must be one of {@code allowed}: null when absent, else 400. */
  static String filter(String name, String raw, Set<String> allowed) {
    String v = TextRules.trimToNull(raw);
    if (v != null && !allowed.contains(v)) {
      throw Params.invalid(TEXTS.text("rules.filter", name, TextRules.quote(v)));
    }
    return v;
  }

  static String code(String raw, String field, FieldReport errors) {
    String v = TextRules.trimToNull(raw);
    if (v == null) {
      errors.add(field, TextRules.IS_REQUIRED);
      return null;
    }
    if (!CODE.matcher(v).matches()) {
      errors.add(field, TEXTS.text("rules.code", TextRules.quote(v)));
      return null;
    }
    return v;
  }

  static Integer level(Integer level, FieldReport errors) {
    if (level != null && (level == 0 || level < -10 || level > 20)) {
      errors.add("level", TEXTS.text("rules.level"));
      return null;
    }
    return level;
  }

  static String oneOf(
      String raw, String field, Set<String> allowed, String otherwise, FieldReport errors) {
    String v = TextRules.trimToNull(raw);
    if (v == null) {
      if (otherwise == null) {
        errors.add(field, TextRules.IS_REQUIRED);
      }
      return otherwise;
    }
    if (!allowed.contains(v)) {
      errors.add(
          field,
          TEXTS.text(
              "rules.one-of",
              TextRules.quote(v),
              String.join(", ", allowed.stream().sorted().toList())));
      return null;
    }
    return v;
  }
}
