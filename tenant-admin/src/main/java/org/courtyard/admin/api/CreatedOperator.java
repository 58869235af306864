package org.courtyard.admin.api;

/** Answer of creating an operator account: its first password is shown once and never again. */
public record CreatedOperator(OperatorAccount account, String password) {}
