package org.courtyard.admin.property.modules;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.TenantApi;

/** The company's modules: {@code /tenant/modules}, enabled and disabled within the plan. */
public final class CompanyModulesClient {

  private static final TypeReference<List<CompanyModule>> LIST = new TypeReference<>() {};

  private final TenantApi api;

  public CompanyModulesClient(TenantApi api) {
    this.api = api;
  }

  public List<CompanyModule> list() {
    return api.get("tenant/modules", Map.of(), LIST);
  }

  /** Enables the module for the whole company; answers the module list after the change. */
  public List<CompanyModule> enable(String module) {
    return List.of(
        api.post("tenant/modules/" + TenantApi.segment(module), Map.of(), CompanyModule[].class));
  }

  /** Disables the module (its data is kept); answers the module list after the change. */
  public List<CompanyModule> disable(String module) {
    return List.of(
        api.delete("tenant/modules/" + TenantApi.segment(module), CompanyModule[].class));
  }
}
