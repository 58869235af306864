package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.billing.internal.calc.Cycle;
import org.courtyard.billing.internal.calc.FeeKind;
import org.courtyard.billing.internal.calc.FeeTerms;
import org.courtyard.billing.internal.calc.MeterType;
import org.courtyard.billing.internal.calc.Rounding;
import org.courtyard.billing.internal.calc.TieredTariff;
import org.courtyard.billing.internal.dto.FeeItemInput;
import org.courtyard.billing.internal.dto.FeeItemView;
import org.courtyard.billing.internal.dto.SettingsView;
import org.courtyard.billing.internal.dto.Tier;
import org.courtyard.billing.internal.entity.FeeItemEntity;
import org.courtyard.billing.internal.entity.FeeTierEmbeddable;
import org.courtyard.billing.internal.entity.SettingsEntity;

/**
 * Fee items (收费项目) and the tenant's billing settings, kept with JPA. Both belong to the whole
 * company: anyone who may read them reads them all (a cashier of one estate sees the fee items),
 * and only a caller holding the permission for the whole company changes them.
 */
final class Catalog {

  private static final Texts TEXTS = Texts.of(Catalog.class);

  static final Set<String> ROOM_TYPES = Set.of("residential", "commercial", "parking", "storage");
  private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
  private static final BigDecimal MAX_PRICE = new BigDecimal("99999999.9999");

  /**
   * A fee item ready for the calculator.
   *
   * @param metering what a metered item charges; null for the other kinds
   */
  record Fee(long id, String code, String name, FeeTerms terms, Metering metering) {}

  /** The meters a metered fee item charges the consumption of, and its tariff. */
  record Metering(MeterType meterType, TieredTariff tariff) {}

  /** The settings in force. */
  record Settings(String currency, int graceDays, ZoneId zone) {}

  private static final String MANAGE_FEE_ITEMS = "billing.fee-item.manage";

  private static final Text FEE_ITEM = TEXTS.text("label.fee-item");

  private final Transactions transactions;
  private final Clock clock;

  Catalog(Transactions transactions, Clock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  // ------------------------------------------------------------------------------- fee items

  Page<FeeItemView> list(long after, int limit) {
    return read(
        em -> {
          List<FeeItemEntity> rows =
              em.createQuery(
                      "SELECT f FROM FeeItemEntity f WHERE f.id > :after ORDER BY f.id",
                      FeeItemEntity.class)
                  .setParameter("after", after)
                  .setMaxResults(limit + 1)
                  .getResultList();
          List<FeeItemView> items = new ArrayList<>();
          for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(view(rows.get(i)));
          }
          String next = rows.size() > limit ? Cursor.encode(items.get(limit - 1).id()) : null;
          return new Page<>(items, next);
        });
  }

  FeeItemView get(long id) {
    return read(em -> view(find(em, id)));
  }

  /**
   * Creates a fee item once it is valid and {@code requirements} accepted its kind: the check of
   * another module a kind needs (per_vehicle: residents) runs after the fields are validated, so a
   * malformed item is a 422 whatever the tenant has enabled.
   *
   * @param requirements throws a {@code ProblemException} when the tenant cannot use the kind
   * @throws ProblemException 403 {@code outside-scope} for a caller not granted the whole company
   */
  FeeItemView create(FeeItemInput in, DataScope scope, Consumer<FeeKind> requirements) {
    Scopes.requireCompany(scope, MANAGE_FEE_ITEMS, TEXTS.text("scope.the-fee-items"));
    Checked c = check(in, null, null);
    requirements.accept(c.kind);
    return write(
        em -> {
          FeeItemEntity f =
              new FeeItemEntity(
                  c.kind.value(),
                  c.meterType == null ? null : c.meterType.value(),
                  clock.instant());
          c.apply(f, clock);
          em.persist(f);
          em.flush();
          return view(f);
        });
  }

