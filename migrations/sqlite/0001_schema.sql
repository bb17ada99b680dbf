-- Onboard schema, SQLite dialect. migrations/postgres holds the same schema.
-- Conventions (both dialects): instants are integer milliseconds since the
-- Unix epoch; booleans are integers 0/1; ids are 64-bit integers. These are
-- the types sqlx's Any driver carries unchanged on both backends.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT UNIQUE,                 -- normalised; NULL for login-name-only accounts
    login_name      TEXT UNIQUE,                 -- identifiant, for users without an e-mail
    first_name      TEXT NOT NULL DEFAULT '',
    last_name       TEXT NOT NULL DEFAULT '',
    password_hash   TEXT,                        -- argon2id PHC string; NULL until chosen
    platform_admin  INTEGER NOT NULL DEFAULT 0,
    account_type    TEXT NOT NULL DEFAULT 'member' CHECK (account_type IN ('member', 'guest')),
    language        TEXT NOT NULL DEFAULT 'fr',
    extra_info      TEXT NOT NULL DEFAULT '',
    activated_at    INTEGER,                     -- billing starts here
    deletion_at     INTEGER,                     -- automatic deletion date
    created_by      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (email IS NOT NULL OR login_name IS NOT NULL)
);
CREATE INDEX users_deletion_at ON users (deletion_at) WHERE deletion_at IS NOT NULL;
CREATE INDEX users_activated_at ON users (activated_at);

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES groups(id) ON DELETE RESTRICT,
    visibility  TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX groups_parent ON groups (parent_id);

CREATE TABLE memberships (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('group_admin', 'user_admin', 'trainer', 'learner')),
    granted_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, group_id, role)
);
CREATE INDEX memberships_group ON memberships (group_id, role);

CREATE TABLE auth_sessions (
    token_hash   TEXT PRIMARY KEY,               -- SHA-256 of the cookie value
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);
CREATE INDEX auth_sessions_expires ON auth_sessions (expires_at);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE custom_fields (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT NOT NULL UNIQUE,
    label_fr    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    field_type  TEXT NOT NULL CHECK (field_type IN ('text', 'number', 'date', 'choice')),
    choices     TEXT NOT NULL DEFAULT '[]',      -- JSON array for 'choice'
    required    INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);

CREATE TABLE user_custom_values (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    field_id  INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
    value     TEXT NOT NULL,
    PRIMARY KEY (user_id, field_id)
);

CREATE TABLE course_sessions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    starts_at   INTEGER,
    ends_at     INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX course_sessions_group ON course_sessions (group_id);

