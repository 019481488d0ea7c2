package org.cpor.audit.cockpit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cpor.claim.ClaimStatus;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Params;

/**
 * The claims history's search as the auditor asked for it, every parameter checked before any SQL: a bad one is
 * refused by name (400), so nothing a caller types reaches the database as anything but a bound, valid value.
 */
record HistorySearch(String claimId, String partnerId, String tenantId, ClaimStatus outcome, LocalDate from,
    LocalDate to, HistorySort sort, boolean descending, int page, int size) {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 200;

  /** Claim IDs are GUIDs; anything longer or with other characters names no claim. */
  private static final Pattern CLAIM_ID = Pattern.compile("^[A-Za-z0-9-]{1,36}$");

  static HistorySearch parse(String claimId, String partnerId, String tenantId, String outcome, String from, String to,
      String sort, String direction, String page, String size) {
    List<FieldError> errors = new ArrayList<>();
    String claim = Params.blankToNull(claimId);
    if (claim != null && !CLAIM_ID.matcher(claim).matches()) {
      errors.add(new FieldError("claimId", "must be a claim ID (letters, digits and hyphens, at most 36)"));
    }
    String partner = Params.blankToNull(partnerId);
    if (partner != null && !PartnerLocation.PARTNER_ID.matcher(partner).matches()) {
      errors.add(new FieldError("partnerId", "must be a PartnerID of 6 to 8 digits"));
    }
    String tenant = Params.blankToNull(tenantId);
    if (tenant != null && !Tenant.ID.matcher(tenant).matches()) {
      errors.add(new FieldError("tenantId", "must be a GUID (the Microsoft Entra directory ID)"));
    }
    ClaimStatus status = null;
    try {
      status = Params.code(ClaimStatus.class, "outcome", outcome);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    LocalDate fromDate = date("from", from, errors);
    LocalDate toDate = date("to", to, errors);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      errors.add(new FieldError("from", "must not be after to"));
    }
    HistorySort sortKey = null;
    try {
      sortKey = HistorySort.parse(sort);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    String order = Params.blankToNull(direction);
    if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
      errors.add(new FieldError("direction", "must be asc or desc"));
    }
    // newest first unless asked otherwise
    boolean descending = order == null || order.equalsIgnoreCase("desc");
    Integer sizeValue = number("size", size, DEFAULT_SIZE, errors);
    if (sizeValue != null && (sizeValue < 1 || sizeValue > MAX_SIZE)) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
    }
    Integer pageValue = number("page", page, 0, errors);
    if (pageValue != null && pageValue < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    } else if (pageValue != null && sizeValue != null && sizeValue >= 1 && sizeValue <= MAX_SIZE
        && (long) pageValue * sizeValue > Integer.MAX_VALUE) {
      // the offset must fit what the database takes; no such page can hold a claim anyway
      errors.add(new FieldError("page", "must be at most " + Integer.MAX_VALUE / sizeValue + " with size " + sizeValue));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new HistorySearch(claim, partner, tenant == null ? null : tenant.toLowerCase(Locale.ROOT), status,
        fromDate, toDate, sortKey, descending, pageValue, sizeValue);
  }

  /** A claim ID in a path, checked like the search's. */
  static String claimId(String value) {
    if (value == null || !CLAIM_ID.matcher(value).matches()) {
      throw new InvalidInputException("claimId", "must be a claim ID (letters, digits and hyphens, at most 36)");
    }
    return value;
  }

  int offset() {
    return page * size;
  }

  private static LocalDate date(String parameter, String value, List<FieldError> errors) {
    try {
      return Params.date(parameter, value);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  private static Integer number(String parameter, String value, int absent, List<FieldError> errors) {
    String text = Params.blankToNull(value);
    if (text == null) {
      return absent;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(parameter, "must be a whole number"));
      return null;
    }
  }
}