  /**
   * @throws ProblemException 403 {@code outside-scope} for a caller not granted the company
   */
  FeeItemView update(long id, FeeItemInput in, DataScope scope) {
    Scopes.requireCompany(scope, MANAGE_FEE_ITEMS, TEXTS.text("scope.fee-item", id));
    return write(
        em -> {
          FeeItemEntity f = find(em, id);
          Checked c =
              check(
                  in,
                  FeeKind.parse(f.getKind()).orElseThrow(),
                  MeterType.parse(f.getMeterType()).orElse(null));
          if (in.version() == null) {
            throw Errors.invalid("version", TEXTS.text("field.version-required"));
          }
          if (in.version() != f.getVersion()) {
            throw Problems.staleVersion(FEE_ITEM, id, f.getVersion(), in.version());
          }
          c.apply(f, clock);
          em.flush();
          return view(f);
        });
  }

  /** Every fee item billing runs charge (area, fixed, metered and per_vehicle), in id order. */
  List<Fee> periodicFees() {
    return read(
        em ->
            em
                .createQuery(
                    "SELECT f FROM FeeItemEntity f WHERE f.kind <> :oneOff ORDER BY f.id",
                    FeeItemEntity.class)
                .setParameter("oneOff", FeeKind.ONE_OFF.value())
                .getResultList()
                .stream()
                .map(Catalog::fee)
                .toList());
  }

  Fee fee(long id) {
    return read(em -> fee(find(em, id)));
  }

  // -------------------------------------------------------------------------------- settings

  Settings settings() {
    return read(
        em -> {
          SettingsEntity s = em.find(SettingsEntity.class, SettingsEntity.ID);
          return new Settings(s.getCurrency(), s.getGraceDays(), ZoneId.of(s.getTimeZone()));
        });
  }

  SettingsView settingsView() {
    return read(em -> settingsView(em.find(SettingsEntity.class, SettingsEntity.ID)));
  }

  /**
   * @throws ProblemException 403 {@code outside-scope} for a caller not granted the company
   */
  SettingsView updateSettings(SettingsView in, DataScope scope) {
    Scopes.requireCompany(scope, "billing.settings.manage", TEXTS.text("scope.the-settings"));
    FieldErrors errors = new FieldErrors();
    if (in.currency() == null || !CURRENCY.matcher(in.currency()).matches()) {
      errors.add("currency", TEXTS.text("settings.currency"));
    }
    if (in.graceDays() == null || in.graceDays() < 0 || in.graceDays() > 365) {
      errors.add("graceDays", TEXTS.text("settings.grace-days"));
    }
    if (in.timeZone() == null || !validZone(in.timeZone())) {
      errors.add("timeZone", TEXTS.text("settings.time-zone"));
    }
    if (in.version() == null) {
      errors.add("version", TEXTS.text("field.version-required"));
    }
    errors.throwIfAny();
    return write(
        em -> {
          SettingsEntity s = em.find(SettingsEntity.class, SettingsEntity.ID);
          if (s.getVersion() != in.version()) {
            throw Problems.staleVersion(
                TEXTS.text("label.settings"), null, s.getVersion(), in.version());
          }
          s.set(in.currency(), in.graceDays(), in.timeZone());
          em.flush();
          return settingsView(s);
        });
  }

