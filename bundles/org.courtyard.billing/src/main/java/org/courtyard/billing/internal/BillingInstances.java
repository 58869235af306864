package org.courtyard.billing.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.billing.PeriodCharge;
import org.courtyard.billing.PeriodCharges;
import org.courtyard.billing.internal.dto.PersonStatementView;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What billing's REST resources share: the caller's {@link BillingTenant}, found by the tenant of
 * the verified credential only, and the residents module while it is there (per-vehicle fees and
 * resident statements need it; everything else works without it).
 */
@Component(service = BillingInstances.class)
public final class BillingInstances {

  private static final Texts TEXTS = Texts.of(BillingInstances.class);

  private static final String RESIDENTS = "residents";

  private final TenantInstances<BillingTenant> tenants =
      new TenantInstances<>(BillingTenant.class, BillingModule.ID);

  /** The residents module's read API while the residents bundle is installed; null otherwise. */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile ResidentsPort residents;

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(BillingTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(BillingTenant instance) {
    tenants.unbind(instance);
  }

  /** What other modules charge rooms every period, asked by each billing run. */
  private final List<PeriodCharges> periodCharges = new CopyOnWriteArrayList<>();

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindPeriodCharges")
  void bindPeriodCharges(PeriodCharges charges) {
    periodCharges.add(charges);
  }

  void unbindPeriodCharges(PeriodCharges charges) {
    periodCharges.remove(charges);
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  /** The caller's billing instance; 404 {@code module-not-enabled} without one. */
  BillingTenant of(SecurityContext security) {
    return tenants.require(TenantPrincipal.of(security));
  }

  /** Whether the tenant has a running billing instance. */
  boolean enabled(TenantSlug tenant) {
    return tenants.find(tenant) != null;
  }

  /** The tenant's billing instance; 404 {@code module-not-enabled} without one. */
  BillingTenant require(TenantSlug tenant) {
    return tenants.require(tenant);
  }

  boolean residentsEnabled(TenantSlug tenant) {
    ResidentsPort port = residents;
    return port != null && port.enabled(tenant);
  }

  /** What a billing run asks for each batch of rooms while it has per_vehicle fees to charge. */
  Map<Long, Integer> vehicleCounts(TenantSlug tenant, List<String> feeCodes, List<Long> roomIds) {
    ResidentsPort port = residents;
    if (port == null || !port.enabled(tenant)) {
      throw moduleRequired(tenant, feeCodes, TEXTS.text("module-required.post-again"));
    }
    return port.vehicleCounts(tenant, roomIds);
  }

  /**
   * What the other modules charge these rooms as of the period, each answer checked: a charge
   * billing cannot book (no reference, an unusable fee code, a text that is empty or too long, an
   * amount not positive, too large or with more than two places) fails the run naming the module,
   * rather than billing part of it.
   */
  List<ModuleLines.Charge> periodCharges(TenantSlug tenant, YearMonth period, List<Long> roomIds) {
    List<ModuleLines.Charge> out = new ArrayList<>();
    for (PeriodCharges module : periodCharges) {
      Map<Long, List<PeriodCharge>> answer = module.charges(tenant, period, roomIds);
      if (answer == null) {
        continue;
      }
      for (Map.Entry<Long, List<PeriodCharge>> e : answer.entrySet()) {
        for (PeriodCharge line : e.getValue() == null ? List.<PeriodCharge>of() : e.getValue()) {
          String wrong = ModuleLines.wrong(line);
          if (wrong != null) {
            throw TEXTS.problem(
                422,
                "period-charge-refused",
                "period-charge.refused",
                module.source(),
                e.getKey(),
                wrong);
          }
          out.add(new ModuleLines.Charge(module.source(), e.getKey(), line));
        }
      }
    }
    return out;
  }

  /**
   * The statement of a resident: the person's current rooms (as owner, occupant, tenant or family,
   * from the residents module), each with its room statement, and the totals. A caller of some
   * estates or buildings sees the person's rooms there only, and the totals over those; a person
   * with none there is, for them, a person that does not exist.
   *
   * @throws ProblemException 404 {@code module-not-enabled} without residents, 404 {@code
   *     not-found} for an unknown person or one without a current room in scope
   */
  PersonStatementView personStatement(
      BillingTenant instance, TenantSlug tenant, long personId, DataScope scope) {
    ResidentsPort port = residents;
    if (port == null) {
      throw TEXTS.problem(
          404, "module-not-enabled", "tenant-instances.not-enabled", RESIDENTS, tenant);
    }
    ResidentsPort.Resident resident =
        port.resident(tenant, personId)
            .flatMap(
                r ->
                    scope.isAll()
                        ? Optional.of(r)
                        : PersonStatements.within(
                            r, room -> instance.reports().covers(room, scope)))
            .orElseThrow(() -> Problems.notFound(TEXTS.text("label.person"), personId));
    String currency = instance.catalog().settings().currency();
    Instant now = Instant.now();
    return PersonStatements.assemble(
        resident,
        currency,
        roomId -> {
          try {
            return instance.reports().statement(roomId, scope);
          } catch (ProblemException e) {
            // a room estate no longer has and billing never billed: nothing to show, not a 404
            if (e.status() == 404 && "not-found".equals(e.type())) {
              return PersonStatements.empty(roomId, currency, now);
            }
            throw e;
          }
        },
        now);
  }

  /**
   * 409: fee items of a kind that needs the residents module, which the tenant has not enabled.
   *
   * @param hint what the caller can do about it
   */
  static ProblemException moduleRequired(TenantSlug tenant, List<String> feeCodes, Text hint) {
    String items = String.join(", ", feeCodes.stream().map(TextRules::shorten).toList());
    Map<String, Object> extensions = Map.of("module", RESIDENTS, "feeItems", List.copyOf(feeCodes));
    return feeCodes.size() == 1
        ? TEXTS.problem(
            409, "module-required", extensions, "module-required.one", items, tenant, hint)
        : TEXTS.problem(
            409, "module-required", extensions, "module-required.many", items, tenant, hint);
  }
}
