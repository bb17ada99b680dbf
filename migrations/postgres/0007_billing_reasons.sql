-- How each billing event came about (`domain::billing::BillingReason`),
-- for the billing page's list behind a month. Events written before this
-- migration say '' (unknown).
ALTER TABLE billing_events ADD COLUMN reason TEXT NOT NULL DEFAULT '';
CREATE INDEX billing_events_user ON billing_events (user_id, at);
