package org.cpor.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One SMTP server for the whole suite, on a free port, which the product reaches through a {@link MailLine}: a test
 * that needs the server down or hanging says so on the line.
 */
public final class TestMailServer {

  private static GreenMail server;
  private static MailLine line;

  private TestMailServer() {}

  public static synchronized GreenMail get() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      try {
        line = new MailLine(server.getSmtp().getPort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** The line the product's mail sender is configured with. */
  public static synchronized MailLine line() {
    get();
    return line;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
