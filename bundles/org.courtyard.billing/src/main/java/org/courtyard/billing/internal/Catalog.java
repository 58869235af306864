package org.courtyard.billing.internal;

import java.time.Clock;
import java.time.DateTimeException;
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
import org.courtyard.billing.internal.entity.SettingsEntity;

/**
 * Fee items (收费项目) and the tenant's billing settings, kept with JPA. Both belong to the whole
 * company: anyone who may read them reads them all (a cashier of one estate sees the fee items),
 * and only a caller holding the permission for the whole company changes them.
 */
final class Catalog {

  private static final Texts TEXTS = Texts.of(Catalog.class);

  static final Set<String> ROOM_TYPES = Set.of("residential", "commercial", "parking", "storage");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

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
    FeeItemRules.Checked c = FeeItemRules.check(in, null, null);
    requirements.accept(c.kind());
    return write(
        em -> {
          FeeItemEntity f =
              new FeeItemEntity(
                  c.kind().value(),
                  c.meterType() == null ? null : c.meterType().value(),
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
          FeeItemRules.Checked c =
              FeeItemRules.check(
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
