package org.courtyard.security.internal;

import java.util.List;
import java.util.Locale;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.driver.DeviceRecord;

/**
 * What one tenant's devices reported, stored in one transaction: access decisions into the {@link
 * AccessLog} (a guard badging at a reader that is a patrol checkpoint also checks in, {@link
 * Patrols#badged}), alarms raised or, when a device says the condition ended, resolved ({@link
 * Alarms}). Other records are not the security module's.
 */
final class DeviceReports {

  private final Jdbc jdbc;
  private final AccessLog accessLog;
  private final Alarms alarms;
  private final Patrols patrols;

  DeviceReports(Jdbc jdbc, AccessLog accessLog, Alarms alarms, Patrols patrols) {
    this.jdbc = jdbc;
    this.accessLog = accessLog;
    this.alarms = alarms;
    this.patrols = patrols;
  }

  void store(List<DeviceEvent> events) {
    jdbc.transaction(
        c -> {
          try (AccessLog.Lines lines = accessLog.lines(c);
              Alarms.Reports raised = alarms.reports(c)) {
            for (DeviceEvent e : events) {
              if (e.record() instanceof DeviceRecord.AccessEvent a) {
                lines.add(e.deviceId(), a, e.receivedAt());
                String holder =
                    Credentials.holder(
                        c, a.credentialKind().name().toLowerCase(Locale.ROOT), a.credential());
                patrols.badged(c, e.deviceId() + ":" + a.door(), holder, a.at());
              } else if (e.record() instanceof DeviceRecord.Alarm a) {
                raised.report(e.deviceId(), a);
              }
            }
            lines.flush();
          }
          return null;
        });
  }
}
