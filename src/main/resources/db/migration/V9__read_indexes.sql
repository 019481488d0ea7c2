-- Indexes for the lists that page through many claims, each in the order its query sorts by, so that a page reads
-- its rows from the index in order and stops, and a count reads the index only.

-- A partner's claims in one status, newest first (GET /api/claims?status=…, the portal's list): ClaimSort.NEWEST is
-- "submitted_at desc, id".
create index claims_organisation_status on claims (organisation_id, status, submitted_at desc, id);

-- The auditors' claims history in Cockpit: claims with an outcome, submitted in a date range, newest first
-- (HistorySort.SUBMITTED, descending, is "submitted_at desc nulls last, id").
create index claims_status_submitted on claims (status, submitted_at desc nulls last, id);