  private static SettingsView settingsView(SettingsEntity s) {
    return new SettingsView(s.getCurrency(), s.getGraceDays(), s.getTimeZone(), s.getVersion());
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  // -------------------------------------------------------------------------------- checking

  private record Checked(
      FeeKind kind,
      String code,
      String name,
      BigDecimal unitPrice,
      Set<String> types,
      Cycle cycle,
      int scale,
      Rounding rounding,
      LocalDate from,
      LocalDate to,
      MeterType meterType,
      List<TieredTariff.Tier> tiers) {

    void apply(FeeItemEntity f, Clock clock) {
      f.set(
          code,
          name,
          unitPrice,
          String.join(",", types),
          cycle.value(),
          scale,
          rounding.value(),
          from,
          to,
          clock.instant());
      f.setTiers(tiers.stream().map(t -> new FeeTierEmbeddable(t.upTo(), t.price())).toList());
    }
  }

  /**
   * @param storedKind the kind of the stored item on update (which cannot change), null on create
   * @param storedMeterType the meter type of a stored metered item (which cannot change either)
   */
  private static Checked check(FeeItemInput in, FeeKind storedKind, MeterType storedMeterType) {
    if (in == null) {
      throw Errors.missingBody();
    }
    FieldErrors errors = new FieldErrors();
    String code = in.code() == null ? null : in.code().strip();
    if (code == null || !CODE.matcher(code).matches()) {
      errors.add("code", TEXTS.text("fee-item.code"));
    }
    String name = in.name() == null ? null : in.name().strip();
    if (name == null
        || name.isEmpty()
        || name.length() > 100
        || name.chars().anyMatch(Character::isISOControl)) {
      errors.add("name", TEXTS.text("fee-item.name"));
    }
    FeeKind kind = null;
    if (in.kind() == null) {
      if (storedKind == null) {
        errors.add("kind", TEXTS.text("field.required-one-of", FeeKind.allowedValues()));
      }
      kind = storedKind;
    } else {
      kind = FeeKind.parse(in.kind()).orElse(null);
      if (kind == null) {
        errors.add("kind", TEXTS.text("field.one-of", FeeKind.allowedValues()));
      } else if (storedKind != null && kind != storedKind) {
        errors.add("kind", TEXTS.text("fee-item.cannot-change"));
      }
    }
    BigDecimal price = in.unitPrice();
    // a metered item's price comes from its tiers; unitPrice may be left out
    if (price == null
        ? kind != FeeKind.METERED
        : price.signum() < 0
            || price.compareTo(MAX_PRICE) > 0
            || price.stripTrailingZeros().scale() > 4) {
      errors.add("unitPrice", TEXTS.text("fee-item.unit-price"));
    }
    Set<String> types = new LinkedHashSet<>();
    if (in.appliesToTypes() != null) {
      for (String t : in.appliesToTypes()) {
        if (t == null || !ROOM_TYPES.contains(t)) {
          errors.add("appliesToTypes", TEXTS.text("fee-item.room-types"));
          break;
        }
        types.add(t);
      }
    }
    Cycle cycle = in.cycle() == null ? Cycle.MONTHLY : Cycle.parse(in.cycle()).orElse(null);
    if (cycle == null) {
      errors.add("cycle", TEXTS.text("field.one-of", Cycle.allowedValues()));
    }
    int scale = in.roundingScale() == null ? 2 : in.roundingScale();
    if (scale < 0 || scale > 4) {
      errors.add("roundingScale", TEXTS.text("fee-item.rounding-scale"));
    }
    Rounding rounding =
        in.roundingMode() == null
            ? Rounding.HALF_UP
            : Rounding.parse(in.roundingMode()).orElse(null);
    if (rounding == null) {
      errors.add("roundingMode", TEXTS.text("field.one-of", Rounding.allowedValues()));
    }
    if (in.effectiveFrom() == null) {
      errors.add("effectiveFrom", TEXTS.text("fee-item.effective-from"));
    } else if (in.effectiveTo() != null && in.effectiveTo().isBefore(in.effectiveFrom())) {
      errors.add("effectiveTo", TEXTS.text("fee-item.effective-to"));
    }
    MeterType meterType = null;
    List<TieredTariff.Tier> tiers = List.of();
    if (kind == FeeKind.METERED) {
      if (in.meterType() == null) {
        meterType = storedMeterType;
        if (meterType == null) {
          errors.add(
              "meterType", TEXTS.text("fee-item.meter-type-required", MeterType.allowedValues()));
        }
      } else {
        meterType = MeterType.parse(in.meterType()).orElse(null);
        if (meterType == null) {
          errors.add("meterType", TEXTS.text("field.one-of", MeterType.allowedValues()));
        } else if (storedMeterType != null && meterType != storedMeterType) {
          errors.add("meterType", TEXTS.text("fee-item.cannot-change"));
        }
      }
      List<TieredTariff.Tier> given =
          in.tiers() == null
              ? null
              : in.tiers().stream()
                  .map(t -> t == null ? null : new TieredTariff.Tier(t.upTo(), t.price()))
                  .toList();
      List<String> tierProblems = new ArrayList<>();
      TieredTariff.check(
          given,
          (field, message) -> {
            tierProblems.add(field);
            errors.add(field, message);
          });
      if (tierProblems.isEmpty()) {
        tiers =
            given.stream()
                .map(
                    t ->
                        new TieredTariff.Tier(
                            t.upTo() == null ? null : t.upTo().setScale(3), t.price().setScale(4)))
                .toList();
        if (price == null) {
          price = tiers.get(0).price();
        }
      }
      if (cycle != null && cycle != Cycle.MONTHLY) {
        errors.add("cycle", TEXTS.text("fee-item.metered-monthly"));
      }
    } else if (kind != null) {
      if (in.meterType() != null) {
        errors.add("meterType", TEXTS.text("fee-item.metered-only"));
      }
      if (in.tiers() != null) {
        errors.add("tiers", TEXTS.text("fee-item.metered-only"));
      }
    }
    errors.throwIfAny();
    return new Checked(
        kind,
        code,
        name,
        price.setScale(4),
        types,
        cycle,
        scale,
        rounding,
        in.effectiveFrom(),
        in.effectiveTo(),
        meterType,
        tiers);
  }

  private static Fee fee(FeeItemEntity f) {
    Metering metering = null;
    if (f.getMeterType() != null) {
      metering =
          new Metering(
              MeterType.parse(f.getMeterType()).orElseThrow(),
              new TieredTariff(
                  f.getTiers().stream()
                      .map(t -> new TieredTariff.Tier(t.getUpTo(), t.getPrice()))
                      .toList()));
    }
    return new Fee(
        f.getId(),
        f.getCode(),
        f.getName(),
        new FeeTerms(
            FeeKind.parse(f.getKind()).orElseThrow(),
            f.getUnitPrice(),
            types(f.getAppliesToTypes()),
            Cycle.parse(f.getCycle()).orElseThrow(),
            f.getRoundingScale(),
            Rounding.parse(f.getRoundingMode()).orElseThrow(),
            f.getEffectiveFrom(),
            f.getEffectiveTo()),
        metering);
  }

  private static Set<String> types(String stored) {
    return stored.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(stored.split(",")));
  }

