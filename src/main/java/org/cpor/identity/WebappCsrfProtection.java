package org.cpor.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webapps' CSRF protection without its sign-out: Camunda's filter ends the session of any request that lacks the
 * token, so a cross-site form posting to {@code /camunda/api/…} would sign the victim out of the webapps, the portal
 * and the API at once (one sign-in, one session). This filter refuses such a request the same way and keeps the
 * session. It is registered under the name of Camunda's filter, which Camunda then leaves out.
 */
@Configuration
class WebappCsrfProtection {

  /** Camunda's webapps register their CSRF filter under this name unless a filter of the name exists already. */
  static final String FILTER_NAME = "CsrfPreventionFilter";

  @Bean
  FilterRegistrationBean<CsrfPreventionFilter> webappCsrfPrevention(CamundaBpmProperties camunda) {
    FilterRegistrationBean<CsrfPreventionFilter> registration = new FilterRegistrationBean<>(new KeepingSession());
    String path = camunda.getWebapp().getApplicationPath();
    registration.addUrlPatterns(path + "/api/*", path + "/app/*");
    registration.setInitParameters(camunda.getWebapp().getCsrf().getInitParams());
    registration.setName(FILTER_NAME);
    // after the single sign-on (order 0) and before Camunda's webapp filters, which register after every bean
    registration.setOrder(1);
    return registration;
  }

  static final class KeepingSession extends CsrfPreventionFilter {

    @Override
    protected boolean doTokenValidation(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      HttpSession session = request.getSession(false);
      Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      if (sent == null || sent.isBlank()) {
        response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
        response.sendError(getDenyStatus(), "The request has no CSRF token (header " + CsrfConstants.CSRF_TOKEN_HEADER_NAME + ")");
        return false;
      }
      if (expected == null || !expected.equals(sent)) {
        response.sendError(getDenyStatus(), "The request's CSRF token is not this session's");
        return false;
      }
      return true;
    }
  }
}
