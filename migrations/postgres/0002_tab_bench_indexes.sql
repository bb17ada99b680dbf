-- The Invitations tab at 100,000 invitations (measured with
-- server/examples/bench_tab.rs).
--
-- The order index also carries the expiry, so that the "expired" filter is an
-- index condition while it is walked in display order, instead of a heap
-- fetch for every skipped row.
DROP INDEX invitations_status_sent;
CREATE INDEX invitations_status_sent ON invitations (status, last_sent_at, id, expires_at);

-- Substring search on the pending addresses (LIKE '%term%') through a
-- trigram index instead of a sequential scan. pg_trgm ships with
-- PostgreSQL's contrib package and is a trusted extension (PostgreSQL 13+):
-- the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX invitations_pending_email_trgm ON invitations USING gin (email gin_trgm_ops)
    WHERE status = 'pending';
