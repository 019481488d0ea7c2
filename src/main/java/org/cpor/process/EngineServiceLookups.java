package org.cpor.process;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST resources find the process engine through a {@code ServiceLoader} on every call, twice per request
 * (the sign-in filter and the resource), and a {@code ServiceLoader} searches every jar of the class path for its
 * provider file: in the packaged application that search was about 3 % of the CPU of a request. For the requests of
 * {@code /engine-rest} and of the webapps' API, the thread's context class loader is one that remembers where the
 * provider files are; the files themselves and the classes are still read and loaded as before.
 */
@Configuration
class EngineServiceLookups {

  @Bean
  FilterRegistrationBean<RememberingServiceFiles> rememberingServiceFiles() {
    FilterRegistrationBean<RememberingServiceFiles> registration = new FilterRegistrationBean<>(new RememberingServiceFiles());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    // before any filter that may look the engine up
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class RememberingServiceFiles extends OncePerRequestFilter {

    private final Map<ClassLoader, ServiceFiles> loaders = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Thread thread = Thread.currentThread();
      ClassLoader original = thread.getContextClassLoader();
      if (original == null) {
        chain.doFilter(request, response);
        return;
      }
      thread.setContextClassLoader(loaders.computeIfAbsent(original, ServiceFiles::new));
      try {
        chain.doFilter(request, response);
      } finally {
        thread.setContextClassLoader(original);
      }
    }
  }

  /** Its parent in all things, but it remembers where the {@code META-INF/services/} files are. */
  static final class ServiceFiles extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";

    static {
      registerAsParallelCapable();
    }

    private final Map<String, List<URL>> found = new ConcurrentHashMap<>();

    ServiceFiles(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!name.startsWith(SERVICES)) {
        return super.getResources(name);
      }
      List<URL> urls = found.get(name);
      if (urls == null) {
        urls = List.copyOf(Collections.list(super.getResources(name)));
        found.put(name, urls);
      }
      return Collections.enumeration(urls);
    }
  }
}