  private static FeeItemView view(FeeItemEntity f) {
    return new FeeItemView(
        f.getId(),
        f.getCode(),
        f.getName(),
        f.getKind(),
        f.getUnitPrice(),
        List.copyOf(types(f.getAppliesToTypes())),
        f.getCycle(),
        f.getRoundingScale(),
        f.getRoundingMode(),
        f.getEffectiveFrom(),
        f.getEffectiveTo(),
        f.getCreatedAt(),
        f.getUpdatedAt(),
        f.getVersion(),
        f.getMeterType(),
        f.getMeterType() == null
            ? null
            : f.getTiers().stream().map(t -> new Tier(t.getUpTo(), t.getPrice())).toList());
  }

  private static FeeItemEntity find(EntityManager em, long id) {
    FeeItemEntity f = em.find(FeeItemEntity.class, id);
    if (f == null) {
      throw Problems.notFound(FEE_ITEM, id);
    }
    return f;
  }

  // ------------------------------------------------------------------------------------- JPA

  private <T> T read(Function<EntityManager, T> work) {
    return transactions.read(work);
  }

  /** A write whose unique violation can only be a fee item's code (settings has one row). */
  private <T> T write(Function<EntityManager, T> work) {
    return transactions.write(
        work,
        conflict ->
            conflict == Transactions.Conflict.DUPLICATE
                ? Problems.duplicate(TEXTS.text("fee-item.code-taken"))
                : null);
  }
}
