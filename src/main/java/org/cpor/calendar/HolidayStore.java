package org.cpor.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' additions and removals of holidays, on top of the holiday library, and the calendar's revision.
 * Every change first raises the revision, in the change's transaction: that update's row lock puts changes of the
 * calendar, from any node, one after another, and the new revision tells every node that its cached calendar is out
 * of date.
 */
@Repository
class HolidayStore implements Adjustments {

  private static final RowMapper<HolidayAdjustment> ADJUSTMENT = (rs, n) -> new HolidayAdjustment(
      rs.getObject("holiday_date", LocalDate.class), HolidayAdjustment.Kind.valueOf(rs.getString("kind")), rs.getString("name"));

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  HolidayStore(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Override
  public long revision() {
    return jdbc.sql("select revision from calendar_revision where id = 1").query(Long.class).single();
  }

  @Override
  public List<HolidayAdjustment> inYear(int year) {
    return jdbc.sql("select holiday_date, kind, name from holidays where holiday_date between ? and ? order by holiday_date")
        .param(LocalDate.of(year, 1, 1))
        .param(LocalDate.of(year, 12, 31))
        .query(ADJUSTMENT)
        .list();
  }

  List<HolidayAdjustment> all() {
    return jdbc.sql("select holiday_date, kind, name from holidays order by holiday_date").query(ADJUSTMENT).list();
  }

  Optional<HolidayAdjustment> on(LocalDate day) {
    return jdbc.sql("select holiday_date, kind, name from holidays where holiday_date = ?").param(day).query(ADJUSTMENT).optional();
  }

  /**
   * Takes the calendar's change lock until the transaction ends: no other change of the holidays, from any node, can
   * commit before, so what a change reads after it stays true until it commits.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void lock() {
    jdbc.sql("update calendar_revision set revision = revision + 1 where id = 1").update();
    events.publishEvent(new HolidaysChanged());
  }

  /** A holiday of this name on that day, whatever the library says (creates or renames). */
  @Transactional
  void put(Holiday holiday) {
    save(holiday.date(), HolidayAdjustment.Kind.ADDED, holiday.name());
  }

  /** The library's holiday on that day does not count. */
  @Transactional
  void remove(Holiday libraryHoliday) {
    save(libraryHoliday.date(), HolidayAdjustment.Kind.REMOVED, libraryHoliday.name());
  }

  /** The day is as the library says again; false when administrators had said nothing about it. */
  @Transactional
  boolean delete(LocalDate day) {
    lock();
    return jdbc.sql("delete from holidays where holiday_date = ?").param(day).update() > 0;
  }

  private void save(LocalDate day, HolidayAdjustment.Kind kind, String name) {
    lock();
    // one statement for a new day and a known one; the lock above keeps a concurrent change of that day waiting,
    // since PostgreSQL's MERGE alone may still fail on the primary key when two transactions insert the same day
    jdbc.sql("""
            merge into holidays h
            using (select cast(? as date) as holiday_date, cast(? as varchar(8)) as kind, cast(? as varchar(120)) as name) v
            on h.holiday_date = v.holiday_date
            when matched then update set kind = v.kind, name = v.name
            when not matched then insert (holiday_date, kind, name) values (v.holiday_date, v.kind, v.name)""")
        .param(day).param(kind.name()).param(name)
        .update();
  }
}
