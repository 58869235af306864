package org.courtyard.estate.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A building (楼栋) of an estate. */
@Entity
@Table(name = "building")
public class Building {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "estate_id", nullable = false, updatable = false)
  private long estateId;

  @Column(name = "code", nullable = false, length = 32)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "floors")
  private Integer floors;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "updated_at", nullable = false)
  private Timestamp updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Building() {}

  public Building(long estateId, String code, String name, Integer floors, Instant now) {
    this.estateId = estateId;
    this.code = code;
    this.name = name;
    this.floors = floors;
    this.createdAt = Timestamp.from(now);
    this.updatedAt = this.createdAt;
  }

  public void update(String code, String name, Integer floors, Instant now) {
    this.code = code;
    this.name = name;
    this.floors = floors;
    this.updatedAt = Timestamp.from(now);
  }

  public Long getId() {
    return id;
  }

  public long getEstateId() {
    return estateId;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Integer getFloors() {
    return floors;
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
}
