package org.cpor.notification;

/** Every e-mail of DOMAIN.md; the template of each is {@code mail/<kind in kebab case>_<language>.txt}. */
public enum NotificationKind {
  CLAIM_RECEIVED,
  INFORMATION_REQUESTED,
  APPROVED_CUSTOMER_NOTIFIED,
  ASSOCIATION_OFFICIAL,
  CLAIM_REJECTED,
  DECLINED_BY_CUSTOMER,
  ASSOCIATION_ENDED,
  ASSOCIATION_SUPERSEDED,
  CUSTOMER_ASSOCIATION_REQUEST,
  CUSTOMER_ASSOCIATION_ENDED,
  REVIEW_SLA_BREACHED;

  String template(String language) {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "_" + language;
  }
}
