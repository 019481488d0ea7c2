package org.cpor.claim;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.cpor.web.PayloadTooLargeException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * {@link Limits} at the door, for every request body the API reads (JSON bodies and the JSON part of a multipart
 * claim): a body over {@link Limits#JSON_BODY_BYTES} is refused (413) before it is parsed, by its declared length or
 * once that many bytes have arrived; a partner's request is then held to its limits (400) before the controller runs,
 * so it does not even learn who the caller is from the database. The services check the same limits for the portal.
 */
@ControllerAdvice
class RequestLimits extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
    if (message.getHeaders().getContentLength() > Limits.JSON_BODY_BYTES) {
      throw tooLarge();
    }
    InputStream body = new Bounded(message.getBody());
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return body;
      }

      @Override
      public HttpHeaders getHeaders() {
        return message.getHeaders();
      }
    };
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    if (body instanceof ClaimRequest claim) {
      Limits.check(claim, 0);
    } else if (body instanceof InformationAnswer answer) {
      Limits.check(answer, 0);
    } else if (body instanceof Disputes.DisputeRequest dispute) {
      Limits.check(dispute, 0);
    } else if (body instanceof ClaimController.WithdrawalRequest withdrawal) {
      Limits.checkWithdrawal(withdrawal.reason());
    }
    return body;
  }

  private static PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException("A request body may have at most " + Limits.JSON_BODY_BYTES + " bytes (256 KB)");
  }

  /** Stops reading, and the request, once the body has more bytes than allowed (a body sent without its length). */
  private static final class Bounded extends FilterInputStream {

    private long read;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long bytes) {
      read += bytes;
      if (read > Limits.JSON_BODY_BYTES) {
        throw tooLarge();
      }
    }
  }
}
