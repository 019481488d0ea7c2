package org.cpor.notification;

enum DeliveryState {
  /** waiting to be sent, or to be tried again at {@code nextAttemptAt} */
  PENDING,
  /** being handed to the mail server right now */
  SENDING,
  SENT,
  /** every attempt failed */
  FAILED
}
