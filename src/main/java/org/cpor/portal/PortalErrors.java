package org.cpor.portal;

import org.cpor.identity.Callers;
import org.cpor.web.ForbiddenException;
import org.cpor.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The portal answers pages, not problem details: 404 for what is not the caller's, 403 for what they may not do. */
@ControllerAdvice(assignableTypes = {PortalClaimsController.class, PortalAssociationsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

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

  @ExceptionHandler(ForbiddenException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(ForbiddenException e, Model model) {
    page(model, "Not allowed", e.getMessage());
    return "portal/error";
  }
}
