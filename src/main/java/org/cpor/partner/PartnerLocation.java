package org.cpor.partner;

import java.util.regex.Pattern;

/** A PartnerID: one location of an organisation, enrolled in the incentive programs or not. */
public record PartnerLocation(String partnerId, String organisationId, boolean enrolled) {

  /** A PartnerID: 6 to 8 digits. */
  public static final String PARTNER_ID_FORMAT = "^[0-9]{6,8}$";
  public static final Pattern PARTNER_ID = Pattern.compile(PARTNER_ID_FORMAT);
}
