-- The `Journal` page reads the newest entries first, filtered by actor,
-- action, group or person: each filter gets an index ending in the id so
-- the first page is read in order from it, at a million entries too.
DROP INDEX audit_log_target;
CREATE INDEX audit_log_target ON audit_log (target_user_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_group ON audit_log (group_id, id);
CREATE INDEX audit_log_email ON audit_log (target_email, id);
-- A group admin's view: the account-level entries about people in scope.
CREATE INDEX audit_log_account ON audit_log (target_user_id, id) WHERE group_id IS NULL;

-- An invitation's expiry is logged once, by the minute job, when it passes.
ALTER TABLE invitations ADD COLUMN expiry_logged_at BIGINT;
CREATE INDEX invitations_unlogged_expiry ON invitations (expires_at) WHERE status = 'pending' AND expiry_logged_at IS NULL;
-- Those already past when this arrives are not logged late, all at once.
UPDATE invitations SET expiry_logged_at = expires_at
 WHERE status = 'pending' AND expires_at <= (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT;

-- The billing page sums each month's changes from the index alone.
DROP INDEX billing_events_at;
CREATE INDEX billing_events_at ON billing_events (at, change);
