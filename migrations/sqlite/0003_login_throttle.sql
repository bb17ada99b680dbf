-- Login throttling shared by every server instance: one row per counted
-- sign-in attempt and key (`id:<normalised identifier>`, `user:<id>`,
-- `ip:<client address>`). Rows older than the window are purged.
CREATE TABLE login_failures (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: an attempt deletes its own rows by id
    key  TEXT NOT NULL,
    at   INTEGER NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);
