package org.courtyard.admin.property;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;

/**
 * What a staff member sees who opens a screen (typed or bookmarked) their permissions do not allow:
 * a plain statement and whom to ask, never an exception. {@link PropertyLayout} reroutes here.
 */
@Route(value = "not-allowed", layout = PropertyLayout.class)
public final class NotAllowedView extends VerticalLayout
    implements HasUrlParameter<String>, HasDynamicTitle {

  private final Paragraph why = new Paragraph();

  public NotAllowedView() {
    setId("not-allowed");
    H2 title = new H2(getTranslation("property.notAllowed.title"));
    why.setId("not-allowed-why");
    add(title, why);
  }

  @Override
  public void setParameter(BeforeEvent event, @OptionalParameter String permission) {
    why.setText(
        permission == null || permission.isBlank()
            ? getTranslation("property.notAllowed.text.any")
            : getTranslation("property.notAllowed.text", permission));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("property.notAllowed.title");
  }

  /** The sentence shown. */
  public String reason() {
    return why.getText();
  }
}
