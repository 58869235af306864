package org.courtyard.broker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;

/**
 * Loads Moquette's classes itself, one of them patched as a weaving hook would, so the JVM verifies
 * and runs the patched code in a test.
 */
final class PatchingLoader extends ClassLoader {

  private final String patchedClass;
  private final UnaryOperator<byte[]> patch;

  PatchingLoader(String patchedClass, UnaryOperator<byte[]> patch) {
    super(PatchingLoader.class.getClassLoader());
    this.patchedClass = patchedClass;
    this.patch = patch;
  }

  /** The class file as Moquette's jar has it. */
  static byte[] original(String className) throws IOException {
    try (InputStream in =
        PatchingLoader.class
            .getClassLoader()
            .getResourceAsStream(className.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new IOException(className + " is not on the test class path");
      }
      return in.readAllBytes();
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith("io.moquette.")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        try {
          byte[] bytes = original(name);
          if (name.equals(patchedClass)) {
            bytes = patch.apply(bytes);
            if (bytes == null) {
              throw new ClassNotFoundException(name + ": the patch did not apply");
            }
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
