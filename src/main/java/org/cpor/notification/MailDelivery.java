package org.cpor.notification;

/** Hands one e-mail over: to the SMTP server, or to the local mailbox of the embedded default run. */
interface MailDelivery {
  void deliver(Notification notification) throws Exception;
}
