package org.courtyard.broker.internal;

import io.moquette.BrokerConstants;
import io.moquette.broker.ISessionsRepository;
import io.moquette.persistence.H2Builder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moquette's H2 store as a killed broker leaves it, made usable before the broker starts on it. Two
 * things go wrong after a SIGKILL, a power cut or the OOM killer (both measured):
 *
 * <ul>
 *   <li>Moquette 0.17 saves a persistent session without an expiry instant while its client is
 *       connected and gives it one only when it stops cleanly ({@code SessionRegistry.close}). At
 *       start it refuses a store holding such a session ("Can't track for expiration a session
 *       without expiry instant") and does not start at all: the embedded broker would stay down
 *       until someone deleted its data, and with it the gateway's subscriptions and what was queued
 *       for it.
 *   <li>H2's MVStore 2.1.212 reads such a file correctly, but once it has written to it and closed
 *       it, the next open can find only an early version: it reused the block of a chunk it had
 *       freed while its layout still listed that chunk. Sessions, subscriptions and queued messages
 *       of every later version were gone.
 * </ul>
 *
 * <p>So when the store was not closed cleanly, {@link #recover} copies everything in it, as read,
 * into a fresh file ({@link MVStoreTool#compact}), and then gives each session without an expiry
 * the one Moquette's own clean stop would have given it, through Moquette's own store classes.
 */
final class MoquetteStore {

  private static final Logger LOG = LoggerFactory.getLogger(MoquetteStore.class);

  private MoquetteStore() {}

  /**
   * Makes the store under {@code data} usable if it was not closed cleanly; leaves a cleanly closed
   * store (or none) alone.
   *
   * @return how many persistent sessions were given an expiry: 0 after a clean stop or on a new
   *     store
   */
  static int recover(Path data) {
    Path file = data.resolve(BrokerConstants.DEFAULT_MOQUETTE_STORE_H2_DB_FILENAME);
    if (!Files.exists(file)) {
      return 0;
    }
    try {
      if (closedCleanly(file)) {
        return 0;
      }
      Path fresh = data.resolve(file.getFileName() + ".recovered");
      Files.deleteIfExists(fresh);
      MVStoreTool.compact(file.toString(), fresh.toString(), false);
      Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Sessions sessions = expireLikeACleanStop(data);
      LOG.warn(
          "The embedded MQTT broker was not stopped cleanly (Karaf killed?): its store was"
              + " recovered with {} persistent session(s), {} of them given the expiry a clean"
              + " stop gives; QoS 1 messages it acknowledged shortly before may be lost",
          sessions.kept(),
          sessions.expired());
      return sessions.expired();
    } catch (IOException | RuntimeException e) {
      // Moquette reports an unreadable store itself when it opens it
      LOG.error("The embedded MQTT broker's store {} could not be recovered", file, e);
      return 0;
    }
  }

  private static boolean closedCleanly(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      return "1".equals(String.valueOf(store.getStoreHeader().get("clean")));
    } finally {
      store.close();
    }
  }

  /** The persistent sessions in a recovered store, and how many of them were given an expiry. */
  private record Sessions(int kept, int expired) {}

  private static Sessions expireLikeACleanStop(Path data) {
    ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    try {
      // the builder schedules its periodic commit on the executor; closing the store commits
      H2Builder store = new H2Builder(unused, data, 3_600, Clock.systemUTC()).initStore();
      int all = 0;
      int expired = 0;
      try {
        ISessionsRepository sessions = store.sessionsRepository();
        for (ISessionsRepository.SessionData session : sessions.list()) {
          all++;
          if (session.expireAt().isEmpty()) {
            sessions.saveSession(session.withExpirationComputed());
            expired++;
          }
        }
      } finally {
        store.closeStore();
      }
      return new Sessions(all, expired);
    } finally {
      unused.shutdownNow();
    }
  }
}
