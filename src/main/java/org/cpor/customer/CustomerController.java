package org.cpor.customer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimStore;
import org.cpor.claim.ReasonCodes;
import org.cpor.partner.PartnerDirectory;
import org.cpor.web.ConcurrentChanges;
import org.cpor.web.ConflictException;
import org.cpor.web.Languages;
import org.cpor.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.LocaleResolver;

/** The customer's pages behind the signed link: no account, no JavaScript, in the contact's language. */
@Controller
@RequestMapping("/customer/associations/{token}")
class CustomerController {


  private final CustomerLinks links;
  private final ClaimStore claims;
  private final CustomerDeclines declines;
  private final PartnerDirectory partners;
  private final WorkloadCatalogue catalogue;
  private final BusinessCalendar calendar;
  private final LocaleResolver locales;

  CustomerController(CustomerLinks links, ClaimStore claims, CustomerDeclines declines, PartnerDirectory partners,
      WorkloadCatalogue catalogue, BusinessCalendar calendar, LocaleResolver locales) {
    this.links = links;
    this.claims = claims;
    this.declines = declines;
    this.partners = partners;
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.locales = locales;
  }

  @GetMapping
  String page(@PathVariable String token, @RequestParam(required = false) String lang, HttpServletRequest request, Model model) {
    prepare(token, lang, request, model);
    return "customer/association";
  }

  @GetMapping("/decline")
  String confirm(@PathVariable String token, @RequestParam(required = false) String lang, HttpServletRequest request, Model model) {
    prepare(token, lang, request, model);
    return "customer/decline";
  }

  /**
   * A decline that loses a race in the engine (the window's timer being locked by a job executor at that moment)
   * is recorded again on the committed state; if it keeps losing, the customer is asked to confirm again (409).
   */
  @PostMapping("/decline")
  String decline(@PathVariable String token, @RequestParam(required = false) String lang, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Claim claim = claimOf(token);
    try {
      ConcurrentChanges.retried(() -> {
        declines.decline(claim.id());
        return claim.id();
      }, Map::of);
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      prepare(token, lang, request, model);
      model.addAttribute("retry", true);
      return "customer/decline";
    }
    prepare(token, lang, request, model);
    return "customer/association";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "customer/not-found";
  }

  private Claim claimOf(String token) {
    return links.claimId(token).flatMap(claims::find)
        .filter(c -> c.customerNotifiedAt() != null)
        .orElseThrow(() -> new NotFoundException("unknown link"));
  }

  private void prepare(String token, String lang, HttpServletRequest request, Model model) {
    Claim claim = claimOf(token);
    String language = Languages.isSupported(lang) ? lang : claim.customerContact().language();
    locales.setLocale(request, null, Locale.forLanguageTag(language));
    model.addAttribute("token", token);
    model.addAttribute("language", language);
    model.addAttribute("otherLanguage", Languages.other(language));
    model.addAttribute("claim", claim);
    model.addAttribute("partnerName", partners.organisation(claim.organisationId()).orElseThrow().name());
    model.addAttribute("workloads", claim.workloadCodes().stream().map(catalogue::displayName).toList());
    model.addAttribute("deadline", BusinessCalendar.label(claim.optOutDeadlineAt(), calendar.zone()));
    model.addAttribute("state", state(claim));
  }

  /** What the page tells the customer. */
  private String state(Claim claim) {
    return switch (claim.status()) {
      case APPROVED -> "open";
      case OFFICIAL -> "official";
      case WITHDRAWN -> "withdrawn";
      case ENDED -> claim.customerDeclinedAt() != null ? "ended-by-customer" : "ended";
      case REJECTED -> claims.latestDecision(claim.id())
          .filter(d -> d.reasons().contains(ReasonCodes.CUSTOMER_DECLINED)).isPresent() ? "declined" : "closed";
      default -> "closed";
    };
  }
}
