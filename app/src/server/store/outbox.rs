//! The outbox: every mail is a row, written in the same transaction as the
//! change that causes it, and delivered later by the mail worker
//! (`server::mail::worker`). A row goes `queued` → `sending` (leased by one
//! worker) → `sent`, or back to `queued` with a later `next_attempt_at`
//! after a failed attempt, or to `failed` when the worker gives up.
//!
//! A lease that expires (its worker died mid-delivery) makes the row due
//! again: a mail may then be sent twice, never lost.

use rand::RngCore;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

use super::Conn;
use crate::domain::{InvitationId, MailId, UserId};

/// A mail to queue. `kind` names what it is for (`"invitation"`,
/// `"invitation_reminder"`…), for the log and the mailbox.
#[derive(Clone, Debug, PartialEq)]
pub struct NewMail {
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub invitation_id: Option<InvitationId>,
    pub user_id: Option<UserId>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutboxRow {
    pub id: MailId,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// With its angle brackets: `<hex@domain>`.
    pub message_id: String,
    /// `queued`, `sending`, `sent` or `failed`.
    pub status: String,
    /// Delivery attempts started so far (a claim counts as one).
    pub attempts: i64,
    pub next_attempt_at: i64,
    /// The SMTP error of the last failed attempt; cleared once sent.
    pub last_error: Option<String>,
    pub invitation_id: Option<InvitationId>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

pub const QUEUED: &str = "queued";
pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// The columns of `OutboxRow`, as a macro so queries stay `&'static str`.
macro_rules! columns {
    () => {
        "id, kind, recipient, subject, body_text, body_html, message_id, status, attempts, \
         next_attempt_at, last_error, invitation_id, created_at, sent_at"
    };
}

fn from_row(row: &AnyRow) -> Result<OutboxRow, sqlx::Error> {
    Ok(OutboxRow {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        recipient: row.try_get("recipient")?,
        subject: row.try_get("subject")?,
        body_text: row.try_get("body_text")?,
        body_html: row.try_get("body_html")?,
        message_id: row.try_get("message_id")?,
        status: row.try_get("status")?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        last_error: row.try_get("last_error")?,
        invitation_id: row.try_get("invitation_id")?,
        created_at: row.try_get("created_at")?,
        sent_at: row.try_get("sent_at")?,
    })
}

/// `<32 random hex digits@domain>`: unique, and unguessable so it reveals
/// nothing about the number of mails sent.
pub fn new_message_id(domain: &str) -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let domain = if domain.is_empty() { "onboard" } else { domain };
    format!("<{hex}@{domain}>")
}

/// Queues a mail, due at once. The Message-ID is chosen here and stored, so
/// that every attempt sends the same one and receivers can drop duplicates.
/// A mail of an invitation becomes that invitation's newest mail: its
/// denormalised delivery state goes back to `queued` (same connection, so
/// the caller's transaction).
pub async fn enqueue(
    conn: &mut Conn,
    mail: &NewMail,
    message_id_domain: &str,
    now: i64,
) -> Result<MailId, sqlx::Error> {
    let ids = enqueue_many(conn, std::slice::from_ref(mail), message_id_domain, now).await?;
    ids.into_iter().next().ok_or(sqlx::Error::RowNotFound)
}

/// Ids for `count` mails about to be queued, in order. Reserved first so
/// that a new invitation is written already naming its mail
/// (`delivery_mail_id`), instead of being updated after. PostgreSQL takes
/// them from the table's identity sequence; SQLite above the highest id
/// ever given (`AUTOINCREMENT` keeps it in `sqlite_sequence`), which is
/// safe because a writing transaction there holds the write lock from its
/// start (`Db::begin`: `BEGIN IMMEDIATE`).
pub async fn reserve_ids(conn: &mut Conn, count: usize) -> Result<Vec<MailId>, sqlx::Error> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if conn.backend_name() == "SQLite" {
        let base: i64 = sqlx::query_scalar(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0), \
             COALESCE((SELECT MAX(id) FROM outbox), 0))",
        )
        .fetch_one(&mut *conn)
        .await?;
        Ok((1..=count as i64).map(|i| MailId(base + i)).collect())
    } else {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT nextval(pg_get_serial_sequence('outbox', 'id')) FROM generate_series(1, $1)",
        )
        .bind(count as i64)
        .fetch_all(&mut *conn)
        .await?;
        Ok(ids.into_iter().map(MailId).collect())
    }
}

