package org.cpor.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpor.identity.Workplaces.Webapp;
import org.cpor.identity.Workplaces;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a browser meets (whatever answered it: the webapps' own authorisation, Spring Security, a missing page,
 * a fault) is a page of the product that says what happened and where the user can go instead. Clients that ask for
 * JSON keep Spring's JSON answer, and the API its problem details: this resolves HTML views only.
 */
@Component
class ErrorPages implements ErrorViewResolver, Ordered {

  private static final String CUSTOMER_PAGES = "/customer/associations/";

  private final Workplaces workplaces;
  private final LocaleResolver locales;

  ErrorPages(Workplaces workplaces, LocaleResolver locales) {
    this.workplaces = workplaces;
    this.locales = locales;
  }

  @Override
  public int getOrder() {
    // before Spring Boot's own resolver (templates named after the status)
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /**
   * A browser asking for a page, not a client of the API: the problem details of {@code /api} (and of anything asked
   * for as JSON) stay as they are.
   */
  static boolean isPageRequest(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    return !path.startsWith("/api/") && !path.startsWith("/engine-rest") && !path.startsWith("/camunda/api/")
        && accept != null && accept.contains("text/html");
  }

  /** What the page says: a heading, what happened, what to do instead. */
  record Explanation(String title, String what, String instead) {}

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> springModel) {
    String path = path(request, springModel);
    Optional<String> customerPage = customerPage(path);
    if (customerPage.isPresent()) {
      return customerError(request, status, customerPage.get());
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn = Workplaces.signedIn(authentication);
    List<Workplaces.Workplace> places = workplaces.of(authentication);
    Explanation explanation = explain(status, path, request, signedIn, places.isEmpty());

    Map<String, Object> model = new HashMap<>();
    model.put("status", status.value());
    model.put("title", explanation.title());
    model.put("what", explanation.what());
    model.put("instead", explanation.instead());
    model.put("places", places);
    model.put("signedIn", signedIn);
    model.put("userId", signedIn ? authentication.getName() : null);
    model.put("csrf", signedIn ? csrfToken(request) : null);
    return new ModelAndView("error", model, status);
  }

  /**
   * The customer never signs in and reads their pages in their own language: an error on one of them is a page in the
   * customer pages' style and language (the one the page was asked in, else the browser's), leading back to the page.
   */
  private ModelAndView customerError(HttpServletRequest request, HttpStatus status, String page) {
    String lang = request.getParameter("lang");
    if (Languages.isSupported(lang)) {
      locales.setLocale(request, null, java.util.Locale.forLanguageTag(lang));
    }
    String kind = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException ? "stale"
        : status == HttpStatus.NOT_FOUND ? "not-found"
        : status.is5xxServerError() ? "failed" : "other";
    Map<String, Object> model = new HashMap<>();
    model.put("kind", kind);
    model.put("page", page + (Languages.isSupported(lang) ? "?lang=" + lang : ""));
    model.put("language", locales.resolveLocale(request).getLanguage());
    return new ModelAndView("customer/error", model, status);
  }

  private static Explanation explain(HttpStatus status, String path, HttpServletRequest request, boolean signedIn, boolean nowhere) {
    if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
      return new Explanation("This page was open too long",
              "The form you sent was out of date (it had been open too long, or you signed in or out in another tab), so "
                  + "nothing was changed.",
              signedIn ? "Open the page again and repeat what you did." : "Sign in again, then repeat what you did.");
    }
    if (status == HttpStatus.FORBIDDEN) {
      Optional<Webapp> webapp = Webapp.ofPath(path);
      if (webapp.isPresent()) {
        return new Explanation(webapp.get().title + " is not open to you", webapp.get().audience, instead(nowhere));
      }
      if (path.startsWith("/portal")) {
        return new Explanation("The partner portal is not open to you", Workplaces.PORTAL_AUDIENCE, instead(nowhere));
      }
      return new Explanation("You may not open this page", "Your user has no right to this page.", instead(nowhere));
    }
    if (status == HttpStatus.UNAUTHORIZED) {
      return new Explanation("Please sign in", "This page is for signed-in users.", "Sign in with your user name and password.");
    }
    if (status == HttpStatus.NOT_FOUND) {
      return new Explanation("Page not found", "There is no page at this address: it may be mistyped, or the link is out of date.",
          instead(nowhere));
    }
    if (status.is5xxServerError()) {
      return new Explanation("Something went wrong on our side",
          "The page could not be shown. The error has been recorded for the operators; if you were sending something, "
              + "check whether it arrived before sending it again.",
          "Try again in a moment, or go on elsewhere.");
    }
    return new Explanation("This request could not be handled",
        "The browser sent something this page does not accept (" + status.value() + " " + status.getReasonPhrase() + ").",
        instead(nowhere));
  }

  /**
   * The session's CSRF token for the page's sign-out form. Spring Security's CSRF filter does not run on an error
   * dispatch, so a page answered by the webapps (their own chain, without CSRF) or refused before the filter has none
   * of its own: it is read from the session as the filter would, and masked as the filter expects it back.
   */
  private static CsrfToken csrfToken(HttpServletRequest request) {
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      return token;
    }
    HttpServletResponse response = RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getResponse() : null;
    DeferredCsrfToken deferred = SESSION_TOKENS.loadDeferredToken(request, response);
    new XorCsrfTokenRequestAttributeHandler().handle(request, response, deferred::get);
    return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
  }

  private static final HttpSessionCsrfTokenRepository SESSION_TOKENS = new HttpSessionCsrfTokenRepository();

  private static String instead(boolean nowhere) {
    return nowhere ? "Sign in as a user who may use this product, or ask your administrator for access."
        : "This is where you can work instead:";
  }

  /** The customer's own page, when the error happened on one of its pages (its link is the way back). */
  private static Optional<String> customerPage(String path) {
    if (!path.startsWith(CUSTOMER_PAGES)) {
      return Optional.empty();
    }
    String token = path.substring(CUSTOMER_PAGES.length()).split("/", 2)[0];
    return token.isEmpty() ? Optional.empty() : Optional.of(CUSTOMER_PAGES + token);
  }

  private static String path(HttpServletRequest request, Map<String, Object> springModel) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : String.valueOf(springModel.getOrDefault("path", ""));
    String context = request.getContextPath();
    return !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
  }
}
