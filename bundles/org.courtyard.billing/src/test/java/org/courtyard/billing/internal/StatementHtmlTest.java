package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementHtmlTest {

  @Test
  void markupInDataIsEscaped() {
    assertThat(StatementHtml.esc("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(StatementHtml.esc(null)).isEmpty();
  }
}
