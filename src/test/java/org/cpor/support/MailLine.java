package org.cpor.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The line between the product and the suite's mail server, which a test puts in the state it needs: up (every
 * connection reaches the server), down (every connection is closed at once) or hanging (connections are taken and
 * never answered). Tests change the mail server's availability here, never the product's mail sender.
 */
public final class MailLine {

  private enum State { UP, DOWN, HANGING }

  private final ServerSocket listener;
  private final int serverPort;
  private final List<Socket> held = new ArrayList<>();
  private volatile State state = State.UP;

  MailLine(int serverPort) throws IOException {
    this.serverPort = serverPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "mail-line");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port the product's mail sender is configured with. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The server answers again; connections left hanging are closed. */
  public void up() {
    state = State.UP;
    synchronized (held) {
      held.forEach(MailLine::close);
      held.clear();
    }
  }

  /** Every new connection is closed before the server's greeting. */
  public void down() {
    state = State.DOWN;
  }

  /** Every new connection is taken and never answered, until the line is up again. */
  public void hang() {
    state = State.HANGING;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        switch (state) {
          case DOWN -> close(client);
          case HANGING -> {
            synchronized (held) {
              held.add(client);
            }
          }
          case UP -> connect(client);
        }
      } catch (IOException e) {
        // a connection that failed while being set up fails the sender's attempt, which is what the test sees
      }
    }
  }

  private void connect(Socket client) throws IOException {
    Socket server;
    try {
      server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
    } catch (IOException e) {
      close(client);
      throw e;
    }
    pipe(client, server);
    pipe(server, client);
  }

  private static void pipe(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        in.transferTo(out);
      } catch (IOException e) {
        // one side closed: the conversation is over
      } finally {
        close(from);
        close(to);
      }
    }, "mail-line-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing is all that was wanted
    }
  }
}
