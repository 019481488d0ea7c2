-- Idempotency-Key of POST /api/claims and POST /api/poe: the answer of a request that succeeded, kept for its
-- user and key. A row is inserted by the request it stands for, as the first write of the request's transaction,
-- and holds the answer once that transaction commits: the primary key decides, on every node, which of two
-- requests with the same key runs; the other waits at the key and then answers from the row.
create table idempotency_keys (
  user_id           varchar(64)   not null,
  idempotency_key   varchar(255)  not null,
  -- SHA-256 (hex) of the request's method, path and body (for multipart: every part's name, file name, type, bytes)
  fingerprint       varchar(64)   not null,
  created_at        timestamp with time zone not null,
  expires_at        timestamp with time zone not null,
  response_status   int,
  response_type     varchar(200),
  response_location varchar(2000),
  response_body     bytea,
  primary key (user_id, idempotency_key)
);
create index idempotency_keys_expiry on idempotency_keys (expires_at);
