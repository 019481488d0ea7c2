-- The holidays themselves come from the holiday library (Jollyday) for the configured country. This table keeps only
-- what administrators say about a day on top of it: ADDED (a holiday of that name, also renaming the library's) or
-- REMOVED (the library's holiday of that name does not count).
alter table holidays add column kind varchar(8) default 'ADDED' not null;
alter table holidays add constraint holidays_kind check (kind in ('ADDED', 'REMOVED'));

-- The former demo seed (United States federal holidays of 2026 and 2027, typed by hand): every one of these days is
-- given by the holiday library now, so these rows are nobody's addition.
delete from holidays where kind = 'ADDED' and (
     (holiday_date = date '2026-01-01' and name = 'New Year''s Day')
  or (holiday_date = date '2026-01-19' and name = 'Birthday of Martin Luther King, Jr.')
  or (holiday_date = date '2026-02-16' and name = 'Washington''s Birthday')
  or (holiday_date = date '2026-05-25' and name = 'Memorial Day')
  or (holiday_date = date '2026-06-19' and name = 'Juneteenth National Independence Day')
  or (holiday_date = date '2026-07-03' and name = 'Independence Day (observed)')
  or (holiday_date = date '2026-09-07' and name = 'Labor Day')
  or (holiday_date = date '2026-10-12' and name = 'Columbus Day')
  or (holiday_date = date '2026-11-11' and name = 'Veterans Day')
  or (holiday_date = date '2026-11-26' and name = 'Thanksgiving Day')
  or (holiday_date = date '2026-12-25' and name = 'Christmas Day')
  or (holiday_date = date '2027-01-01' and name = 'New Year''s Day')
  or (holiday_date = date '2027-01-18' and name = 'Birthday of Martin Luther King, Jr.')
  or (holiday_date = date '2027-02-15' and name = 'Washington''s Birthday')
  or (holiday_date = date '2027-05-31' and name = 'Memorial Day')
  or (holiday_date = date '2027-06-18' and name = 'Juneteenth National Independence Day (observed)')
  or (holiday_date = date '2027-07-05' and name = 'Independence Day (observed)')
  or (holiday_date = date '2027-09-06' and name = 'Labor Day')
  or (holiday_date = date '2027-10-11' and name = 'Columbus Day')
  or (holiday_date = date '2027-11-11' and name = 'Veterans Day')
  or (holiday_date = date '2027-11-25' and name = 'Thanksgiving Day')
  or (holiday_date = date '2027-12-24' and name = 'Christmas Day (observed)')
  or (holiday_date = date '2027-12-31' and name = 'New Year''s Day (observed)'));

-- Raised by every change of the holidays table, in the same transaction. Nodes compare it with the one their cached
-- calendar was built from; the update's row lock also puts concurrent changes of the calendar one after the other.
create table calendar_revision (
  id       int    primary key,
  revision bigint not null
);
insert into calendar_revision (id, revision) values (1, 0);
