package org.courtyard.admin.property.billing;

import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.Page;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.ui.Errors;

/**
 * Lazy grid data from a billing list: the API's refusal (an invalid filter, a lost permission) is
 * shown as its problem and the grid stays empty, instead of failing the grid's data request.
 */
final class Pages {

  private Pages() {}

  static <T> CursorDataProvider<T> of(TenantApi api, String path, Class<T> type) {
    return new CursorDataProvider<>(
        q -> {
          try {
            return api.page(path, q, type);
          } catch (ApiProblem | ApiUnreachable e) {
            Errors.show(e);
            return new Page<>(List.of(), null);
          }
        },
        CursorDataProvider.DEFAULT_PAGE_SIZE);
  }
}
