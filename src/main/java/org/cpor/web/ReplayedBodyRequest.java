package org.cpor.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body a filter has already read (all of it, or its beginning): what follows in the chain reads those
 * bytes again, then whatever the client sent beyond them, as if nothing had been read.
 */
public final class ReplayedBodyRequest extends HttpServletRequestWrapper {

  private final ServletInputStream body;

  /** The whole body, read before. */
  public ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
    this(request, body, InputStream.nullInputStream());
  }

  /** The body's first bytes, read before, then the rest of the client's stream. */
  public ReplayedBodyRequest(HttpServletRequest request, byte[] head, InputStream rest) {
    super(request);
    InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), rest);
    this.body = new ServletInputStream() {
      private boolean finished;

      @Override
      public int read() throws IOException {
        int b = all.read();
        finished = b < 0;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = all.read(buffer, offset, length);
        finished = n < 0;
        return n;
      }

      @Override
      public boolean isFinished() {
        return finished;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      /** The bytes are at hand (or a blocking read away): the listener reads them at once, then hears the end. */
      @Override
      public void setReadListener(ReadListener listener) {
        try {
          listener.onDataAvailable();
          if (finished) {
            listener.onAllDataRead();
          }
        } catch (IOException | RuntimeException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public ServletInputStream getInputStream() {
    return body;
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(body, charset));
  }
}
