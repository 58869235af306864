package org.courtyard.residents.internal.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a person relates to a room; sent and stored as the lower-case {@link #value()}. */
public enum OccupancyRole {
  /** 业主: holds the property, possibly a share of it. */
  OWNER,
  /** 住户: lives there, e.g. on the owner's behalf. */
  OCCUPANT,
  /** 租户: rents the room. */
  TENANT,
  /** 家属: a family member of an owner or tenant. */
  FAMILY;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OccupancyRole> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip();
    return Arrays.stream(values()).filter(r -> r.value().equalsIgnoreCase(wanted)).findFirst();
  }

  /** "owner, occupant, tenant, family", for messages. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(OccupancyRole::value).collect(Collectors.joining(", "));
  }
}
