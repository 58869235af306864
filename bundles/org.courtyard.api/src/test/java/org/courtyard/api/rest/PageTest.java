package org.courtyard.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void theRowReadBeyondTheLimitSaysAnotherPageFollowsAndIsNotShown() {
    Page<Long> page = Page.byId(List.of(7L, 8L, 9L), 2, Long::longValue);
    assertThat(page.items).containsExactly(7L, 8L);
    assertThat(Cursor.decode(page.nextCursor)).isEqualTo(8L);
  }

  @Test
  void theLastPageHasNoCursor() {
    Page<String> page = Page.byId(List.of(3L, 4L), 2, id -> "#" + id, Long::longValue);
    assertThat(page.items).containsExactly("#3", "#4");
    assertThat(page.nextCursor).isNull();
  }

  @Test
  void aListInAnotherOrderNamesItsOwnCursor() {
    Page<String> page = Page.of(List.of("b", "a", "c"), 1, row -> "after:" + row);
    assertThat(page.items).containsExactly("b");
    assertThat(page.nextCursor).isEqualTo("after:b");
  }
}
