package org.courtyard.admin.property;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.courtyard.admin.contract.FakeOperatorApi;
import org.courtyard.admin.contract.FakeTenantApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browserless tests of the property company's console (Karibu-Testing): the real views in a mocked
 * Vaadin session talking HTTP to a {@link FakeTenantApi}. Area tests extend this and seed their own
 * fake area.
 */
public abstract class PropertyTestBase {

  public static final String COMPANY = "acme";
  public static final String COMPANY_NAME = "Acme Property 安家物业";
  public static final String PASSWORD = "Staff-pw-123";
  public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  private static final Routes ROUTES = new Routes().autoDiscoverViews("org.courtyard.admin");

  protected static FakeTenantApi fake;

  @BeforeAll
  static void startFake() {
    fake = FakeTenantApi.start();
    fake.company(COMPANY, COMPANY_NAME);
    fake.staff(COMPANY, "admin", PASSWORD).grant("administrator");
    fake.staff(COMPANY, "cashier", PASSWORD).grantInEstates("cashier", 1L, 2L);
    fake.staff(COMPANY, "guard", PASSWORD).grant("guard");
    fake.staff(COMPANY, "secure", PASSWORD).grant("administrator").totp(TOTP_SECRET);
    System.setProperty("COURTYARD_API_URL", fake.baseUrl());
  }

  @AfterAll
  static void stopFake() {
    fake.close();
    System.clearProperty("COURTYARD_API_URL");
  }

  @BeforeEach
  void setUpVaadin() {
    MockVaadin.setup(ROUTES);
  }

  @AfterEach
  void tearDownVaadin() {
    MockVaadin.tearDown();
  }

  /** Opens the company's sign-in page. */
  protected static void openCompanySignIn() {
    UI.getCurrent().navigate("login", QueryParameters.of("as", "company"));
  }

  /** Fills the company's sign-in and submits it, as a staff member would. */
  protected static void submit(String company, String user, String password) {
    openCompanySignIn();
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("staff-company")), company);
    HasValueUtilsKt._setValue(_get(TextField.class, s -> s.withId("staff-user")), user);
    HasValueUtilsKt._setValue(_get(PasswordField.class, s -> s.withId("staff-password")), password);
    ButtonKt._click(_get(Button.class, s -> s.withId("staff-submit")));
  }

  /** Signs in as one of the seeded staff (no second factor). */
  protected static void signIn(String user) {
    submit(COMPANY, user, PASSWORD);
    if (!PropertySession.signedIn()) {
      throw new AssertionError("sign-in as " + user + " failed");
    }
  }

  /** The code the seeded second factor shows now. */
  protected static String code() {
    return FakeOperatorApi.totp(TOTP_SECRET);
  }

  /** The view shown now. */
  protected static Object currentView() {
    return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
  }
}
