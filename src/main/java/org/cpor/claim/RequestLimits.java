package org.cpor.claim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.cpor.web.Limits;
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
 * once one byte more has arrived; a partner's request is then held to its limits (400) before the controller runs,
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
    // read up to one byte over the limit before parsing: a body sent without its length (chunked, a multipart part)
    // is refused the same way, and never from inside the parser
    byte[] body = message.getBody().readNBytes(Limits.JSON_BODY_BYTES + 1);
    if (body.length > Limits.JSON_BODY_BYTES) {
      throw tooLarge();
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
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
      ClaimLimits.check(claim, 0);
    } else if (body instanceof InformationAnswer answer) {
      ClaimLimits.check(answer, 0);
    } else if (body instanceof Disputes.DisputeRequest dispute) {
      ClaimLimits.check(dispute, 0);
    } else if (body instanceof ClaimController.WithdrawalRequest withdrawal) {
      ClaimLimits.checkWithdrawal(withdrawal.reason());
    }
    return body;
  }

  private static PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException("A request body may have at most " + Limits.JSON_BODY_BYTES + " bytes (256 KB)");
  }
}
