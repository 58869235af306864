package org.courtyard.billing.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** The tenant's one row of billing settings (id 1, created by the migration). */
@Entity
@Table(name = "billing_settings")
public class SettingsEntity {

  public static final short ID = 1;

  @Id
  @Column(name = "id")
  private short id;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "grace_days", nullable = false)
  private int graceDays;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected SettingsEntity() {}

  public void set(String currency, int graceDays, String timeZone) {
    this.currency = currency;
    this.graceDays = graceDays;
    this.timeZone = timeZone;
  }

  public String getCurrency() {
    return currency;
  }

  public int getGraceDays() {
    return graceDays;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public int getVersion() {
    return version;
  }
}
