package org.cpor.portal;

import java.util.Locale;
import org.cpor.association.AssociationQuery;
import org.cpor.association.Associations;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.Association;
import org.cpor.claim.AssociationStatus;
import org.cpor.claim.ClaimAccess;
import org.cpor.claim.CompetitorRedaction;
import org.cpor.claim.Labels;
import org.cpor.identity.Caller;
import org.cpor.identity.Callers;
import org.cpor.web.ConflictException;
import org.cpor.web.ForbiddenException;
import org.cpor.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner portal's associations: every status, and ending an official one with a reason. */
@Controller
@RequestMapping("/portal/associations")
class PortalAssociationsController {

  private final Associations service;
  private final WorkloadCatalogue catalogue;
  private final Deadlines deadlines;
  private final Callers callers;
  private final CompetitorRedaction redaction;
  private final Labels labels;
  private final ClaimAccess access;

  PortalAssociationsController(Associations service, WorkloadCatalogue catalogue,
      Deadlines deadlines, Callers callers, CompetitorRedaction redaction, ClaimAccess access, Labels labels) {
    this.labels = labels;
    this.access = access;
    this.redaction = redaction;
    this.service = service;
    this.catalogue = catalogue;
    this.deadlines = deadlines;
    this.callers = callers;
  }

  @GetMapping
  String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
    Caller caller = callers.current();
    AssociationStatus filter = "ACTIVE".equalsIgnoreCase(status) || "ENDED".equalsIgnoreCase(status)
        ? AssociationStatus.valueOf(status.toUpperCase(Locale.ROOT)) : null;
    AssociationQuery query = new AssociationQuery(caller.organisationFilter(), null, null, filter, Math.max(page, 0), 50);
    model.addAttribute("caller", caller);
    model.addAttribute("canChange", caller.isIncentivesAdmin());
    Associations.Listing listing = service.list(query, caller);
    model.addAttribute("associations", listing.associations());
    model.addAttribute("total", listing.total());
    model.addAttribute("status", filter == null ? "" : filter.name());
    model.addAttribute("catalogue", catalogue);
    model.addAttribute("labels", labels);
    model.addAttribute("deadlines", deadlines);
    return "portal/associations";
  }

  /** The confirmation page: what ending the association means, the mandatory reason, then the button that ends it. */
  @GetMapping("/{id}/disassociation")
  String confirmDisassociation(@PathVariable String id, Model model, RedirectAttributes redirect) {
    Caller caller = callers.current();
    Association association = service.read(id, caller);
    if (!caller.isIncentivesAdmin()) {
      throw new ForbiddenException("Only an Incentives admin of your organisation may end an association");
    }
    if (association.status() != AssociationStatus.ACTIVE) {
      redirect.addFlashAttribute("error", "This association has ended already.");
      return "redirect:/portal/associations";
    }
    model.addAttribute("caller", caller);
    model.addAttribute("canChange", true);
    model.addAttribute("labels", labels);
    model.addAttribute("association", redaction.association(association, caller));
    model.addAttribute("claim", access.read(association.claimId(), caller));
    model.addAttribute("since", deadlines.format(association.since(), caller));
    return "portal/disassociate";
  }

  @PostMapping("/{id}/disassociation")
  String disassociate(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    try {
      service.disassociate(id, reason, callers.current());
      redirect.addFlashAttribute("message", "The association has ended; the customer has been told.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", FieldErrors.sentence(e.errors(), labels));
      return "redirect:/portal/associations/" + id + "/disassociation";
    } catch (ConflictException e) {
      redirect.addFlashAttribute("error", labels.sentence(e.getMessage()));
    }
    return "redirect:/portal/associations";
  }
}
