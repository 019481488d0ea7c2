package org.cpor.reliability;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The SMTP server the nodes send to: GreenMail inside the test JVM, on one port for the whole test. It can go away
 * ({@link #stop()}: nothing listens), hang ({@link #hang()}: a socket that accepts connections and never answers) and
 * come back ({@link #start()}), keeping what it received before.
 */
public final class MailServer implements AutoCloseable {

  /** One received e-mail: to whom, which of the product's notifications (header X-CPOR-Notification), when. */
  public record Mail(String recipient, String kind, String subject, Instant receivedAt, String body) {}

  private static final String HOST = "127.0.0.1";

  private final int port;
  private final List<Mail> earlier = new CopyOnWriteArrayList<>();
  private GreenMail greenMail;
  private ServerSocket hanging;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private MailServer(int port) {
    this.port = port;
    // GreenMail logs every recipient it meets; thousands of them say nothing
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail")).setLevel(ch.qos.logback.classic.Level.WARN);
  }

  /** A running server on a free port. */
  public static MailServer started() {
    MailServer server = new MailServer(Node.freePort());
    server.start();
    return server;
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return port;
  }

  /** SMTP answers again (after a {@link #stop()} or a {@link #hang()}). */
  public synchronized void start() {
    endHang();
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
  }

  /** Nothing listens on the port any more: connections are refused. */
  public synchronized void stop() {
    if (greenMail != null) {
      earlier.addAll(receivedBy(greenMail));
      greenMail.stop();
      greenMail = null;
    }
  }

  /** A server that accepts every connection and never says a word (not even the SMTP greeting). */
  public synchronized void hang() {
    stop();
    try {
      hanging = new ServerSocket();
      hanging.setReuseAddress(true);
      hanging.bind(new InetSocketAddress(HOST, port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerSocket socket = hanging;
    Thread acceptor = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          held.add(socket.accept());
        } catch (IOException e) {
          return;
        }
      }
    }, "hung-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** How many connections the hung server holds. */
  public int heldConnections() {
    return held.size();
  }

  private synchronized void endHang() {
    if (hanging != null) {
      try {
        hanging.close();
        for (Socket socket : held) {
          socket.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      held.clear();
      hanging = null;
    }
  }

  /** Every e-mail received so far, outages included. */
  public synchronized List<Mail> received() {
    List<Mail> all = new ArrayList<>(earlier);
    if (greenMail != null) {
      all.addAll(receivedBy(greenMail));
    }
    return all;
  }

  public List<Mail> received(Predicate<Mail> filter) {
    return received().stream().filter(filter).toList();
  }

  /** How many e-mails each recipient got of each kind, keyed {@code recipient kind}. */
  public Map<String, Long> countsByRecipientAndKind() {
    return received().stream().collect(Collectors.groupingBy(m -> m.recipient() + " " + m.kind(), TreeMap::new, Collectors.counting()));
  }

  /** The path of the decline link in the association request to {@code customer}, or null while there is none. */
  public String declinePath(String customer) {
    return received(m -> m.recipient().equals(customer) && m.kind().equals("CUSTOMER_ASSOCIATION_REQUEST")).stream()
        .map(m -> DECLINE_LINK.matcher(m.body())).filter(java.util.regex.Matcher::find).map(java.util.regex.Matcher::group)
        .findFirst().orElse(null);
  }

  private static final java.util.regex.Pattern DECLINE_LINK = java.util.regex.Pattern.compile("/customer/associations/[A-Za-z0-9._~-]+/decline");

  @Override
  public synchronized void close() {
    endHang();
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  private static List<Mail> receivedBy(GreenMail server) {
    List<Mail> mails = new ArrayList<>();
    for (StoredMessage stored : server.getManagers().getImapHostManager().getAllMessages()) {
      MimeMessage message = stored.getMimeMessage();
      try {
        String[] kind = message.getHeader("X-CPOR-Notification");
        Address[] recipients = message.getAllRecipients();
        String body = message.getContent().toString();
        // the product sends every e-mail to one recipient; GreenMail files it in that recipient's mailbox
        String recipient = recipients == null || recipients.length == 0 ? "?" : recipients[0].toString();
        mails.add(new Mail(recipient, kind == null ? "?" : kind[0], message.getSubject(), stored.getReceivedDate().toInstant(), body));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }
}
