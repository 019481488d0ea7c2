package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ReplayedBodyRequestTest {

  @Test
  void theBytesReadBefore_comeAgain_thenTheRest() throws IOException {
    var request = new ReplayedBodyRequest(new MockHttpServletRequest(), "{\"a\":".getBytes(StandardCharsets.UTF_8),
        new ByteArrayInputStream("1}".getBytes(StandardCharsets.UTF_8)));

    assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(request.getInputStream().isFinished()).isTrue();
  }

  @Test
  void aReaderThatListens_readsTheWholeBody_andHearsTheEnd() {
    var request = new ReplayedBodyRequest(new MockHttpServletRequest(), "claim".getBytes(StandardCharsets.UTF_8));
    ServletInputStream in = request.getInputStream();
    List<String> heard = new ArrayList<>();

    in.setReadListener(new ReadListener() {
      @Override
      public void onDataAvailable() throws IOException {
        heard.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }

      @Override
      public void onAllDataRead() {
        heard.add("end");
      }

      @Override
      public void onError(Throwable t) {
        heard.add("error " + t);
      }
    });

    assertThat(heard).containsExactly("claim", "end");
  }
}
