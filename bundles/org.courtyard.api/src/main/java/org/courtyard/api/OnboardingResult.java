package org.courtyard.api;

/** A newly created tenant and its first admin API token, which is shown exactly once. */
public final class OnboardingResult {
  public final Tenant tenant;
  public final String adminToken;

  public OnboardingResult(Tenant tenant, String adminToken) {
    this.tenant = tenant;
    this.adminToken = adminToken;
  }
}
