package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;

/** The engine's REST resources find the engine's provider as before, without searching the class path each time. */
class EngineServiceLookupsTest {

  /** The application's class loader, counting the searches for provider files. */
  static final class Counting extends ClassLoader {
    final AtomicInteger searches = new AtomicInteger();

    Counting() {
      super(EngineServiceLookupsTest.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (name.startsWith("META-INF/services/")) {
        searches.incrementAndGet();
      }
      return super.getResources(name);
    }
  }

  @Test
  void theProviderIsFoundEveryTime_andTheClassPathSearchedOnce() {
    Counting application = new Counting();
    EngineServiceLookups.ServiceFiles remembering = new EngineServiceLookups.ServiceFiles(application);

    for (int request = 0; request < 3; request++) {
      assertThat(ServiceLoader.load(ProcessEngineProvider.class, remembering).findFirst()).as("request " + request).isPresent();
    }

    assertThat(application.searches).hasValue(1);
  }

  @Test
  void otherResourcesAndClasses_comeFromTheApplication() throws Exception {
    Counting application = new Counting();
    EngineServiceLookups.ServiceFiles remembering = new EngineServiceLookups.ServiceFiles(application);

    assertThat(Collections.list(remembering.getResources("application.yaml"))).isNotEmpty();
    assertThat(remembering.loadClass(ProcessEngineProvider.class.getName())).isSameAs(ProcessEngineProvider.class);
  }
}
