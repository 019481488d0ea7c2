package org.cpor.process;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
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
 * provider file and reads each file it finds from its jar: in the packaged application that was about 4 % of the CPU
 * of a request. For the requests of {@code /engine-rest} and of the webapps' API, the thread's context class loader is
 * one that remembers the provider files, where they are and what they say; the classes are loaded as before.
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

  /** Its parent in all things, but it remembers the {@code META-INF/services/} files: where they are and what they say. */
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
        List<URL> remembered = new ArrayList<>();
        for (URL file : Collections.list(super.getResources(name))) {
          try (InputStream in = file.openStream()) {
            remembered.add(inMemory(file, in.readAllBytes()));
          }
        }
        urls = List.copyOf(remembered);
        found.put(name, urls);
      }
      return Collections.enumeration(urls);
    }

    /** The file's address, whose content is read from memory. */
    private static URL inMemory(URL file, byte[] content) throws IOException {
      return new URL(file, file.toExternalForm(), new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
          return new URLConnection(url) {
            @Override
            public void connect() {
              connected = true;
            }

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(content);
            }
          };
        }
      });
    }
  }
}
