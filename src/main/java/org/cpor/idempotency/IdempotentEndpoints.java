package org.cpor.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The endpoints that honour {@code Idempotency-Key}: the request method and path of every controller method marked
 * {@link Idempotent}, read from Spring MVC's mappings once the application has started.
 */
@Component
class IdempotentEndpoints implements SmartInitializingSingleton {

  record Endpoint(RequestMethod method, PathPattern path) {

    boolean matches(HttpServletRequest request) {
      if (!method.name().equals(request.getMethod())) {
        return false;
      }
      try {
        return path.matches(PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length())));
      } catch (IllegalArgumentException e) {
        // a path that cannot be decoded matches no endpoint; Spring MVC refuses it as it would without the header
        return false;
      }
    }

    @Override
    public String toString() {
      return method + " " + path.getPatternString();
    }
  }

  private final ObjectProvider<RequestMappingHandlerMapping> mappings;
  private volatile List<Endpoint> endpoints = List.of();

  IdempotentEndpoints(ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<Endpoint> found = new ArrayList<>();
    mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
      if (handler.hasMethodAnnotation(Idempotent.class)) {
        found.addAll(endpoints(info, handler));
      }
    }));
    endpoints = found.stream().distinct().toList();
  }

  private static List<Endpoint> endpoints(RequestMappingInfo info, HandlerMethod handler) {
    if (info.getMethodsCondition().getMethods().isEmpty()) {
      throw new IllegalStateException(handler + " is @Idempotent but maps every request method: name the one that creates");
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
      for (String pattern : info.getPatternValues()) {
        endpoints.add(new Endpoint(method, PathPatternParser.defaultInstance.parse(pattern)));
      }
    }
    return endpoints;
  }

  boolean cover(HttpServletRequest request) {
    return endpoints.stream().anyMatch(endpoint -> endpoint.matches(request));
  }

  List<Endpoint> all() {
    return endpoints;
  }
}
