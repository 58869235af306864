package org.courtyard.admin.property.users;

/** The body of {@code POST /identity/users}: the first password is the console's, shown once. */
public record NewUser(
    String username, String displayName, String phone, String email, String password) {}
