package org.courtyard.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MoquetteInflightWindowTest {

  private static int windowOfANewSession(ClassLoader loader) throws Exception {
    Class<?> version = Class.forName("io.netty.handler.codec.mqtt.MqttVersion", true, loader);
    Class<?> data =
        Class.forName("io.moquette.broker.ISessionsRepository$SessionData", true, loader);
    Object sessionData =
        data.getConstructor(String.class, version, int.class, Clock.class)
            .newInstance("gw", version.getField("MQTT_3_1_1").get(null), 0, Clock.systemUTC());
    Object queue =
        Class.forName("io.moquette.broker.InMemoryQueue", true, loader)
            .getConstructor()
            .newInstance();
    Class<?> session = Class.forName(MoquetteInflightWindow.CLASS, true, loader);
    Class<?> queueType = Class.forName("io.moquette.broker.SessionMessageQueue", true, loader);
    Constructor<?> make = session.getDeclaredConstructor(data, boolean.class, queueType);
    make.setAccessible(true);
    Object s = make.newInstance(sessionData, false, queue);
    Field slots = session.getDeclaredField("inflightSlots");
    slots.setAccessible(true);
    return ((AtomicInteger) slots.get(s)).get();
  }

  @Test
  void aPatchedSessionStartsWithTheWiderWindow() throws Exception {
    assertEquals(10, windowOfANewSession(getClass().getClassLoader()), "Moquette's own window");
    assertEquals(
        MoquetteInflightWindow.WINDOW,
        windowOfANewSession(
            new PatchingLoader(
                MoquetteInflightWindow.CLASS,
                b -> MoquetteInflightWindow.patch(b, MoquetteInflightWindow.WINDOW))));
  }

  @Test
  void aClassWithoutTheWindowIsLeftAlone() throws IOException {
    assertNull(
        MoquetteInflightWindow.patch(PatchingLoader.original("io.moquette.broker.Server"), 100));
  }
}
