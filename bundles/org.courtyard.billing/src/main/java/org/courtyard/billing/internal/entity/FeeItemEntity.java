package org.courtyard.billing.internal.entity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A fee item (收费项目) as stored; the values are checked by the service and the table's CHECKs. */
@Entity
@Table(name = "fee_item")
public class FeeItemEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, length = 32)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "kind", nullable = false, length = 16, updatable = false)
  private String kind;

  @Column(name = "unit_price", nullable = false, precision = 12, scale = 4)
  private BigDecimal unitPrice;

  @Column(name = "applies_to_types", nullable = false, length = 100)
  private String appliesToTypes;

  @Column(name = "cycle", nullable = false, length = 16)
  private String cycle;

  @Column(name = "rounding_scale", nullable = false)
  private int roundingScale;

  @Column(name = "rounding_mode", nullable = false, length = 8)
  private String roundingMode;

  @Column(name = "effective_from", nullable = false)
  private LocalDate effectiveFrom;

  @Column(name = "effective_to")
  private LocalDate effectiveTo;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "updated_at", nullable = false)
  private Timestamp updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  /** Metered items only: water, electricity or gas; null for the other kinds. */
  @Column(name = "meter_type", length = 16, updatable = false)
  private String meterType;

  /** Metered items only: the tariff tiers in ascending upper bound; empty for the other kinds. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "fee_tier", joinColumns = @JoinColumn(name = "fee_item_id"))
  @OrderColumn(name = "seq")
  private List<FeeTierEmbeddable> tiers = new ArrayList<>();

  protected FeeItemEntity() {}

  public FeeItemEntity(String kind, Instant now) {
    this(kind, null, now);
  }

  /**
   * @param meterType the meter type a metered item charges; null for the other kinds
   */
  public FeeItemEntity(String kind, String meterType, Instant now) {
    this.kind = kind;
    this.meterType = meterType;
    this.createdAt = Timestamp.from(now);
    this.updatedAt = this.createdAt;
  }

  public void set(
      String code,
      String name,
      BigDecimal unitPrice,
      String appliesToTypes,
      String cycle,
      int roundingScale,
      String roundingMode,
      LocalDate effectiveFrom,
      LocalDate effectiveTo,
      Instant now) {
    this.code = code;
    this.name = name;
    this.unitPrice = unitPrice;
    this.appliesToTypes = appliesToTypes;
    this.cycle = cycle;
    this.roundingScale = roundingScale;
    this.roundingMode = roundingMode;
    this.effectiveFrom = effectiveFrom;
    this.effectiveTo = effectiveTo;
    this.updatedAt = Timestamp.from(now);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getKind() {
    return kind;
  }

  public BigDecimal getUnitPrice() {
    return unitPrice;
  }

  public String getAppliesToTypes() {
    return appliesToTypes;
  }

  public String getCycle() {
    return cycle;
  }

  public int getRoundingScale() {
    return roundingScale;
  }

  public String getRoundingMode() {
    return roundingMode;
  }

  public LocalDate getEffectiveFrom() {
    return effectiveFrom;
  }

  public LocalDate getEffectiveTo() {
    return effectiveTo;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }

  public int getVersion() {
    return version;
  }

  public String getMeterType() {
    return meterType;
  }

  public List<FeeTierEmbeddable> getTiers() {
    return List.copyOf(tiers);
  }

  /** Replaces the tariff tiers, in ascending upper bound. */
  public void setTiers(List<FeeTierEmbeddable> tiers) {
    this.tiers.clear();
    this.tiers.addAll(tiers);
  }
}
