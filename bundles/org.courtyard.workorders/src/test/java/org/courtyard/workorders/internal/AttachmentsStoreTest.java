package org.courtyard.workorders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.workorders.internal.attachments.AttachmentView;
import org.courtyard.workorders.internal.attachments.Attachments;
import org.courtyard.workorders.internal.attachments.FileType;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.attachments.Thumbnails;
import org.courtyard.workorders.internal.attachments.Upload;
import org.courtyard.workorders.internal.attachments.Uploader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files of orders in a real tenant schema: at most nine on an order and nine on each step however
 * many uploads race, reached only through an order the caller may see, a resident's photos only on
 * their own steps, and the schema itself refusing a tenth slot or an oversize file.
 */
class AttachmentsStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  private TestSchema db;
  private Attachments store;

  /** Estate 1, reported by resident 77; estate 2, recorded by staff. */
  private long mine;

  private long other;
  private long reportOfMine;
  private long dispatchOfMine;
  private long reportOfOther;

  private final OrderGate everything = Orders.gate(Reach.staff(DataScope.ALL));
  private final Uploader staff = new Uploader(false, 9);

  @BeforeEach
  void schema() throws Exception {
    db = TestSchema.fresh();
    store = new Attachments(db.jdbc(), new MutableClock(NOW, ZoneOffset.UTC));
    db.execute(
        "insert into workorder_category (code, name_en, name_zh, kind, response_normal,"
            + " response_urgent, response_emergency, resolution_normal, resolution_urgent,"
            + " resolution_emergency) values ('plumbing', 'Plumbing', '水管', 'repair',"
            + " 120, 60, 30, 1440, 480, 240)");
    mine = order("WO-1", 1, "'resident', 77, null, 'resident_app'");
    other = order("WO-2", 2, "'staff', null, 9, 'phone'");
    reportOfMine = event(mine, "'resident', 77, 'report', null, 'new'");
    dispatchOfMine = event(mine, "'staff', 9, 'dispatch', 'new', 'dispatched'");
    reportOfOther = event(other, "'staff', 9, 'report', null, 'new'");
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  private long order(String number, long estate, String reporter) throws SQLException {
    db.execute(
        "insert into workorder (number, kind, category_id, description, estate_id, place,"
            + " reporter_kind, reporter_person_id, reporter_user_id, channel, working_hours,"
            + " response_minutes, resolution_minutes, response_due, response_warn_at,"
            + " resolution_running_since, resolution_due, resolution_warn_at)"
            + " select '"
            + number
            + "', 'repair', id, 'a leak', "
            + estate
            + ", 'lobby', "
            + reporter
            + ", false, 120, 1440, now(), now(), now(), now(), now() from workorder_category");
    return db.count("select id from workorder where number = '" + number + "'");
  }

  private long event(long order, String values) throws SQLException {
    db.execute(
        "insert into workorder_event (order_id, at, actor_kind, actor_id, action, from_state,"
            + " to_state) values ("
            + order
            + ", now(), "
            + values
            + ")");
    return db.count("select max(id) from workorder_event");
  }

  private static Upload upload(byte[] bytes, String name) throws Exception {
    return Upload.read(new ByteArrayInputStream(bytes), bytes.length, null, name);
  }

  private static byte[] png(int width, int height) {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static final byte[] PDF =
      "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private AttachmentView add(OrderGate gate, long order, Long step, Uploader who) throws Exception {
    Upload u = upload(PDF, "quote.pdf");
    return store.add(gate, order, step, u, Thumbnails.of(u.type(), u.bytes()), who);
  }

  private static ProblemException refusal(ThrowingRunnable r) {
    ProblemException p = catchThrowableOfType(r::run, ProblemException.class);
    assertThat(p).as("refused").isNotNull();
    return p;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void fifteenConcurrentUploadsToAnOrderStoreExactlyNine() throws Exception {
    int uploads = 15;
    ExecutorService pool = Executors.newFixedThreadPool(uploads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < uploads; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  Upload u = upload(png(40 + n, 30), "leak-" + n + ".png");
                  Thumbnails.Picture picture = Thumbnails.of(u.type(), u.bytes());
                  start.await();
                  try {
                    store.add(everything, mine, null, u, picture, staff);
                    return 201;
                  } catch (ProblemException e) {
                    assertThat(e.type()).isEqualTo("too-many-attachments");
                    return e.status();
                  }
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(9);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(6);
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.count("select count(*) from workorder_attachment where order_id = " + mine))
        .isEqualTo(9);
    assertThat(
            db.count(
                "select count(distinct slot) from workorder_attachment where slot between 1 and 9"))
        .isEqualTo(9);
    List<AttachmentView> listed = store.list(everything, mine);
    assertThat(listed)
        .hasSize(9)
        .allMatch(a -> a.thumbnail() && a.contentType().equals("image/png"));
  }

  @Test
  void eachStepTakesNineOfItsOwnBesideTheOrdersNine() throws Exception {
    for (int i = 0; i < 9; i++) {
      add(everything, mine, null, staff);
      add(everything, mine, dispatchOfMine, staff);
    }
    ProblemException onStep = refusal(() -> add(everything, mine, dispatchOfMine, staff));
    assertThat(onStep.status()).isEqualTo(409);
    assertThat(onStep.type()).isEqualTo("too-many-attachments");
    assertThat(refusal(() -> add(everything, mine, null, staff)).status()).isEqualTo(409);
    // the refusal comes before the body too
    assertThat(refusal(() -> store.precheck(everything, mine, dispatchOfMine, staff)).type())
        .isEqualTo("too-many-attachments");
    // another step still has room
    assertThat(add(everything, mine, reportOfMine, staff).eventId()).isEqualTo(reportOfMine);
    List<AttachmentView> listed = store.list(everything, mine);
    assertThat(listed).hasSize(19);
    // the order's own first
    assertThat(listed.subList(0, 9)).allMatch(a -> a.eventId() == null);
  }

  @Test
  void aStepOfAnotherOrderIsRefused() {
    ProblemException p = refusal(() -> add(everything, mine, reportOfOther, staff));
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.type()).isEqualTo("unknown-step");
  }

  @Test
  void staffReachOnlyTheOrdersOfTheirScope() throws Exception {
    AttachmentView file = add(everything, mine, null, staff);
    OrderGate estate2 = Orders.gate(Reach.staff(DataScope.of(Set.of(2L), Set.of())));
    for (ThrowingRunnable r :
        List.<ThrowingRunnable>of(
            () -> store.list(estate2, mine),
            () -> store.get(estate2, mine, file.id()),
            () -> store.content(estate2, mine, file.id(), false),
            () -> add(estate2, mine, null, staff))) {
      ProblemException p = refusal(r);
      assertThat(p.status()).isEqualTo(404);
      assertThat(p.type()).isEqualTo("not-found");
    }
    assertThat(store.list(estate2, other)).isEmpty();
    // a file is reached through its own order only
    assertThat(refusal(() -> store.get(everything, other, file.id())).status()).isEqualTo(404);
    assertThat(store.get(everything, mine, file.id())).isEqualTo(file);
  }

  @Test
  void residentsReachTheirOwnOrdersAndAddToTheirOwnStepsOnly() throws Exception {
    OrderGate resident77 = Orders.gate(Reach.resident(77));
    OrderGate resident78 = Orders.gate(Reach.resident(78));
    Uploader person77 = new Uploader(true, 77);
    AttachmentView onReport = add(resident77, mine, reportOfMine, person77);
    assertThat(onReport.uploadedByKind()).isEqualTo("resident");
    assertThat(onReport.uploadedById()).isEqualTo(77);
    add(resident77, mine, null, person77);
    ProblemException notTheirs = refusal(() -> add(resident77, mine, dispatchOfMine, person77));
    assertThat(notTheirs.status()).isEqualTo(403);
    assertThat(notTheirs.type()).isEqualTo("not-your-step");
    // staff may add to any step of an order they reach
    add(everything, mine, dispatchOfMine, staff);
    assertThat(store.list(resident77, mine)).hasSize(3);
    assertThat(refusal(() -> store.list(resident78, mine)).status()).isEqualTo(404);
    assertThat(refusal(() -> store.content(resident78, mine, onReport.id(), false)).status())
        .isEqualTo(404);
    assertThat(refusal(() -> store.list(resident77, other)).status()).isEqualTo(404);
  }

  @Test
  void theBytesComeBackAsStoredWithTheirThumbnail() throws Exception {
    byte[] photo = png(1200, 600);
    Upload u = upload(photo, "漏水.png");
    AttachmentView file =
        store.add(everything, mine, null, u, Thumbnails.of(u.type(), u.bytes()), staff);
    assertThat(file.fileName()).isEqualTo("漏水.png");
    assertThat(file.size()).isEqualTo(photo.length);
    assertThat(file.width()).isEqualTo(1200);
    assertThat(file.height()).isEqualTo(600);
    assertThat(file.uploadedAt()).isEqualTo(NOW);
    Attachments.Content bytes = store.content(everything, mine, file.id(), false);
    assertThat(bytes.bytes()).isEqualTo(photo);
    assertThat(bytes.contentType()).isEqualTo("image/png");
    assertThat(bytes.sha256()).isEqualTo(u.sha256()).isEqualTo(file.sha256());
    Attachments.Content thumbnail = store.content(everything, mine, file.id(), true);
    assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
    assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(thumbnail.bytes())).getWidth())
        .isEqualTo(320);
    // a document has none
    AttachmentView pdf = add(everything, mine, null, staff);
    assertThat(pdf.thumbnail()).isFalse();
    assertThat(pdf.width()).isNull();
    ProblemException none = refusal(() -> store.content(everything, mine, pdf.id(), true));
    assertThat(none.status()).isEqualTo(404);
    assertThat(refusal(() -> store.get(everything, mine, 999_999)).status()).isEqualTo(404);
  }

  @Test
  void theSchemaRefusesATenthSlotAnOversizeFileAndAStepOfAnotherOrder() throws Exception {
    String insert =
        "insert into workorder_attachment (order_id, event_id, slot, file_name, content_type,"
            + " size_bytes, sha256, bytes, uploaded_by_kind, uploaded_by_id, uploaded_at)"
            + " values (?, ?, ?, 'a.pdf', 'application/pdf', ?, repeat('a', 64), ?, 'staff', 9,"
            + " now())";
    try (Connection c = db.connection()) {
      assertThatThrownBy(() -> insertRow(c, insert, mine, null, 10, PDF))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("workorder_attachment_slot_ck");
      insertRow(c, insert, mine, null, 1, PDF);
      assertThatThrownBy(() -> insertRow(c, insert, mine, null, 1, PDF))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("workorder_attachment_order_slot_uq");
      // the same slot on a step is another place
      insertRow(c, insert, mine, dispatchOfMine, 1, PDF);
      assertThatThrownBy(() -> insertRow(c, insert, mine, reportOfOther, 1, PDF))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("workorder_attachment_event_fk");
      assertThatThrownBy(() -> insertRow(c, insert, mine, null, 2, new byte[Upload.MAX_BYTES + 1]))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("workorder_attachment_size_ck");
    }
    // the sniffed kinds are the ones the schema takes
    for (FileType t : FileType.values()) {
      assertThat(
              db.count(
                  "select count(*) from pg_constraint where conname = 'workorder_attachment_type_ck'"
                      + " and pg_get_constraintdef(oid) like '%''"
                      + t.mediaType()
                      + "''%'"))
          .as(t.mediaType())
          .isEqualTo(1);
    }
  }

  private static void insertRow(
      Connection c, String sql, long order, Long event, int slot, byte[] bytes)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, order);
      ps.setObject(2, event, java.sql.Types.BIGINT);
      ps.setInt(3, slot);
      ps.setInt(4, bytes.length);
      ps.setBytes(5, bytes);
      ps.executeUpdate();
    }
  }
}
