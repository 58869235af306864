package org.courtyard.admin.property.workorders;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.property.PropertySession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order page's photos and files, materials and feedback sections. */
class OrderSectionsTest extends WorkOrdersTestBase {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  /** A 1×1 PNG. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @BeforeAll
  static void reader() {
    // reads everything, may change nothing
    fake.staff(COMPANY, "wo.reader", PASSWORD).grant("auditor");
  }

  private static void open(long id) {
    UI.getCurrent().navigate(OrderView.class, id);
  }

  private static boolean shown(String id) {
    return _find(com.vaadin.flow.component.Component.class, s -> s.withId(id)).stream()
        .anyMatch(c -> c.isVisible());
  }

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(String id) {
    return _get(Grid.class, s -> s.withId(id));
  }

  // ------------------------------------------------------------------------------ files

  @Test
  void photosShowTheirThumbnailReadThroughTheApiAndFilesTheirName() throws Exception {
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    long photo = wo.attachment(id, "leak.png", "image/png", PNG);
    wo.attachment(
        id, "invoice.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
    signIn("wo.reader");
    open(id);

    FilesSection files = _get(FilesSection.class);
    assertThat(files.shown())
        .extracting(Attachment::fileName)
        .containsExactly("leak.png", "invoice.pdf");
    Image thumb = _get(Image.class, s -> s.withId("wo-file-thumb-" + photo));
    assertThat(thumb.getAlt()).contains("leak.png");
    assertThat(_find(Image.class)).hasSize(1);
    // the browser asks the console, which reads the thumbnail from the API with the user's token
    StreamResource resource =
        FilesSection.thumbnail(new WorkOrdersClient(PropertySession.api()), files.shown().get(0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    resource.getWriter().accept(out, VaadinSession.getCurrent());
    assertThat(out.toByteArray()).isEqualTo(PNG);
    // the full file opens under its own name and type, read through the API as well
    assertThat(_get(Anchor.class, s -> s.withId("wo-file-open-" + photo))).isNotNull();
    StreamResource original =
        FilesSection.original(new WorkOrdersClient(PropertySession.api()), files.shown().get(1));
    assertThat(original.getName()).isEqualTo("invoice.pdf");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    original.getWriter().accept(pdf, VaadinSession.getCurrent());
    assertThat(new String(pdf.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4");
    // who only reads is offered no upload
    assertThat(shown("wo-files-upload")).isFalse();
  }

  @Test
  void anUploadSendsTheBytesWithTheFilesTypeAndName() {
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    signIn("dispatcher");
    open(id);
    assertThat(_get(Span.class, s -> s.withId("wo-files-empty")).isVisible()).isTrue();

    UploadKt._upload(_get(Upload.class), "wet ceiling.png", "image/png", PNG);

    List<Map<String, Object>> stored = wo.attachments(id);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).containsEntry("fileName", "wet ceiling.png");
    assertThat(stored.get(0)).containsEntry("contentType", "image/png");
    assertThat(_get(FilesSection.class).shown())
        .extracting(Attachment::fileName)
        .containsExactly("wet ceiling.png");
    assertThat(notificationTexts()).anyMatch(t -> t.contains("wet ceiling.png was added."));
  }

  @Test
  void aRefusedUploadShowsTheProblemInChinese() {
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    signIn("dispatcher");
    chinese();
    open(id);

    UploadKt._upload(
        _get(Upload.class), "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(wo.attachments(id)).isEmpty();
    assertThat(notificationTexts())
        .anyMatch(t -> t.contains("只接受 JPEG、PNG、GIF、WebP、PDF 和 MP4 文件。"));
  }

  // ------------------------------------------------------------------------------ materials

  @Test
  void theTechnicianUsesMaterialOfTheOrdersEstateAndGivesItBack() {
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    wo.set(id, "assigneeUserId", technicianId);
    long pipe = wo.material(sunny, "P-20", "PVC pipe 20mm", "m", "10", "2.50");
    wo.material(moon, "P-21", "Other estate's pipe", "m", "10", "1.00");
    signIn("tech");
    open(id);

    click("wo-materials-use");
    @SuppressWarnings("unchecked")
    ComboBox<Material> material = _get(ComboBox.class, s -> s.withId("wo-use-material"));
    List<Material> offered = material.getListDataView().getItems().toList();
    assertThat(offered).extracting(Material::code).containsExactly("P-20");
    HasValueUtilsKt._setValue(material, offered.get(0));
    HasValueUtilsKt._setValue(
        _get(BigDecimalField.class, s -> s.withId("wo-use-quantity")), new BigDecimal("3"));
    click("wo-use-ok");

    assertThat(wo.materialJson(pipe).get("quantity")).isEqualTo(new BigDecimal("7.000"));
    Grid<OrderMaterials.Use> uses = grid("wo-materials-grid");
    assertThat(GridKt._size(uses)).isEqualTo(1);
    assertThat(GridKt._getFormattedRow(uses, 0))
        .contains("PVC pipe 20mm (P-20)", "3 m", "¥2.50", "¥7.50");
    assertThat(_get(Span.class, s -> s.withId("wo-materials-total")).getText())
        .isEqualTo("Material cost: ¥7.50");

    long useId = GridKt._get(uses, 0).id();
    Button giveBack = (Button) GridKt._getCellComponent(uses, 0, "giveBack");
    assertThat(giveBack.getId()).hasValue("wo-materials-giveBack-" + useId);
    com.github.mvysny.kaributesting.v10.ButtonKt._click(giveBack);
    assertThat(wo.materialJson(pipe).get("quantity")).isEqualTo(new BigDecimal("10.000"));
    assertThat(GridKt._getFormattedRow(uses, 0).get(3)).startsWith("Given back");
    assertThat(_get(Span.class, s -> s.withId("wo-materials-total")).getText())
        .isEqualTo("Material cost: ¥0.00");
  }

  @Test
  void notEnoughInStockShowsTheDetailAndTakesNothing() {
    long id = wo.order("plumbing", "normal", "in_progress", sunny, "roof", T0);
    wo.set(id, "assigneeUserId", technicianId);
    long pipe = wo.material(sunny, "P-20", "PVC pipe", "m", "10", "2.50");
    signIn("tech");
    chinese();
    open(id);

    click("wo-materials-use");
    @SuppressWarnings("unchecked")
    ComboBox<Material> material = _get(ComboBox.class, s -> s.withId("wo-use-material"));
    HasValueUtilsKt._setValue(material, material.getListDataView().getItem(0));
    BigDecimalField quantity = _get(BigDecimalField.class, s -> s.withId("wo-use-quantity"));
    HasValueUtilsKt._setValue(quantity, new BigDecimal("12"));
    click("wo-use-ok");

    assertThat(notificationTexts()).anyMatch(t -> t.contains("库存仅剩 10 m：无法领用 12。"));
    assertThat(quantity.isInvalid()).isTrue();
    assertThat(_find(Dialog.class)).hasSize(1);
    assertThat(wo.materialJson(pipe).get("quantity")).isEqualTo(new BigDecimal("10.000"));
  }

  @Test
  void whoMayOnlyReadIsOfferedNoChanges() {
    long working = wo.order("noise", "normal", "in_progress", sunny, "roof", T0);
    long done = wo.order("noise", "normal", "done", sunny, "hall", T0);
    signIn("wo.reader");
    open(working);
    assertThat(shown("wo-materials-use")).isFalse();
    open(done);
    assertThat(shown("wo-feedback-visit")).isFalse();
    assertThat(shown("wo-feedback-reply")).isFalse();
    assertThat(shown("wo-files-upload")).isFalse();
  }

  // ------------------------------------------------------------------------------ feedback

  @Test
  void theRatingAndReturnVisitsAreShownAndAVisitIsRecorded() {
    long id = wo.order("plumbing", "normal", "done", sunny, "roof", T0);
    wo.rating(id, 4, "quick and tidy");
    wo.returnVisitRequired(id);
    signIn("dispatcher");
    open(id);

    assertThat(_get(Span.class, s -> s.withId("wo-feedback-rating")).getText())
        .isEqualTo("Rating: ★★★★☆ · quick and tidy");
    assertThat(shown("wo-feedback-required")).isTrue();
    assertThat(shown("wo-feedback-reply")).isFalse(); // not a complaint

    click("wo-feedback-visit");
    choose("wo-visit-satisfaction", "★★★★★");
    HasValueUtilsKt._setValue(_get(TextArea.class, s -> s.withId("wo-visit-note")), "all good");
    click("wo-visit-ok");

    Grid<Feedback.Visit> visits = grid("wo-feedback-visits");
    assertThat(GridKt._size(visits)).isEqualTo(1);
    assertThat(GridKt._getFormattedRow(visits, 0))
        .contains("Resident reached", "★★★★★", "all good");
    assertThat(shown("wo-feedback-required")).isFalse();
  }

  @Test
  void aVisitOnAnOrderNoLongerFinishedIsRefusedWithTheApisDetail() {
    long id = wo.order("plumbing", "normal", "done", sunny, "roof", T0);
    signIn("dispatcher");
    open(id);
    assertThat(_get(Span.class, s -> s.withId("wo-feedback-rating")).getText())
        .isEqualTo("The resident has not rated this order yet.");
    wo.set(id, "state", "dispatched"); // reopened meanwhile

    click("wo-feedback-visit");
    choose("wo-visit-satisfaction", "★★★☆☆");
    click("wo-visit-ok");

    assertThat(notificationTexts())
        .anyMatch(t -> t.contains("a return visit follows the finished job"));
  }

  @Test
  void aComplaintIsAnsweredInChinese() {
    long id = wo.order("noise", "normal", "in_progress", sunny, "courtyard", T0);
    signIn("dispatcher");
    chinese();
    open(id);

    click("wo-feedback-reply");
    click("wo-reply-ok");
    assertThat(_get(TextArea.class, s -> s.withId("wo-reply-text")).getErrorMessage())
        .isEqualTo("请填写回复内容。");
    HasValueUtilsKt._setValue(_get(TextArea.class, s -> s.withId("wo-reply-text")), "已安排夜间巡查。");
    click("wo-reply-ok");

    assertThat(wo.replies(id)).containsExactly("已安排夜间巡查。");
    assertThat(notificationTexts()).anyMatch(t -> t.contains("已回复 WO-00001。"));
    assertThat(_find(Button.class, s -> s.withId("wo-feedback-reply"))).hasSize(1);
  }
}
