package org.cpor.idempotency;

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
 * The request with the beginning of its body already read (to take its fingerprint): the application reads those
 * bytes again, then whatever the client sent beyond them, as if nothing had been read.
 */
final class ReplayableBodyRequest extends HttpServletRequestWrapper {

  private final ServletInputStream body;

  ReplayableBodyRequest(HttpServletRequest request, byte[] head, InputStream rest) {
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

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body is read blocking");
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
    Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(body, charset));
  }
}
