package org.courtyard.tenancy.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.OperatorAccount;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;

/**
 * The operator accounts beyond the first: owners and read-only support staff, created with a random
 * password shown once, disabled at once (their cached credential forgotten, their sessions ended).
 * At least one active owner always remains. Roles are remembered per node for the request path and
 * forgotten on every change.
 */
final class OperatorRoster {

  private static final Texts TEXTS = Texts.of(OperatorRoster.class);

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
      errors.add("username", TEXTS.text("operator.username"));
    }
    if (!OperatorAccount.OWNER.equals(role) && !OperatorAccount.SUPPORT.equals(role)) {
      errors.add("role", TEXTS.text("operator.role"));
    }
    errors.throwIfAny();
    String password = passwords.randomPassword();
    if (!read(() -> registry.createOperator(username, hasher.hash(password), role))) {
      throw Problems.duplicate(TEXTS.text("operator.exists", username));
    }
    roles.remove(username);
    return password;
  }

  OperatorAccount setActive(String username, boolean active) {
    int changed = read(() -> registry.setOperatorStatus(username, active ? "active" : "disabled"));
    if (changed == 0) {
      throw Problems.notFound(TEXTS.text("label.operator"), username);
    }
    if (changed < 0) {
      throw TEXTS.problem(409, "last-owner", "operator.last-owner", username);
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
