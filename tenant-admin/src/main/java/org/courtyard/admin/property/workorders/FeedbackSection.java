package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;

/**
 * The order page's feedback (评价与回访): the resident's stars and comment, the return visits (回访)
 * customer service made, and whether closing still waits for one that reached the resident. Staff
 * with {@code workorders.order.close} record a return visit ({@link VisitDialog}) and, on a
 * complaint, reply to it ({@link ReplyDialog}); refusals (an order not finished yet) show the API's
 * detail.
 */
final class FeedbackSection extends VerticalLayout {

  static final String CLOSE = "workorders.order.close";

  private final Span rating = new Span();
  private final Span required = new Span();
  private final Grid<Feedback.Visit> visits = new Grid<>();
  private final Button visit = new Button();
  private final Button reply = new Button();
  private WorkOrdersClient client;
  private Order order;

  FeedbackSection() {
    setId("wo-feedback");
    setPadding(false);
    visit.setId("wo-feedback-visit");
    visit.setText(getTranslation("workorders.feedback.visit"));
    visit.addThemeVariants(ButtonVariant.LUMO_SMALL);
    visit.addClickListener(e -> new VisitDialog(client, order, this::showFeedback).open());
    reply.setId("wo-feedback-reply");
    reply.setText(getTranslation("workorders.feedback.reply"));
    reply.addThemeVariants(ButtonVariant.LUMO_SMALL);
    reply.addClickListener(e -> new ReplyDialog(client, order, this::replied).open());
    HorizontalLayout head =
        new HorizontalLayout(new H3(getTranslation("workorders.feedback.title")), visit, reply);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    rating.setId("wo-feedback-rating");
    required.setId("wo-feedback-required");
    required.getElement().getThemeList().add("badge");
    visits.setId("wo-feedback-visits");
    visits.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    visits.setAllRowsVisible(true);
    visits
        .addColumn(v -> When.format(v.at(), getLocale()))
        .setKey("at")
        .setHeader(getTranslation("workorders.feedback.at"))
        .setAutoWidth(true);
    visits
        .addColumn(v -> getTranslation("workorders.assignee.user", v.userId()))
        .setKey("by")
        .setHeader(getTranslation("workorders.feedback.by"))
        .setAutoWidth(true);
    visits
        .addColumn(
            v ->
                v.reached()
                    ? getTranslation("workorders.feedback.reached")
                    : getTranslation("workorders.feedback.notReached"))
        .setKey("reached")
        .setHeader(getTranslation("workorders.feedback.reachedHeader"))
        .setAutoWidth(true);
    visits
        .addColumn(v -> v.satisfaction() == null ? "—" : stars(v.satisfaction()))
        .setKey("satisfaction")
        .setHeader(getTranslation("workorders.feedback.satisfaction"))
        .setAutoWidth(true);
    visits
        .addColumn(v -> v.note() == null ? "" : v.note())
        .setKey("note")
        .setHeader(getTranslation("workorders.action.note"))
        .setFlexGrow(1);
    add(head, rating, required, visits);
  }

  void show(WorkOrdersClient client, Order order) {
    this.client = client;
    this.order = order;
    boolean closer = PropertySession.can(CLOSE);
    visit.setVisible(closer && List.of("done", "confirmed", "closed").contains(order.state()));
    reply.setVisible(closer && "complaint".equals(order.kind()));
    try {
      showFeedback(client.feedback(order.id()));
    } catch (ApiProblem | ApiUnreachable e) {
      rating.setText(Refused.show(e));
      required.setVisible(false);
      visits.setItems(List.of());
    }
  }

  private void showFeedback(Feedback f) {
    if (f.rating() == null) {
      rating.setText(getTranslation("workorders.feedback.noRating"));
    } else {
      String comment = f.rating().comment();
      rating.setText(
          getTranslation(
              "workorders.feedback.rating",
              stars(f.rating().score()),
              comment == null || comment.isBlank() ? "—" : comment));
    }
    boolean waiting =
        f.returnVisitRequired() && f.returnVisits().stream().noneMatch(Feedback.Visit::reached);
    required.setText(getTranslation("workorders.feedback.required"));
    required.setVisible(waiting);
    visits.setItems(f.returnVisits());
    visits.setVisible(!f.returnVisits().isEmpty());
  }

  private void replied() {
    // the reply is a line of the timeline; the page reads it again
    getParent()
        .filter(OrderView.class::isInstance)
        .map(OrderView.class::cast)
        .ifPresent(OrderView::load);
  }

  /** "★★★★☆" for 4 of 5. */
  static String stars(int score) {
    int s = Math.max(0, Math.min(5, score));
    return "★".repeat(s) + "☆".repeat(5 - s);
  }
}
