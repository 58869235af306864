package org.courtyard.residents.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A person the property company deals with: an owner (业主), a renter, a family member. {@code phone}
 * is stored normalised ({@code +8613812345678}); several persons may share one, as families do.
 * {@code idType} holds the lower-case value of {@code IdType}.
 */
@Entity
@Table(name = "residents_person")
public class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "full_name", nullable = false, length = 100)
  private String fullName;

  @Column(name = "phone", nullable = false, length = 16)
  private String phone;

  @Column(name = "id_type", length = 16)
  private String idType;

  @Column(name = "id_number", length = 32)
  private String idNumber;

  @Column(name = "email", length = 254)
  private String email;

  @Column(name = "note", length = 1000)
  private String note;

  /**
   * Who recorded the person, as {@code ResidentScope} names callers; it lets them see the person
   * before a first occupancy places them in an estate. Null for persons recorded before #11.
   */
  @Column(name = "created_by", updatable = false, length = 100)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Timestamp createdAt;

  @Column(name = "updated_at", nullable = false)
  private Timestamp updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected Person() {}

  public Person(
      String fullName,
      String phone,
      String idType,
      String idNumber,
      String email,
      String note,
      String createdBy,
      Instant now) {
    this.fullName = fullName;
    this.phone = phone;
    this.idType = idType;
    this.idNumber = idNumber;
    this.email = email;
    this.note = note;
    this.createdBy = createdBy;
    this.createdAt = Timestamp.from(now);
    this.updatedAt = this.createdAt;
  }

  public void update(
      String fullName,
      String phone,
      String idType,
      String idNumber,
      String email,
      String note,
      Instant now) {
    this.fullName = fullName;
    this.phone = phone;
    this.idType = idType;
    this.idNumber = idNumber;
    this.email = email;
    this.note = note;
    this.updatedAt = Timestamp.from(now);
  }

  public Long getId() {
    return id;
  }

  public String getFullName() {
    return fullName;
  }

  public String getPhone() {
    return phone;
  }

  public String getIdType() {
    return idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getEmail() {
    return email;
  }

  public String getNote() {
    return note;
  }

  public String getCreatedBy() {
    return createdBy;
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
