package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;

/** The engine's REST resources find the engine's provider as before, without searching the class path each time. */
class EngineServiceLookupsTest {

  /** The application's class loader, counting the searches for provider files and the reads of each file. */
  static final class Counting extends ClassLoader {
    final AtomicInteger searches = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();

    Counting() {
      super(EngineServiceLookupsTest.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!name.startsWith("META-INF/services/")) {
        return super.getResources(name);
      }
      searches.incrementAndGet();
      List<URL> counted = new ArrayList<>();
      for (URL file : Collections.list(super.getResources(name))) {
        counted.add(new URL(file, file.toExternalForm(), new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL url) throws IOException {
            reads.incrementAndGet();
            return file.openConnection();
          }
        }));
      }
      return Collections.enumeration(counted);
    }
  }

  @Test
  void theProviderIsFoundEveryTime_andTheClassPathSearchedAndItsFileReadOnce() {
    Counting application = new Counting();
    EngineServiceLookups.ServiceFiles remembering = new EngineServiceLookups.ServiceFiles(application);

    assertThat(ServiceLoader.load(ProcessEngineProvider.class, remembering).findFirst()).isPresent();
    int files = application.reads.get();
    for (int request = 1; request < 3; request++) {
      assertThat(ServiceLoader.load(ProcessEngineProvider.class, remembering).findFirst()).as("request " + request).isPresent();
    }

    assertThat(application.searches).hasValue(1);
    assertThat(files).isPositive();
    assertThat(application.reads).hasValue(files);
  }

  @Test
  void otherResourcesAndClasses_comeFromTheApplication() throws Exception {
    Counting application = new Counting();
    EngineServiceLookups.ServiceFiles remembering = new EngineServiceLookups.ServiceFiles(application);

    assertThat(Collections.list(remembering.getResources("application.yaml"))).isNotEmpty();
    assertThat(remembering.loadClass(ProcessEngineProvider.class.getName())).isSameAs(ProcessEngineProvider.class);
  }
}
