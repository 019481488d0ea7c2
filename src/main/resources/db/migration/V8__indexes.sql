-- Indexes for the foreign keys and filters that the claim and association lists, a claim's details, the searches, the
-- audit export and Cockpit's claims history read by. PostgreSQL does not index a foreign key by itself.
create index associations_claim on associations (claim_id);
create index associations_organisation on associations (organisation_id, since);
create index notifications_claim on notifications (claim_id, id);
-- every list and the audit views order by submission time; a list filtered by status alone (staff) too
create index claims_submitted on claims (submitted_at, id);
create index claims_status on claims (status, submitted_at);
create index claims_partner on claims (partner_id);
-- the open claims for a tenant and workload (the automated checks) and the lists' workload filter
create index claim_workloads_code on claim_workloads (code, claim_id);
create index partner_locations_organisation on partner_locations (organisation_id);
create index tenant_domains_tenant on tenant_domains (tenant_id);
-- Cockpit's weekly figures of review SLA breaches
create index claim_timeline_type on claim_timeline (type, occurred_at);
