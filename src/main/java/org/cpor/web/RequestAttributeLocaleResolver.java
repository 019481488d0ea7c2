package org.cpor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The locale a controller chose for this request, else the browser's. */
class RequestAttributeLocaleResolver extends AcceptHeaderLocaleResolver {

  private static final String ATTRIBUTE = RequestAttributeLocaleResolver.class.getName() + ".locale";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object chosen = request.getAttribute(ATTRIBUTE);
    return chosen instanceof Locale locale ? locale : super.resolveLocale(request);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    request.setAttribute(ATTRIBUTE, locale);
  }
}
