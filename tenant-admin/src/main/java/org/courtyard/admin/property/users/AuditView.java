package org.courtyard.admin.property.users;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;

/**
 * The audit log (操作日志): every state-changing request of the company, newest first, filtered by who,
 * what (operation), which object and the days between, paged by the API. The same filters download
 * the log as CSV from the API.
 */
@Route(value = "users/audit", layout = PropertyLayout.class)
@PropertyScreen(
    order = 620,
    titleKey = "users.audit.title",
    icon = "RECORDS",
    permission = AuditView.READ)
public final class AuditView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "identity.audit.read";

  private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
  private final TextField who = new TextField();
  private final TextField operation = new TextField();
  private final TextField object = new TextField();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Anchor csv = new Anchor();
  private CursorDataProvider<AuditEntry> entries;
  private TenantApi api;

  /** The filter as query parameters, replaced whole on every change (read by the download). */
  private volatile Map<String, String> filter = Map.of();

  public AuditView() {
    setId("audit");
    setSizeFull();
    add(new H2(getTranslation("users.audit.title")));

    field(who, "audit-who", "users.audit.who");
    field(operation, "audit-operation", "users.audit.operation");
    operation.setPlaceholder("POST /billing/payments");
    field(object, "audit-object", "users.audit.object");
    from.setId("audit-from");
    from.setLabel(getTranslation("users.audit.from"));
    from.addValueChangeListener(e -> filter());
    to.setId("audit-to");
    to.setLabel(getTranslation("users.audit.to"));
    to.addValueChangeListener(e -> filter());
    csv.setId("audit-csv");
    csv.setText(getTranslation("users.audit.csv"));
    csv.getElement().insertChild(0, VaadinIcon.DOWNLOAD.create().getElement());
    HorizontalLayout filters = new HorizontalLayout(who, operation, object, from, to, csv);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    add(filters);

    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(a -> When.format(a.at(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("users.audit.at"))
        .setAutoWidth(true);
    grid.addColumn(AuditEntry::who)
        .setKey("who")
        .setHeader(getTranslation("users.audit.who"))
        .setAutoWidth(true);
    grid.addColumn(AuditEntry::operation)
        .setKey("operation")
        .setHeader(getTranslation("users.audit.operation"))
        .setAutoWidth(true);
    grid.addColumn(AuditEntry::objectIds)
        .setKey("objects")
        .setHeader(getTranslation("users.audit.object"))
        .setAutoWidth(true);
    grid.addColumn(AuditEntry::summary)
        .setKey("summary")
        .setHeader(getTranslation("users.audit.summary"))
        .setFlexGrow(1);
    grid.addColumn(AuditEntry::source)
        .setKey("source")
        .setHeader(getTranslation("users.audit.source"))
        .setAutoWidth(true);
    grid.addColumn(AuditEntry::outcome)
        .setKey("outcome")
        .setHeader(getTranslation("users.audit.outcome"))
        .setAutoWidth(true);
    add(grid);
    setFlexGrow(1, grid);
  }

  private void field(TextField f, String id, String label) {
    f.setId(id);
    f.setLabel(getTranslation(label));
    f.setClearButtonVisible(true);
    f.setValueChangeMode(ValueChangeMode.LAZY);
    f.addValueChangeListener(e -> filter());
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && entries == null) {
      api = PropertySession.api();
      entries = new UsersClient(api).audit();
      entries.bind(grid);
      csv.setHref(new CsvDownload(), AttachmentType.DOWNLOAD);
      who.focus();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("users.audit.title");
  }

  private void filter() {
    Map<String, String> f = new TreeMap<>();
    put(f, "who", who.getValue());
    put(f, "operation", operation.getValue());
    put(f, "object", object.getValue());
    ZoneId zone = ZoneId.systemDefault();
    if (from.getValue() != null) {
      f.put("from", from.getValue().atStartOfDay(zone).toInstant().toString());
    }
    if (to.getValue() != null) {
      // "to" is the last day shown: the API's bound is exclusive
      LocalDate after = to.getValue().plusDays(1);
      f.put("to", after.atStartOfDay(zone).toInstant().toString());
    }
    filter = Map.copyOf(f);
    if (entries != null) {
      entries.setFilter(filter);
    }
  }

  private static void put(Map<String, String> f, String key, String value) {
    if (value != null && !value.isBlank()) {
      f.put(key, value.strip());
    }
  }

  /** The CSV the download link gives, for the filters shown now. */
  String csv() {
    return new UsersClient(api).auditCsv(filter);
  }

  Map<String, String> currentFilter() {
    return filter;
  }

  /** Streams the API's CSV export of the current filters to the browser. */
  private final class CsvDownload implements DownloadHandler {

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
      byte[] body;
      try {
        body = csv().getBytes(StandardCharsets.UTF_8);
      } catch (ApiProblem | ApiUnreachable e) {
        event.getResponse().setStatus(e instanceof ApiProblem p ? p.status() : 502);
        body = Errors.message(e).getBytes(StandardCharsets.UTF_8);
        event.setContentType("text/plain; charset=UTF-8");
        event.getOutputStream().write(body);
        return;
      }
      event.setFileName("audit.csv");
      event.setContentType("text/csv; charset=UTF-8");
      event.setContentLength(body.length);
      event.getOutputStream().write(body);
    }
  }
}
