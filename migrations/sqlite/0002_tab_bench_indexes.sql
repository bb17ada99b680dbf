-- The Invitations tab at 100,000 invitations (measured with
-- server/examples/bench_tab.rs): its order index also carries the expiry and
-- the address, so that the "expired" filter and the substring search are
-- checked inside the index while it is walked in display order, instead of
-- reading every skipped row from the table.
DROP INDEX invitations_status_sent;
CREATE INDEX invitations_status_sent ON invitations (status, last_sent_at, id, expires_at, email);
