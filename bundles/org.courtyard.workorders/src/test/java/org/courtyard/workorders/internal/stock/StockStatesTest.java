package org.courtyard.workorders.internal.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.courtyard.workorders.internal.lifecycle.OrderState;
import org.junit.jupiter.api.Test;

/**
 * The states the stock allows material in are the lifecycle's own codes: a state renamed there and
 * not here would silently refuse every use.
 */
class StockStatesTest {

  @Test
  void materialIsGivenBackInTheOpenStatesAndUsedOnceATechnicianTookTheOrder() {
    assertThat(StockOrder.OPEN_STATES)
        .containsExactlyElementsOf(
            Arrays.stream(OrderState.values())
                .filter(OrderState::open)
                .map(OrderState::code)
                .toList());
    assertThat(StockOrder.USE_STATES)
        .containsExactly(
            OrderState.ACCEPTED.code(), OrderState.IN_PROGRESS.code(), OrderState.PAUSED.code());
  }
}
