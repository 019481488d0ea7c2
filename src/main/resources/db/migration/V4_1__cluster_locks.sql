-- Rows that nodes lock (select … for update) to take turns at a "check, then insert" of shared data: creating the
-- reference data, demo data, authorisations and Tasklist filters, which several nodes may do at the same moment.
create table cluster_locks (
  name varchar(40) primary key
);
insert into cluster_locks (name) values ('reference-data');
