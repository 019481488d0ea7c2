package org.cpor.partner;

/** A PartnerID: one location of an organisation, enrolled in the incentive programs or not. */
public record PartnerLocation(String partnerId, String organisationId, boolean enrolled) {}
