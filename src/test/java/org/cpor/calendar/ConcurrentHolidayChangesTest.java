package org.cpor.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Administrators on several nodes changing the calendar at the same moment, on the suite's database. */
class ConcurrentHolidayChangesTest extends IntegrationTest {

  private static final int CLIENTS = 8;
  private static final LocalDate FIRST_DAY = LocalDate.parse("2031-03-03");
  private static final int ROUNDS = 10;

  @Autowired HolidayStore store;
  @Autowired CalendarHolidays holidays;

  private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

  @AfterEach
  void removeTheDays() throws Exception {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    for (int round = 0; round < ROUNDS; round++) {
      store.delete(FIRST_DAY.plusDays(round));
    }
  }

  /** Runs the calls all released at one moment and answers their results, failing on the first exception. */
  private <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> call : calls) {
      futures.add(pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return call.call();
      }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  private long rows(LocalDate day) {
    return jdbc.sql("select count(*) from holidays where holiday_date = ?").param(day).query(Long.class).single();
  }

  @Test
  void concurrentSavesOfOneDay_allSucceed_andLeaveOneHoliday() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      LocalDate day = FIRST_DAY.plusDays(round);
      long revision = store.revision();

      atOnce(IntStream.range(0, CLIENTS).<Callable<Boolean>>mapToObj(i -> () -> {
        store.put(new Holiday(day, "Company day " + i));
        return true;
      }).toList());

      assertThat(rows(day)).as("round " + round).isEqualTo(1);
      assertThat(store.on(day)).hasValueSatisfying(a -> assertThat(a.name()).startsWith("Company day "));
      assertThat(store.revision()).as("every save counted").isEqualTo(revision + CLIENTS);
    }
  }

  @Test
  void administratorsSavingOneDayAtOnce_allGetTheirAnswer_andEveryChangeIsRecorded() throws Exception {
    LocalDate day = FIRST_DAY;

    List<Integer> statuses = atOnce(IntStream.range(0, CLIENTS).<Callable<Integer>>mapToObj(i -> () ->
        mvc.perform(put("/api/calendar/holidays/" + day).with(httpBasic("admin", "admin"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Company day " + i + "\"}"))
            .andReturn().getResponse().getStatus()).toList());

    assertThat(statuses).containsOnly(200);
    assertThat(rows(day)).isEqualTo(1);
    assertThat(jdbc.sql("select change from admin_changes where entity = 'HOLIDAY' and entity_id = ? order by id")
        .param(day.toString()).query(String.class).list())
        .hasSize(CLIENTS)
        .as("each change saw the one before it").filteredOn(c -> c.contains("before: no holiday")).hasSize(1);
    assertThat(holidays.isHoliday(day)).isTrue();
  }

  @Test
  void aChangeOnOneNode_isSeenByAnotherWithinTheRefreshInterval() throws Exception {
    AtomicLong nanos = new AtomicLong();
    CalendarHolidays otherNode = new CalendarHolidays(new LibraryHolidays("US", ""), store, Duration.ofSeconds(5), nanos::get);
    LocalDate day = FIRST_DAY;
    assertThat(otherNode.isHoliday(day)).isFalse();
    assertThat(holidays.isHoliday(day)).isFalse();

    mvc.perform(put("/api/calendar/holidays/" + day).with(httpBasic("admin", "admin"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Company day\"}"));

    assertThat(holidays.isHoliday(day)).as("on the node that made the change, at once").isTrue();
    assertThat(otherNode.isHoliday(day)).as("on another node, before it reads the revision again").isFalse();
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(otherNode.isHoliday(day)).as("on another node, once the refresh interval has passed").isTrue();
  }
}
