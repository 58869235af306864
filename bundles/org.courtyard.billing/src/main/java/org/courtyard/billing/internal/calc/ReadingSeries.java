package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The rules a new reading of a meter must meet, given what the meter read before. Readings only
 * ever get later, and, except for a replacement reading (a new physical meter starting from its own
 * value), never lower. A reading whose rise over the previous one is more than {@value #FACTOR} ×
 * the median of the meter's last {@value #WINDOW} positive rises (given at least {@value
 * #MIN_RISES} of them) is accepted but flagged implausible: a misread digit or a leak, for someone
 * to look at.
 *
 * <p>Stateful: each accepted reading becomes the one the next is judged against, which is how an
 * import file with several readings of one meter is checked in order.
 */
public final class ReadingSeries {

  /** Positive rises the median is taken over. */
  public static final int WINDOW = 6;

  /** Fewer positive rises than this, and nothing is flagged: too little history to judge. */
  public static final int MIN_RISES = 3;

  /** A rise above this multiple of the median is implausible. */
  public static final int FACTOR = 10;

  /** The verdict on one reading. */
  public sealed interface Verdict permits NotAfterLatest, Decreased, Accepted {}

  /** Refused: the meter has a reading at the same time or later. */
  public record NotAfterLatest(Consumption.Reading latest) implements Verdict {}

  /** Refused: lower than the previous reading, and not a replacement. */
  public record Decreased(Consumption.Reading previous) implements Verdict {}

  /**
   * Accepted.
   *
   * @param rise the rise over the previous reading; null for the meter's first reading and for a
   *     replacement reading
   * @param reason why the reading is implausible, null if it is not
   */
  public record Accepted(BigDecimal rise, boolean implausible, String reason) implements Verdict {}

  private Consumption.Reading latest;
  private final Deque<BigDecimal> rises = new ArrayDeque<>();

  /**
   * @param latest the meter's latest reading, null if it has none
   * @param recentRises the meter's last positive rises, oldest first (only the last {@value
   *     #WINDOW} are kept)
   */
  public ReadingSeries(Consumption.Reading latest, List<BigDecimal> recentRises) {
    this.latest = latest;
    recentRises.forEach(this::remember);
  }

  /**
   * The state after a meter's history.
   *
   * @param history the meter's latest readings, oldest first; enough of them to hold {@value
   *     #WINDOW} positive rises
   */
  public static ReadingSeries of(List<Consumption.Reading> history) {
    List<BigDecimal> rises = new ArrayList<>();
    for (int i = 1; i < history.size(); i++) {
      Consumption.Reading r = history.get(i);
      BigDecimal rise = r.value().subtract(history.get(i - 1).value());
      if (!r.replacement() && rise.signum() > 0) {
        rises.add(rise);
      }
    }
    return new ReadingSeries(history.isEmpty() ? null : history.get(history.size() - 1), rises);
  }

  public Consumption.Reading latest() {
    return latest;
  }

  /** Judges {@code next}; if it is accepted, it becomes the latest reading. */
  public Verdict offer(Consumption.Reading next) {
    if (latest != null && !next.readAt().isAfter(latest.readAt())) {
      return new NotAfterLatest(latest);
    }
    if (latest == null || next.replacement()) {
      latest = next;
      return new Accepted(null, false, null);
    }
    BigDecimal rise = next.value().subtract(latest.value());
    if (rise.signum() < 0) {
      return new Decreased(latest);
    }
    String reason = null;
    if (rises.size() >= MIN_RISES) {
      BigDecimal median = median(List.copyOf(rises));
      if (rise.compareTo(median.multiply(BigDecimal.valueOf(FACTOR))) > 0) {
        reason =
            "the rise of "
                + plain(rise)
                + " since the previous reading is more than "
                + FACTOR
                + " × the median "
                + plain(median)
                + " of the meter's last "
                + rises.size()
                + " rises";
      }
    }
    latest = next;
    if (rise.signum() > 0) {
      remember(rise);
    }
    return new Accepted(rise, reason != null, reason);
  }

  private void remember(BigDecimal rise) {
    rises.addLast(rise);
    while (rises.size() > WINDOW) {
      rises.removeFirst();
    }
  }

  /** The middle value, or the mean of the two middle values of an even count. */
  public static BigDecimal median(List<BigDecimal> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<BigDecimal> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    // exact: half of a sum of decimals terminates one place further
    BigDecimal sum = sorted.get(n / 2 - 1).add(sorted.get(n / 2));
    return sum.divide(BigDecimal.valueOf(2), sum.scale() + 1, RoundingMode.UNNECESSARY);
  }

  private static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
