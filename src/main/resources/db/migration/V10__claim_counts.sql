-- How many claims each organisation has in each status and program, and how many of those claim each workload
-- (workload '' counts every claim once): the total of a claim list and the portal's counts per status read these
-- few rows instead of counting the claims. ClaimStore keeps them in the transaction that changes a claim.
create table claim_counts (
  organisation_id varchar(40) not null,
  status          varchar(40) not null,
  program         varchar(40) not null,
  workload        varchar(60) not null,
  claims          bigint      not null,
  primary key (organisation_id, status, program, workload)
);

insert into claim_counts (organisation_id, status, program, workload, claims)
select organisation_id, status, program, '', count(*) from claims group by organisation_id, status, program;

insert into claim_counts (organisation_id, status, program, workload, claims)
select c.organisation_id, c.status, c.program, w.code, count(*)
from claims c join claim_workloads w on w.claim_id = c.id
group by c.organisation_id, c.status, c.program, w.code;
