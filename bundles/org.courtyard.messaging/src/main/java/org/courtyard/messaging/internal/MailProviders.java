package org.courtyard.messaging.internal;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Where Jakarta Mail and Jakarta Activation find their implementation inside OSGi.
 *
 * <p>Both APIs find Angus through {@link java.util.ServiceLoader} and resource files ({@code
 * META-INF/services/jakarta.mail.util.StreamProvider}, {@code META-INF/javamail.providers}, {@code
 * META-INF/mailcap}, the activation's {@code MailcapRegistryProvider}) on the thread's context
 * class loader. In Karaf that loader sees none of them (a worker thread has the framework's), and
 * the first message fails with "Not provider of jakarta.mail.util.StreamProvider was found" or "no
 * object DCH for MIME type multipart/alternative" (angus-mail issue 85). The bundles declare the
 * OSGi Service Loader Mediator headers instead, which only help with SPI Fly installed; rather than
 * adding a weaving framework to the platform, every use of the mail API here runs with this loader
 * as the context class loader: it sees the classes and resources of the angus-mail and
 * angus-activation bundles (which this bundle imports, so the resolver makes sure they are there).
 * The {@link jakarta.activation.CommandMap} the API caches per context class loader is then built
 * once for this loader.
 */
final class MailProviders extends ClassLoader {

  /** Mail work that may fail as mail fails. */
  interface MailWork<T> {
    T run() throws MessagingException;
  }

  static {
    registerAsParallelCapable();
  }

  private final List<ClassLoader> bundles;

  MailProviders() {
    super("courtyard-mail-providers", null);
    this.bundles =
        List.copyOf(
            new LinkedHashSet<>(
                List.of(
                    SMTPTransport.class.getClassLoader(),
                    MailcapRegistryProviderImpl.class.getClassLoader())));
  }

  /** Runs {@code work} with this loader as the thread's context class loader. */
  <T> T run(MailWork<T> work) throws MessagingException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(this);
    try {
      return work.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    for (ClassLoader bundle : bundles) {
      try {
        return bundle.loadClass(name);
      } catch (ClassNotFoundException e) {
        // the next bundle may have it
      }
    }
    throw new ClassNotFoundException(name);
  }

  @Override
  protected URL findResource(String name) {
    for (ClassLoader bundle : bundles) {
      URL url = bundle.getResource(name);
      if (url != null) {
        return url;
      }
    }
    return null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (ClassLoader bundle : bundles) {
      urls.addAll(Collections.list(bundle.getResources(name)));
    }
    return Collections.enumeration(urls);
  }
}
