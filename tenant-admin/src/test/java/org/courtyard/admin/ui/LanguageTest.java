package org.courtyard.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LanguageTest extends ConsoleTestBase {

  @SuppressWarnings("unchecked")
  private static Select<Locale> languageSwitch() {
    return _get(Select.class, spec -> spec.withId("language"));
  }

  @Test
  void englishByDefaultChineseOnRequestForEveryPage() {
    login();
    assertThat(_get(H2.class).getText()).isEqualTo("Property companies");

    HasValueUtilsKt._setValue(languageSwitch(), Locale.CHINESE);

    assertThat(_get(H2.class).getText()).isEqualTo("物业公司");
    assertThat(_get(Button.class, spec -> spec.withId("logout")).getText()).isEqualTo("退出登录");
    UI.getCurrent().navigate(HealthView.class);
    assertThat(_get(H2.class).getText()).isEqualTo("运行状态");
    UI.getCurrent().navigate(DriversView.class);
    assertThat(_get(H2.class).getText()).isEqualTo("设备驱动插件");

    HasValueUtilsKt._setValue(languageSwitch(), Locale.ENGLISH);
    assertThat(_get(H2.class).getText()).isEqualTo("Driver plug-ins");
  }

  @Test
  void bothLanguagesHaveEveryText() throws IOException {
    Properties en = load("vaadin-i18n/translations.properties");
    Properties zh = load("vaadin-i18n/translations_zh.properties");
    assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(en.stringPropertyNames()).hasSizeGreaterThan(100);
    for (String key : zh.stringPropertyNames()) {
      assertThat(zh.getProperty(key)).as(key).isNotBlank();
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = LanguageTest.class.getClassLoader().getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
