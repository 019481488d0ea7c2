-- A row per organisation and customer tenant that a submission locks (select … for update) while it checks for a
-- duplicate of the organisation's own claims and stores the new claim: two submissions for the same tenant take turns,
-- submissions for different tenants do not wait for each other (the organisation's row was locked before).
create table submission_locks (
  organisation_id varchar(40) not null,
  tenant_id       varchar(36) not null,
  primary key (organisation_id, tenant_id)
);
