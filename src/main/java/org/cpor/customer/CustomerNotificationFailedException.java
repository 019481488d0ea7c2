package org.cpor.customer;

/** The customer's e-mail was not taken by the mail server. */
class CustomerNotificationFailedException extends RuntimeException {
  public CustomerNotificationFailedException(String message) {
    super(message);
  }
}
