package org.courtyard.admin.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.contract.FakeExampleArea;
import org.courtyard.admin.contract.FakeTenantApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CursorDataProviderTest {

  record Row(long id, String name) {}

  static FakeTenantApi fake;
  static TenantApi api;

  @BeforeAll
  static void start() {
    fake = FakeTenantApi.start();
    fake.staff("acme", "admin", "pw-Admin-1").grant("administrator");
    api = TenantApi.signIn(fake.baseUrl(), "acme", "admin", "pw-Admin-1", null);
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  private static List<Row> rows(CursorDataProvider<Row> p, int offset, int limit) {
    return p.fetch(new Query<>(offset, limit, List.of(), null, null)).toList();
  }

  @Test
  void theGridsOffsetsBecomeCursorPagesFetchedOnce() {
    CursorDataProvider<Row> p = CursorDataProvider.of(api, "example/rows", Row.class);

    assertThat(rows(p, 0, 50)).extracting(Row::id).startsWith(1L, 2L).hasSize(50);
    assertThat(p.fetches()).isEqualTo(1);
    assertThat(rows(p, 50, 50).get(0).id()).isEqualTo(51);
    assertThat(p.fetches()).isEqualTo(2);
    assertThat(rows(p, 25, 50)).extracting(Row::id).startsWith(26L).endsWith(75L);
    assertThat(p.fetches()).isEqualTo(2);
  }

  @Test
  void aJumpWalksThePagesBetweenOnceAndNeverLoadsEverything() {
    CursorDataProvider<Row> p = CursorDataProvider.of(api, "example/rows", Row.class);

    assertThat(rows(p, 500, 50).get(0).id()).isEqualTo(501);
    assertThat(p.fetches()).isEqualTo(11);
    assertThat(rows(p, 950, 100)).hasSize(50);
    assertThat(p.fetches()).isLessThanOrEqualTo(21);
    assertThat(rows(p, 1000, 50)).isEmpty();
    assertThat(rows(p, 200, 50).get(0).id()).isEqualTo(201);
    assertThat(p.fetches()).isLessThan(FakeExampleArea.ROWS / 50 + 2);
  }

  @Test
  void sortAndFiltersGoToTheApi() {
    CursorDataProvider<Row> p = CursorDataProvider.of(api, "example/rows", Row.class);
    p.setFilter(Map.of("q", "row 00"));
    List<Row> sorted =
        p.fetch(
                new Query<>(
                    0,
                    50,
                    List.of(new QuerySortOrder("name", SortDirection.DESCENDING)),
                    null,
                    null))
            .toList();

    assertThat(sorted.get(0).name()).isEqualTo("row 0099");
    assertThat(sorted).hasSize(50);
  }
}
