package org.courtyard.admin.contract;

/**
 * Where a {@link TenantApiContract} runs: {@link FakeTenantApi} in tenant-admin's tests, or the
 * real platform started from the distribution (tenant-admin/e2e). It makes the company and the
 * staff members a contract needs.
 */
public interface TenantTarget {

  /** The API root, e.g. {@code http://127.0.0.1:8181/api/v1}. */
  String baseUrl();

  /**
   * A new staff member of the contract's company with {@code role} (a role template's code: {@code
   * administrator}, {@code project_manager}, {@code cashier}, {@code guard}, {@code auditor}) over
   * the whole company.
   */
  StaffAccount newStaff(String role);

  /** A sign-in: company, user name, password. */
  record StaffAccount(String tenant, String username, String password) {}
}
