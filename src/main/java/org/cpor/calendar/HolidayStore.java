package org.cpor.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class HolidayStore implements Holidays {

  private final JdbcClient jdbc;

  HolidayStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean isHoliday(LocalDate day) {
    return jdbc.sql("select count(*) from holidays where holiday_date = ?").param(day).query(Integer.class).single() > 0;
  }

  public List<Holiday> inYear(int year) {
    return jdbc.sql("select holiday_date, name from holidays where holiday_date between ? and ? order by holiday_date")
        .param(LocalDate.of(year, 1, 1))
        .param(LocalDate.of(year, 12, 31))
        .query((rs, n) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name")))
        .list();
  }

  /** Creates or renames the holiday on that day. */
  public void put(Holiday holiday) {
    int updated = jdbc.sql("update holidays set name = ? where holiday_date = ?")
        .param(holiday.name()).param(holiday.date()).update();
    if (updated == 0) {
      jdbc.sql("insert into holidays (holiday_date, name) values (?, ?)").param(holiday.date()).param(holiday.name()).update();
    }
  }

  public boolean putIfAbsent(Holiday holiday) {
    if (isHoliday(holiday.date())) {
      return false;
    }
    put(holiday);
    return true;
  }

  public boolean delete(LocalDate day) {
    return jdbc.sql("delete from holidays where holiday_date = ?").param(day).update() > 0;
  }
}
