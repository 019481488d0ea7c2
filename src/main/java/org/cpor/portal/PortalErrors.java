package org.cpor.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.cpor.identity.Callers;
import org.cpor.web.ForbiddenException;
import org.cpor.web.NotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The portal answers pages, not problem details: 404 for what is not the caller's, 403 for what they may not do. */
@ControllerAdvice(assignableTypes = {PortalClaimsController.class, PortalAssociationsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortalErrors.class);

  private final Callers callers;

  PortalErrors(Callers callers) {
    this.callers = callers;
  }

  private void page(Model model, String title, String detail) {
    model.addAttribute("caller", callers.current());
    model.addAttribute("canChange", callers.current().isIncentivesAdmin());
    model.addAttribute("title", title);
    model.addAttribute("detail", detail);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    page(model, "Not found", e.getMessage());
    return "portal/error";
  }

  /**
   * Anything else is a page too, never the API's problem details: Spring's own answers (a bad parameter 400, 405 …)
   * and faults (500, logged here with their cause) go to the product's error page of their status, without internals.
   */
  @ExceptionHandler(Exception.class)
  void other(Exception e, HttpServletResponse response) throws Exception {
    if (e instanceof ErrorResponse || e instanceof TypeMismatchException || e instanceof AccessDeniedException
        || e instanceof AuthenticationException) {
      throw e;
    }
    log.error("A portal page failed", e);
    response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
  }

  @ExceptionHandler(ForbiddenException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(ForbiddenException e, Model model) {
    page(model, "Not allowed", e.getMessage());
    return "portal/error";
  }
}
