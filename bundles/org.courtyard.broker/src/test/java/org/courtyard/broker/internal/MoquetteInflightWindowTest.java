package org.courtyard.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MoquetteInflightWindowTest {

  /** Loads Moquette's classes itself, Session patched, so the JVM verifies and runs the code. */
  private static final class PatchingLoader extends ClassLoader {
    PatchingLoader() {
      super(MoquetteInflightWindowTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.moquette.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in =
              getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            if (name.equals(MoquetteInflightWindow.CLASS)) {
              bytes = MoquetteInflightWindow.patch(bytes, MoquetteInflightWindow.WINDOW);
              assertNotNull(bytes, "Moquette 0.17's Session creates its window as expected");
            }
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

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
    assertEquals(MoquetteInflightWindow.WINDOW, windowOfANewSession(new PatchingLoader()));
  }

  @Test
  void aClassWithoutTheWindowIsLeftAlone() throws IOException {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("io/moquette/broker/Server.class")) {
      assertNull(MoquetteInflightWindow.patch(in.readAllBytes(), 100));
    }
  }
}
