package org.cpor.tenant;

import java.util.List;
import java.util.regex.Pattern;

/** A customer tenant of the tenant directory: its ID, the language its contact reads, its domains. */
public record Tenant(String tenantId, String contactLanguage, List<String> domains) {

  /** A tenant ID: a GUID. */
  public static final String ID_FORMAT = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
  public static final Pattern ID = Pattern.compile(ID_FORMAT);
  /** A customer domain (RFC 1035 labels, at most 253 characters). */
  public static final String DOMAIN_FORMAT = "^(?=.{4,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$";
  public static final Pattern DOMAIN = Pattern.compile(DOMAIN_FORMAT);
}