/// Queues several mails with one statement per 500 (an import's, an
/// `INVITER`'s); answers their ids in the order given. Each invitation's
/// mail becomes its newest.
pub async fn enqueue_many(
    conn: &mut Conn,
    mails: &[NewMail],
    message_id_domain: &str,
    now: i64,
) -> Result<Vec<MailId>, sqlx::Error> {
    let ids = reserve_ids(conn, mails.len()).await?;
    insert_reserved(conn, mails, &ids, message_id_domain, now).await?;
    // Each invitation's newest mail is the last one queued for it here.
    let mut newest: HashMap<InvitationId, MailId> = HashMap::new();
    for (mail, id) in mails.iter().zip(&ids) {
        if let Some(invitation) = mail.invitation_id {
            let held = newest.entry(invitation).or_insert(*id);
            *held = (*held).max(*id);
        }
    }
    let newest: Vec<(InvitationId, MailId)> = newest.into_iter().collect();
    for pairs in newest.chunks(super::sql::rows_per_statement(2)) {
        let text = format!(
            "UPDATE invitations SET delivery_status = 'queued', delivery_error = NULL, \
             delivery_mail_id = v.column2 FROM (VALUES {}) AS v WHERE invitations.id = v.column1",
            super::sql::Placeholders::new(conn).rows(pairs.len(), 2)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (invitation, mail) in pairs {
            query = query.bind(*invitation).bind(*mail);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(ids)
}

/// Writes mails under ids from `reserve_ids`, due at once, each with a
/// new Message-ID; the invitations they belong to are left as they are
/// (new ones were written naming their mail).
pub async fn insert_reserved(
    conn: &mut Conn,
    mails: &[NewMail],
    ids: &[MailId],
    message_id_domain: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    const COLUMNS: usize = 11;
    debug_assert_eq!(mails.len(), ids.len());
    for (chunk, chunk_ids) in mails
        .chunks(super::sql::rows_per_statement(COLUMNS))
        .zip(ids.chunks(super::sql::rows_per_statement(COLUMNS)))
    {
        let mut p = super::sql::Placeholders::new(conn);
        let values: Vec<String> = (0..chunk.len())
            .map(|_| p.fill("(?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)"))
            .collect();
        let text = format!(
            "INSERT INTO outbox (id, kind, recipient, subject, body_text, body_html, message_id, \
             status, attempts, next_attempt_at, invitation_id, user_id, created_at) VALUES {}",
            values.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (mail, id) in chunk.iter().zip(chunk_ids) {
            query = query
                .bind(*id)
                .bind(mail.kind)
                .bind(mail.recipient.clone())
                .bind(mail.subject.clone())
                .bind(mail.body_text.clone())
                .bind(mail.body_html.clone())
                .bind(new_message_id(message_id_domain))
                .bind(now)
                .bind(mail.invitation_id)
                .bind(mail.user_id)
                .bind(now);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Copies the outcome of mail `id` onto its invitation, if it has one and
/// this mail is still the invitation's newest (`delivery_mail_id`, set by
/// `enqueue`: a condition on the invitation row itself, so PostgreSQL
/// re-checks it after waiting for a concurrent re-send's row lock).
async fn record_invitation_delivery(
    conn: &mut Conn,
    id: MailId,
    status: &'static str,
    error: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitations SET delivery_status = $2, delivery_error = $3 \
         WHERE id = (SELECT invitation_id FROM outbox WHERE id = $1) AND delivery_mail_id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(error.map(str::to_owned))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Due: queued and its time has come, or leased by a worker whose lease has
/// expired. Written twice in `claim_due`, as a macro so it cannot drift.
macro_rules! due {
    () => {
        "((status = 'queued' AND next_attempt_at <= $2) OR (status = 'sending' AND lease_until < $2))"
    };
}

/// Leases up to `limit` due rows to `owner` until `now + lease_ms`, oldest
/// first, and counts the attempt. One statement, safe with several
/// instances on one PostgreSQL: an instance that selected a row another has
/// just leased waits for the row lock, then re-checks the outer `WHERE` on
/// the new row version, which is no longer due, and skips it. SQLite runs
/// writers one at a time.
pub async fn claim_due(
    conn: &mut Conn,
    owner: &str,
    now: i64,
    lease_ms: i64,
    limit: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    let mut rows: Vec<OutboxRow> = sqlx::query(concat!(
        "UPDATE outbox SET status = 'sending', lease_owner = $1, lease_until = $3, \
         attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox WHERE ",
        due!(),
        " ORDER BY id LIMIT $4) AND ",
        due!(),
        " RETURNING ",
        columns!()
    ))
    .bind(owner.to_owned())
    .bind(now)
    .bind(now.saturating_add(lease_ms))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(from_row)
    .collect::<Result<_, _>>()?;
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

/// Records a delivery (and on the invitation, if the mail is its newest).
/// Only the lease holder may: `false` when the lease was lost (expired and
/// taken by another worker). Run it in a transaction.
pub async fn mark_sent(
    conn: &mut Conn,
    id: MailId,
    owner: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let row = by_id(conn, id).await?;
    let invitation = row.and_then(|r| r.invitation_id);
    Ok(!mark_sent_many(conn, &[(id, invitation)], owner, now)
        .await?
        .is_empty())
}

/// Records the delivery of many mails, each `(mail, its invitation)` as
/// claimed, in a few statements; returns the mails recorded (those whose
/// lease this owner still held). Each invitation whose newest mail was
/// sent shows `sent`. Run it in a transaction.
pub async fn mark_sent_many(
    conn: &mut Conn,
    sent: &[(MailId, Option<InvitationId>)],
    owner: &str,
    now: i64,
) -> Result<Vec<MailId>, sqlx::Error> {
    let mut kept = Vec::with_capacity(sent.len());
    for chunk in sent.chunks(super::sql::rows_per_statement(1)) {
        let mut p = super::sql::Placeholders::new(conn);
        let text = format!(
            "UPDATE outbox SET status = 'sent', sent_at = {}, last_error = NULL, \
             lease_owner = NULL, lease_until = NULL \
             WHERE lease_owner = {} AND status = 'sending' AND id IN ({}) RETURNING id",
            p.next(),
            p.next(),
            p.list(chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text))
            .bind(now)
            .bind(owner.to_owned());
        for (id, _) in chunk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(&mut *conn).await? {
            kept.push(row.try_get::<MailId, _>("id")?);
        }
    }
    let recorded: std::collections::HashSet<MailId> = kept.iter().copied().collect();
    let newest: Vec<(InvitationId, MailId)> = sent
        .iter()
        .filter(|(id, _)| recorded.contains(id))
        .filter_map(|(id, invitation)| Some(((*invitation)?, *id)))
        .collect();
    for pairs in newest.chunks(super::sql::rows_per_statement(2)) {
        let text = format!(
            "UPDATE invitations SET delivery_status = '{SENT}', delivery_error = NULL \
             FROM (VALUES {}) AS v WHERE invitations.id = v.column1 \
             AND invitations.delivery_mail_id = v.column2",
            super::sql::Placeholders::new(conn).rows(pairs.len(), 2)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (invitation, mail) in pairs {
            query = query.bind(*invitation).bind(*mail);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(kept)
}

/// Records a failed attempt with its error: queued again for `retry_at`, or
/// `failed` for good when `retry_at` is `None`; the invitation of the mail,
/// if it is its newest, shows `queued` (with the error) or `failed`. Only the
/// lease holder may: `false` when the lease was lost. Two statements: run it
/// in a transaction.
pub async fn mark_attempt_failed(
    conn: &mut Conn,
    id: MailId,
    owner: &str,
    error: &str,
    retry_at: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let result = match retry_at {
        Some(at) => {
            sqlx::query(
                "UPDATE outbox SET status = 'queued', next_attempt_at = $4, last_error = $3, \
                 lease_owner = NULL, lease_until = NULL \
                 WHERE id = $1 AND lease_owner = $2 AND status = 'sending'",
            )
            .bind(id)
            .bind(owner.to_owned())
            .bind(error.to_owned())
            .bind(at)
            .execute(&mut *conn)
            .await?
        }
        None => {
            sqlx::query(
                "UPDATE outbox SET status = 'failed', last_error = $3, \
                 lease_owner = NULL, lease_until = NULL \
                 WHERE id = $1 AND lease_owner = $2 AND status = 'sending'",
            )
            .bind(id)
            .bind(owner.to_owned())
            .bind(error.to_owned())
            .execute(&mut *conn)
            .await?
        }
    };
    let kept = result.rows_affected() > 0;
    if kept {
        let status = if retry_at.is_some() { QUEUED } else { FAILED };
        record_invitation_delivery(conn, id, status, Some(error)).await?;
    }
    Ok(kept)
}

/// The latest `limit` mails, newest first (the development mailbox).
pub async fn recent(conn: &mut Conn, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM outbox ORDER BY id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// Every mail to one address, oldest first.
pub async fn for_recipient(
    conn: &mut Conn,
    recipient: &str,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM outbox WHERE recipient = $1 ORDER BY id"
    ))
    .bind(recipient.to_owned())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

pub async fn by_id(conn: &mut Conn, id: MailId) -> Result<Option<OutboxRow>, sqlx::Error> {
    sqlx::query(concat!("SELECT ", columns!(), " FROM outbox WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// The delivery status and last error of an invitation's newest mail.
pub async fn delivery_of_invitation(
    conn: &mut Conn,
    invitation_id: InvitationId,
) -> Result<Option<(String, Option<String>)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT status, last_error FROM outbox WHERE invitation_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(invitation_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|row| Ok((row.try_get("status")?, row.try_get("last_error")?)))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_random_and_bracketed() {
        let a = new_message_id("example.org");
        let b = new_message_id("example.org");
        assert_ne!(a, b);
        assert!(a.starts_with('<') && a.ends_with("@example.org>"), "{a}");
        assert_eq!(a.len(), "<@example.org>".len() + 32);
        assert!(new_message_id("").ends_with("@onboard>"));
    }
}
