package org.courtyard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One user's time to first render of Today in the browser: the property console's Today screen
 * against the baseline page ({@link TodayPage}) showing the same tiles from the same API with the
 * same user's token, in the same Chromium, timed by the same probe ({@link TodayBrowser}).
 *
 * <p>In this order: sign in to the console (which lands on Today: timed from the click); the first
 * load of each with an empty browser cache ("cold"); an untimed warm-up of each; then the measured
 * loads, console and page alternated so that whatever else the machine does weighs on both alike.
 * Each side's screen is checked against the API: the same tiles in the same order, and this month's
 * bill count shown as the API counts it.
 */
final class TodayRender {

  /** What one user's loads measured. */
  record Result(
      String who,
      TodayBrowser.Load signIn,
      TodayBrowser.Load coldConsole,
      TodayBrowser.Load coldPage,
      List<TodayBrowser.Load> console,
      List<TodayBrowser.Load> page) {}

  private TodayRender() {}

  /**
   * @param expected the user's {@code GET /today}, as the API answers it
   * @param token the user's access token, without {@code Bearer}
   * @throws IllegalStateException when a screen does not show what the API answers
   */
  static Result measure(
      TodayBrowser browser,
      TodayPage page,
      String consoleUrl,
      String company,
      String who,
      String user,
      String password,
      String token,
      TodayNumbers expected,
      int warmUp,
      int loads) {
    String consoleToday = consoleUrl + "today";
    String pageToday = page.url(token);
    browser.expect(expected.tiles(), expected.points());

    TodayBrowser.Load signIn = browser.signIn(consoleUrl, company, user, password);
    check(browser, expected, who + ", console after signing in");
    browser.clearCache();
    TodayBrowser.Load coldConsole = browser.load(consoleToday);
    check(browser, expected, who + ", console");
    browser.clearCache();
    TodayBrowser.Load coldPage = browser.load(pageToday);
    check(browser, expected, who + ", baseline page");
    for (int i = 0; i < warmUp; i++) {
      browser.load(consoleToday);
      browser.load(pageToday);
    }
    List<TodayBrowser.Load> console = new ArrayList<>(loads);
    List<TodayBrowser.Load> plain = new ArrayList<>(loads);
    for (int i = 0; i < loads; i++) {
      console.add(browser.load(consoleToday));
      if (i == loads - 1) {
        check(browser, expected, who + ", console");
      }
      plain.add(browser.load(pageToday));
      if (i == loads - 1) {
        check(browser, expected, who + ", baseline page");
      }
    }
    return new Result(who, signIn, coldConsole, coldPage, console, plain);
  }

  /**
   * @throws IllegalStateException unless the page shows the API's tiles in its order, and this
   *     month's bills as the API counts them
   */
  private static void check(TodayBrowser browser, TodayNumbers expected, String what) {
    List<String> shown = browser.tileIds();
    if (!shown.equals(expected.tileIds())) {
      throw new IllegalStateException(
          what + " shows the tiles " + shown + ", the API answers " + expected.tileIds());
    }
    String bills = "billing.bills-this-month";
    String want = String.format(Locale.US, "%,d", expected.values().get(bills).longValueExact());
    String got = browser.value(bills);
    if (!got.equals(want)) {
      throw new IllegalStateException(
          what + " shows " + got + " bills this month, the API counts " + want);
    }
  }
}
