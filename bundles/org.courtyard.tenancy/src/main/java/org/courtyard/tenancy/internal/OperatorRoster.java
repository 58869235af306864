package org.courtyard.tenancy.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;

/**
 * The operator accounts beyond the first: owners and read-only support staff, created with a random
 * password shown once, disabled at once (their cached credential forgotten, their sessions ended).
 * At least one active owner always remains. Roles are remembered per node for the request path and
 * forgotten on every change.
 */
final class OperatorRoster {

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9._-]{1,39}$");

  private final Registry registry;
  private final SecretHasher hasher;
  private final OperatorPassword passwords;
  private final Credentials credentials;
  private final OperatorSignIn sessions;
  private final Map<String, Optional<String>> roles = new ConcurrentHashMap<>();

  OperatorRoster(
      Registry registry,
      SecretHasher hasher,
      OperatorPassword passwords,
      Credentials credentials,
      OperatorSignIn sessions) {
    this.registry = registry;
    this.hasher = hasher;
    this.passwords = passwords;
    this.credentials = credentials;
    this.sessions = sessions;
  }

  List<OperatorAccount> list() {
    return read(registry::operators);
  }

  String create(String username, String role) {
    FieldErrors errors = new FieldErrors();
    if (username == null || !NAME.matcher(username).matches()) {
      errors.add(
          "username", "must be 2 to 40 lower-case letters, digits, dots, dashes or underscores");
    }
    if (!OperatorAccount.OWNER.equals(role) && !OperatorAccount.SUPPORT.equals(role)) {
      errors.add("role", "must be owner or support");
    }
    errors.throwIfAny();
    String password = passwords.randomPassword();
    if (!read(() -> registry.createOperator(username, hasher.hash(password), role))) {
      throw Problems.duplicate("An operator named '" + username + "' already exists.");
    }
    roles.remove(username);
    return password;
  }

  OperatorAccount setActive(String username, boolean active) {
    int changed = read(() -> registry.setOperatorStatus(username, active ? "active" : "disabled"));
    if (changed == 0) {
      throw Problems.notFound("Operator", username);
    }
    if (changed < 0) {
      throw ProblemException.conflict(
          "last-owner",
          "Last owner",
          "'" + username + "' is the last active owner; enable or create another owner first.");
    }
    roles.remove(username);
    credentials.forgetOperators();
    if (!active) {
      // the session lookup already requires an active account; the rows say why they ended
      sessions.revokeAll(username, "account disabled");
    }
    return list().stream().filter(o -> o.username().equals(username)).findFirst().orElseThrow();
  }

  Optional<String> role(String username) {
    return roles.computeIfAbsent(
        username,
        u ->
            list().stream()
                .filter(o -> o.username().equals(u) && "active".equals(o.status()))
                .map(OperatorAccount::role)
                .findFirst());
  }

  private interface Read<T> {
    T get() throws SQLException;
  }

  private static <T> T read(Read<T> read) {
    try {
      return read.get();
    } catch (SQLException e) {
      throw new IllegalStateException("reading or writing operator accounts failed", e);
    }
  }
}
