package org.courtyard.messaging.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.courtyard.messaging.MessageChannel;

/**
 * The channels that are registered now, in the order {@link org.courtyard.messaging.Messages}
 * prefers them: highest {@code service.ranking} first, then the oldest service (lowest {@code
 * service.id}), as OSGi orders services.
 */
final class Channels {

  private record Entry(MessageChannel channel, int ranking, long serviceId) {}

  private static final Comparator<Entry> PREFERRED =
      Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::serviceId);

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  void add(MessageChannel channel, int ranking, long serviceId) {
    entries.add(new Entry(channel, ranking, serviceId));
  }

  void remove(MessageChannel channel) {
    entries.removeIf(e -> e.channel() == channel);
  }

  /** The channel a message to an address of {@code kind} goes through now. */
  Optional<MessageChannel> first(String kind) {
    return reaching(kind).stream().findFirst();
  }

  List<MessageChannel> reaching(String kind) {
    List<Entry> matching = new ArrayList<>();
    for (Entry e : entries) {
      if (e.channel().reaches().contains(kind)) {
        matching.add(e);
      }
    }
    matching.sort(PREFERRED);
    return matching.stream().map(Entry::channel).toList();
  }
}
