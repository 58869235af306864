package org.courtyard.parking.internal.pay;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.TenantSlug;
import org.courtyard.billing.CounterIncome;
import org.courtyard.billing.PeriodCharge;
import org.courtyard.billing.PeriodCharges;
import org.courtyard.parking.internal.ParkingInstances;
import org.courtyard.parking.internal.RoomRents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Leases' rents and owned spaces' management fees on the rooms' bills of billing's runs ({@link
 * RoomRents} says which). The reference to billing's {@link CounterIncome} is there so DS creates
 * this component only while billing is installed, as for {@link BillingIncome}: it is how this
 * bundle knows the billing package can be loaded.
 */
@Component(service = PeriodCharges.class)
public final class BillingPeriodCharges implements PeriodCharges {

  static final String RENT_CODE = "PARKING-RENT";
  static final String RENT_NAME = "车位租金 Parking space rent";
  static final String FEE_CODE = "PARKING-MGMT";
  static final String FEE_NAME = "车位管理费 Parking space management fee";

  private final ParkingInstances parking;

  @Activate
  public BillingPeriodCharges(
      @Reference CounterIncome billingInstalled, @Reference ParkingInstances parking) {
    this.parking = parking;
  }

  @Override
  public String source() {
    return "parking";
  }

  @Override
  public Map<Long, List<PeriodCharge>> charges(
      TenantSlug tenant, YearMonth period, List<Long> roomIds) {
    Map<Long, List<PeriodCharge>> out = new LinkedHashMap<>();
    parking
        .rents(tenant, period, roomIds)
        .forEach(
            (room, rents) -> {
              List<PeriodCharge> lines = new ArrayList<>(rents.size());
              for (RoomRents.Rent r : rents) {
                String space = r.lotCode() + "-" + r.spaceNumber();
                lines.add(
                    "rent".equals(r.kind())
                        ? new PeriodCharge(
                            r.reference(),
                            RENT_CODE,
                            RENT_NAME,
                            "车位租金 Parking rent " + space + " " + r.from(),
                            r.amount())
                        : new PeriodCharge(
                            r.reference(),
                            FEE_CODE,
                            FEE_NAME,
                            "车位管理费 Parking space fee " + space + " " + YearMonth.from(r.from()),
                            r.amount()));
              }
              out.put(room, lines);
            });
    return out;
  }
}
