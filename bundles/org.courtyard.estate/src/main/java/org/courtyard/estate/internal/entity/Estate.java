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

/** An estate or residential compound (小区), the root of the base data. */
@Entity
@Table(name = "estate")
public class Estate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, length = 32)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "address", length = 200)
  private String address;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "updated_at", nullable = false)
  private Timestamp updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Estate() {}

  public Estate(String code, String name, String address, Instant now) {
    this.code = code;
    this.name = name;
    this.address = address;
    this.createdAt = Timestamp.from(now);
    this.updatedAt = this.createdAt;
  }

  public void update(String code, String name, String address, Instant now) {
    this.code = code;
    this.name = name;
    this.address = address;
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

  public String getAddress() {
    return address;
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