CREATE TABLE course_session_referents (
    session_id  INTEGER NOT NULL REFERENCES course_sessions(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE course_session_enrollments (
    session_id   INTEGER NOT NULL REFERENCES course_sessions(id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    enrolled_at  INTEGER NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

CREATE TABLE invitations (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    email             TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'cancelled', 'deleted')),
    invited_by        INTEGER REFERENCES users(id) ON DELETE SET NULL,
    language          TEXT NOT NULL DEFAULT 'fr',
    account_type      TEXT NOT NULL DEFAULT 'member' CHECK (account_type IN ('member', 'guest')),
    platform_admin    INTEGER NOT NULL DEFAULT 0,
    message           TEXT NOT NULL DEFAULT '',
    custom_values     TEXT NOT NULL DEFAULT '{}', -- JSON object: field key -> value
    deletion_at       INTEGER,
    course_session_id INTEGER REFERENCES course_sessions(id) ON DELETE SET NULL,
    created_at        INTEGER NOT NULL,
    last_sent_at      INTEGER NOT NULL,
    send_count        INTEGER NOT NULL DEFAULT 1,
    reminder_sent_at  INTEGER,
    expires_at        INTEGER NOT NULL,
    accepted_at       INTEGER,
    accepted_user_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    cancelled_at      INTEGER,
    -- The delivery of the invitation's newest mail, kept here so the
    -- Invitations tab filters and shows it without reading the outbox:
    -- set to 'queued' by outbox::enqueue (same transaction), then 'sent' or
    -- 'failed' by the worker, only while delivery_mail_id is that mail.
    delivery_status   TEXT NOT NULL DEFAULT 'queued' CHECK (delivery_status IN ('queued', 'sent', 'failed')),
    delivery_error    TEXT,
    delivery_mail_id  INTEGER -- outbox.id of the newest mail (no FK: outbox refers here)
);
-- One pending invitation per address: a second invite merges into it.
CREATE UNIQUE INDEX invitations_pending_email ON invitations (email) WHERE status = 'pending';
CREATE INDEX invitations_status_created ON invitations (status, created_at);
CREATE INDEX invitations_expires ON invitations (status, expires_at);
-- The Invitations tab: its default order (pending, newest send first), and
-- the same order within one delivery state or one inviter.
CREATE INDEX invitations_status_sent ON invitations (status, last_sent_at, id);
CREATE INDEX invitations_delivery ON invitations (status, delivery_status, last_sent_at, id);
CREATE INDEX invitations_invited_by ON invitations (invited_by, status, last_sent_at, id);

-- The links of an invitation. A reminder adds one (the first mail's link
-- keeps working); a re-send or a copied link revokes the others.
CREATE TABLE invitation_links (
    token_hash     TEXT PRIMARY KEY,            -- SHA-256 of the token in the link
    invitation_id  INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    created_at     INTEGER NOT NULL,
    revoked_at     INTEGER
);
CREATE INDEX invitation_links_invitation ON invitation_links (invitation_id);

CREATE TABLE invitation_grants (
    invitation_id  INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    group_id       INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('group_admin', 'user_admin', 'trainer', 'learner')),
    PRIMARY KEY (invitation_id, group_id, role)
);
CREATE INDEX invitation_grants_group ON invitation_grants (group_id, invitation_id);

CREATE TABLE signup_links (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id               INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    token_hash             TEXT NOT NULL UNIQUE,
    enabled                INTEGER NOT NULL DEFAULT 1,
    role                   TEXT NOT NULL DEFAULT 'learner',
    account_type           TEXT NOT NULL DEFAULT 'member' CHECK (account_type IN ('member', 'guest')),
    expires_at             INTEGER,
    max_uses               INTEGER,
    use_count              INTEGER NOT NULL DEFAULT 0,
    notify_admins          INTEGER NOT NULL DEFAULT 0,
    personal_space         INTEGER NOT NULL DEFAULT 0,
    personal_space_parent  INTEGER REFERENCES groups(id) ON DELETE SET NULL,
    personal_space_role    TEXT NOT NULL DEFAULT 'learner',
    created_by             INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at             INTEGER NOT NULL
);
CREATE INDEX signup_links_group ON signup_links (group_id);

CREATE TABLE allowed_domains (
    domain      TEXT PRIMARY KEY,
    created_at  INTEGER NOT NULL
);

-- Pending e-mail confirmations (sign-up link, domain self-registration).
CREATE TABLE email_confirmations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    purpose       TEXT NOT NULL,
    payload       TEXT NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    consumed_at   INTEGER
);

-- One-time set-password links (accounts created by an admin).
CREATE TABLE password_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
);

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    message_id       TEXT NOT NULL UNIQUE,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    lease_owner      TEXT,
    lease_until      INTEGER,
    last_error       TEXT,
    invitation_id    INTEGER REFERENCES invitations(id) ON DELETE SET NULL,
    user_id          INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_invitation ON outbox (invitation_id);

-- Billable-state changes, for the billing history by month.
CREATE TABLE billing_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id   INTEGER,
    at        INTEGER NOT NULL,
    change    INTEGER NOT NULL                  -- +1 became billable, -1 stopped
);
CREATE INDEX billing_events_at ON billing_events (at);

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    mode        TEXT NOT NULL,
    status      TEXT NOT NULL,
    total_rows  INTEGER NOT NULL DEFAULT 0,
    done_rows   INTEGER NOT NULL DEFAULT 0,
    report      TEXT NOT NULL DEFAULT '[]',
    created_at  INTEGER NOT NULL,
    finished_at INTEGER
);

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    actor_user_id   INTEGER,                    -- no foreign key: the log outlives accounts
    action          TEXT NOT NULL,
    target_user_id  INTEGER,
    target_email    TEXT,
    group_id        INTEGER,
    details         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_target ON audit_log (target_user_id);
