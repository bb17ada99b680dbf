-- The seat limit and its lock. Every door that makes a billable member
-- active first updates this one row (`services::seats::start_billing`):
-- on PostgreSQL the row lock makes such transactions take turns, so the
-- count of billable members each one reads after it includes the seat the
-- one before it took; SQLite's write transactions take turns anyway.
-- seat_limit NULL: unlimited.
CREATE TABLE seats (
    id          BIGINT PRIMARY KEY CHECK (id = 1),
    seat_limit  BIGINT CHECK (seat_limit IS NULL OR seat_limit >= 0),
    turns       BIGINT NOT NULL DEFAULT 0
);
INSERT INTO seats (id, seat_limit, turns) VALUES (1, NULL, 0);

-- Billable members are counted at every activation.
CREATE INDEX users_billable ON users (account_type, activated_at);

-- An invitee who completed the first-login form while no seat was free:
-- the form is kept (names, language, password hash, as JSON) and the
-- invitation waits, still pending (its address stays locked), until a
-- seat frees; waiting ones are activated in the order they completed.
ALTER TABLE invitations ADD COLUMN seat_wait_since BIGINT;
ALTER TABLE invitations ADD COLUMN waiting_form TEXT;
CREATE INDEX invitations_seat_wait ON invitations (seat_wait_since, id) WHERE seat_wait_since IS NOT NULL;
