package org.courtyard.module.template.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.persistence.EntityManager;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jpa.Transactions;
import org.courtyard.api.jpa.Transactions.Conflict;
import org.courtyard.api.rest.Page;
import org.courtyard.module.template.internal.dto.NoteInput;
import org.courtyard.module.template.internal.dto.NoteUpdate;
import org.courtyard.module.template.internal.dto.NoteView;
import org.courtyard.module.template.internal.entity.Note;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes of one tenant. The rules live here and in {@link NoteRules}, not in the resource. The
 * answers are the platform's: 404 {@code not-found} for an id that does not exist (or belongs to
 * another tenant, whose schema this instance never sees), 422 {@code validation-failed} with every
 * field error, 409 {@code stale-version} for a PUT made to an older version than the stored one.
 */
final class NoteService {

  private static final Logger LOG = LoggerFactory.getLogger(NoteService.class);

  /** The module's messages, English and Chinese: {@code problems*.properties} of this package. */
  private static final Texts TEXTS = Texts.of(NoteService.class);

  /** How problems name a note: "Note 7 not found.", "找不到便签 7。" */
  static final Text NOTE = TEXTS.text("label.note");

  private final TenantSlug tenant;
  private final Transactions transactions;
  private final Clock clock;

  NoteService(TenantSlug tenant, Transactions transactions, Clock clock) {
    this.tenant = tenant;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * One page in id order after {@code afterId}; one row more is read to know a next page exists.
   */
  Page<NoteView> list(long afterId, int limit) {
    return transactions.read(
        em ->
            Page.byId(
                em.createQuery("SELECT n FROM Note n WHERE n.id > :after ORDER BY n.id", Note.class)
                    .setParameter("after", afterId)
                    .setMaxResults(limit + 1)
                    .getResultList(),
                limit,
                NoteService::view,
                Note::getId));
  }

  NoteView get(long id) {
    return transactions.read(em -> view(find(em, id)));
  }

  NoteView create(NoteInput input) {
    Objects.requireNonNull(input, "input");
    NoteRules.Values v =
        NoteRules.check(input.title(), input.body(), input.priority(), new FieldErrors());
    return transactions.write(
        em -> {
          Note note = new Note(v.title(), v.body(), v.priority(), now());
          em.persist(note);
          em.flush();
          LOG.debug("Tenant {}: created note {}", tenant, note.getId());
          return view(note);
        },
        conflict -> null);
  }

  NoteView update(long id, NoteUpdate input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Integer version = TextRules.required(input.version(), "version", errors);
    NoteRules.Values v = NoteRules.check(input.title(), input.body(), input.priority(), errors);
    return transactions.write(
        em -> {
          Note note = find(em, id);
          if (note.getVersion() != version) {
            // the shared cache may lag behind a write made through another node: ask the database
            // before calling the client's copy stale
            em.refresh(note);
            if (note.getVersion() != version) {
              throw Problems.staleVersion(NOTE, id, note.getVersion(), version);
            }
          }
          note.update(v.title(), v.body(), v.priority(), now());
          em.flush();
          return view(note);
        },
        // the row changed between the check above and the UPDATE, or was deleted meanwhile
        conflict -> conflict == Conflict.STALE ? Problems.changedMeanwhile(NOTE, id) : null);
  }

  void delete(long id) {
    transactions.write(
        em -> {
          em.remove(find(em, id));
          em.flush();
          LOG.debug("Tenant {}: deleted note {}", tenant, id);
          return null;
        },
        conflict -> conflict == Conflict.STALE ? Problems.changedMeanwhile(NOTE, id) : null);
  }

  /**
   * @throws org.courtyard.api.ProblemException 404 {@code not-found}
   */
  private static Note find(EntityManager em, long id) {
    Note note = em.find(Note.class, id);
    if (note == null) {
      throw Problems.notFound(NOTE, id);
    }
    return note;
  }

  /** Timestamps at the database's precision, so a note reads back exactly as it was returned. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static NoteView view(Note n) {
    return new NoteView(
        n.getId(),
        n.getTitle(),
        n.getBody(),
        n.getPriority(),
        n.getCreatedAt(),
        n.getUpdatedAt(),
        n.getVersion());
  }
}
