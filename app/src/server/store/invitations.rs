use super::codec::decode;
use crate::i18n::Lang;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Conn;
use crate::domain::invitation::InvitationStatus;
use crate::domain::{AccountType, GroupId, GroupRole, InvitationId, MailId, UserId};
use crate::server::db::flag;

#[derive(Clone, Debug, PartialEq)]
pub struct InvitationRecord {
    pub id: InvitationId,
    pub email: String,
    pub status: InvitationStatus,
    pub invited_by: Option<UserId>,
    pub language: Lang,
    pub account_type: AccountType,
    pub platform_admin: bool,
    /// Who set "platform admin on acceptance" (checked again at acceptance).
    pub platform_admin_by: Option<UserId>,
    pub message: String,
    pub deletion_at: Option<i64>,
    pub created_at: i64,
    pub last_sent_at: i64,
    pub send_count: i64,
    pub reminder_sent_at: Option<i64>,
    pub expires_at: i64,
    /// Since when it waits for a free seat, its first-login form completed.
    pub seat_wait_since: Option<i64>,
}

/// Column lists as macros so queries stay `&'static str` literals.
macro_rules! invitation_columns {
    () => {
        "i.id, i.email, i.status, i.invited_by, i.language, i.account_type, i.platform_admin, \
         i.platform_admin_by, i.message, i.deletion_at, i.created_at, i.last_sent_at, i.send_count, i.reminder_sent_at, \
         i.expires_at, i.seat_wait_since"
    };
}

macro_rules! select_invitation {
    ($rest:literal) => {
        concat!(
            "SELECT ",
            invitation_columns!(),
            " FROM invitations i ",
            $rest
        )
    };
}

fn from_row(row: &AnyRow) -> Result<InvitationRecord, sqlx::Error> {
    let account_type: String = row.try_get("account_type")?;
    Ok(InvitationRecord {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        status: decode(&row.try_get::<String, _>("status")?)?,
        invited_by: row.try_get("invited_by")?,
        language: decode(&row.try_get::<String, _>("language")?)?,
        account_type: decode(&account_type)?,
        platform_admin: row.try_get::<i64, _>("platform_admin")? != 0,
        platform_admin_by: row.try_get("platform_admin_by")?,
        message: row.try_get("message")?,
        deletion_at: row.try_get("deletion_at")?,
        created_at: row.try_get("created_at")?,
        last_sent_at: row.try_get("last_sent_at")?,
        send_count: row.try_get("send_count")?,
        reminder_sent_at: row.try_get("reminder_sent_at")?,
        expires_at: row.try_get("expires_at")?,
        seat_wait_since: row.try_get("seat_wait_since")?,
    })
}

/// The options an invitation carries to the account it becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct InvitationOptions {
    pub language: Lang,
    pub account_type: AccountType,
    pub platform_admin: bool,
    pub message: String,
    pub deletion_at: Option<i64>,
}

pub async fn pending_by_email(
    conn: &mut Conn,
    email: &str,
) -> Result<Option<InvitationRecord>, sqlx::Error> {
    sqlx::query(select_invitation!(
        "WHERE i.email = $1 AND i.status = 'pending'"
    ))
    .bind(email.to_owned())
    .fetch_optional(&mut *conn)
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}

pub async fn by_id(
    conn: &mut Conn,
    id: InvitationId,
) -> Result<Option<InvitationRecord>, sqlx::Error> {
    sqlx::query(select_invitation!("WHERE i.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// The invitation a link leads to, and whether that link was revoked (the
/// invitation was re-sent since).
pub async fn by_link(
    conn: &mut Conn,
    token_hash: &str,
) -> Result<Option<(InvitationRecord, bool)>, sqlx::Error> {
    let row = sqlx::query(concat!(
        "SELECT ",
        invitation_columns!(),
        ", l.revoked_at FROM invitation_links l JOIN invitations i ON i.id = l.invitation_id \
         WHERE l.token_hash = $1"
    ))
    .bind(token_hash.to_owned())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(row) => {
            let revoked: Option<i64> = row.try_get("revoked_at")?;
            Ok(Some((from_row(&row)?, revoked.is_some())))
        }
        None => Ok(None),
    }
}

pub async fn insert(
    conn: &mut Conn,
    email: &str,
    invited_by: UserId,
    options: &InvitationOptions,
    expires_at: i64,
    now: i64,
) -> Result<InvitationId, sqlx::Error> {
    let row = NewInvitation {
        email,
        options,
        custom_values: None,
        expires_at,
        delivery_mail_id: None,
    };
    let ids = insert_many(conn, std::slice::from_ref(&row), invited_by, now).await?;
    ids.into_iter().next().ok_or(sqlx::Error::RowNotFound)
}

/// A new invitation as `insert_many` writes it.
pub struct NewInvitation<'a> {
    pub email: &'a str,
    pub options: &'a InvitationOptions,
    /// Custom field values as a JSON object by key; `None`: none.
    pub custom_values: Option<&'a str>,
    pub expires_at: i64,
    /// Its mail, when reserved before (`outbox::reserve_ids`).
    pub delivery_mail_id: Option<MailId>,
}

/// Inserts pending invitations, sent now, with one statement per 500;
/// answers their ids in the order given. One pending invitation per
/// address (a partial unique index), so the address finds each id back —
/// neither database promises the order of `RETURNING`.
pub async fn insert_many(
    conn: &mut Conn,
    rows: &[NewInvitation<'_>],
    invited_by: UserId,
    now: i64,
) -> Result<Vec<InvitationId>, sqlx::Error> {
    const COLUMNS: usize = 14;
    let mut ids = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(super::sql::rows_per_statement(COLUMNS)) {
        let mut p = super::sql::Placeholders::new(conn);
        let values: Vec<String> = (0..chunk.len())
            .map(|_| {
                p.fill(
                    "(?, 'pending', ?, ?, ?, ?, CASE WHEN ? = 1 THEN ? ELSE NULL END, \
                     ?, ?, ?, ?, 1, ?, ?, ?)",
                )
            })
            .collect();
        let text = format!(
            "INSERT INTO invitations (email, status, invited_by, language, account_type, \
             platform_admin, platform_admin_by, message, deletion_at, created_at, last_sent_at, \
             send_count, expires_at, custom_values, delivery_mail_id) VALUES {} RETURNING id, email",
            values.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        // In the order of the placeholders: the flag and the inviter twice
        // (the inviter is also who granted the platform-admin flag), the
        // time twice.
        for row in chunk {
            query = query
                .bind(row.email.to_owned())
                .bind(invited_by)
                .bind(row.options.language.code())
                .bind(row.options.account_type.as_str())
                .bind(flag(row.options.platform_admin))
                .bind(flag(row.options.platform_admin))
                .bind(invited_by)
                .bind(row.options.message.clone())
                .bind(row.options.deletion_at)
                .bind(now)
                .bind(now)
                .bind(row.expires_at)
                .bind(row.custom_values.unwrap_or("{}").to_owned())
                .bind(row.delivery_mail_id);
        }
        let mut by_email = std::collections::HashMap::new();
        for returned in query.fetch_all(&mut *conn).await? {
            let email: String = returned.try_get("email")?;
            let id: InvitationId = returned.try_get("id")?;
            by_email.insert(email, id);
        }
        for row in chunk {
            ids.push(by_email.remove(row.email).ok_or(sqlx::Error::RowNotFound)?);
        }
    }
    Ok(ids)
}

/// A second invitation of the same address by an actor who may act on the
/// whole invitation: its options win (the platform flag is only ever
/// added, and remembers who added it); grants are added by the caller.
/// It counts as a fresh send.
pub async fn merge(
    conn: &mut Conn,
    id: InvitationId,
    options: &InvitationOptions,
    merged_by: UserId,
    expires_at: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitations SET language = $2, account_type = $3, \
         platform_admin_by = CASE WHEN $4 = 1 THEN $7 ELSE platform_admin_by END, \
         platform_admin = CASE WHEN $4 = 1 THEN 1 ELSE platform_admin END, \
         message = $5, deletion_at = COALESCE($6, deletion_at) WHERE id = $1",
    )
    .bind(id)
    .bind(options.language.code())
    .bind(options.account_type.as_str())
    .bind(flag(options.platform_admin))
    .bind(options.message.clone())
    .bind(options.deletion_at)
    .bind(merged_by)
    .execute(&mut *conn)
    .await?;
    renew(conn, id, expires_at, now).await
}

/// A new send: expiry renewed, reminder re-armed.
pub async fn renew(
    conn: &mut Conn,
    id: InvitationId,
    expires_at: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitations SET last_sent_at = $2, send_count = send_count + 1, \
         reminder_sent_at = NULL, expiry_logged_at = NULL, expires_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn add_link(
    conn: &mut Conn,
    invitation_id: InvitationId,
    token_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    add_links_many(conn, &[(invitation_id, token_hash.to_owned())], now).await
}

/// Links (token hashes) of several invitations, with one statement per 500.
pub async fn add_links_many(
    conn: &mut Conn,
    links: &[(InvitationId, String)],
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in links.chunks(super::sql::rows_per_statement(3)) {
        let text = format!(
            "INSERT INTO invitation_links (token_hash, invitation_id, created_at) VALUES {}",
            super::sql::Placeholders::new(conn).rows(chunk.len(), 3)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (invitation, hash) in chunk {
            query = query.bind(hash.clone()).bind(*invitation).bind(now);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

pub async fn revoke_links(
    conn: &mut Conn,
    invitation_id: InvitationId,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitation_links SET revoked_at = $2 WHERE invitation_id = $1 AND revoked_at IS NULL",
    )
    .bind(invitation_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Adds a grant written by `granted_by`; a grant already there keeps its
/// first granter.
pub async fn add_grant(
    conn: &mut Conn,
    invitation_id: InvitationId,
    group_id: GroupId,
    role: GroupRole,
    granted_by: UserId,
) -> Result<(), sqlx::Error> {
    add_grants_many(conn, &[(invitation_id, group_id, role)], granted_by).await
}

/// Grants of several invitations, with one statement per 500.
pub async fn add_grants_many(
    conn: &mut Conn,
    grants: &[(InvitationId, GroupId, GroupRole)],
    granted_by: UserId,
) -> Result<(), sqlx::Error> {
    for chunk in grants.chunks(super::sql::rows_per_statement(4)) {
        let text = format!(
            "INSERT INTO invitation_grants (invitation_id, group_id, role, granted_by) VALUES {} \
             ON CONFLICT (invitation_id, group_id, role) DO NOTHING",
            super::sql::Placeholders::new(conn).rows(chunk.len(), 4)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (invitation, group, role) in chunk {
            query = query
                .bind(*invitation)
                .bind(*group)
                .bind(role.as_str())
                .bind(granted_by);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Takes grants back from an invitation (what a narrower admin withdraws).
pub async fn remove_grant(
    conn: &mut Conn,
    invitation_id: InvitationId,
    group_id: GroupId,
    role: GroupRole,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM invitation_grants WHERE invitation_id = $1 AND group_id = $2 AND role = $3",
    )
    .bind(invitation_id)
    .bind(group_id)
    .bind(role.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An invitation's grants as (group, role), by group.
pub async fn grants(
    conn: &mut Conn,
    invitation_id: InvitationId,
) -> Result<Vec<(GroupId, GroupRole)>, sqlx::Error> {
    Ok(grants_with_granters(conn, invitation_id)
        .await?
        .into_iter()
        .map(|g| (g.group_id, g.role))
        .collect())
}

/// One grant of an invitation and who wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GrantRecord {
    pub group_id: GroupId,
    pub role: GroupRole,
    /// `None` once the granter's account is gone.
    pub granted_by: Option<UserId>,
}

pub async fn grants_with_granters(
    conn: &mut Conn,
    invitation_id: InvitationId,
) -> Result<Vec<GrantRecord>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT group_id, role, granted_by FROM invitation_grants WHERE invitation_id = $1 \
         ORDER BY group_id, role",
    )
    .bind(invitation_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut grants = Vec::with_capacity(rows.len());
    for row in rows {
        grants.push(GrantRecord {
            group_id: row.try_get("group_id")?,
            role: decode(&row.try_get::<String, _>("role")?)?,
            granted_by: row.try_get("granted_by")?,
        });
    }
    Ok(grants)
}

/// Marks the invitation accepted if it is still pending and unexpired;
/// `false` means another request got there first (or it expired): the
/// single-use guard of the accepting transaction.
pub async fn consume(conn: &mut Conn, id: InvitationId, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET status = 'accepted', accepted_at = $2 \
         WHERE id = $1 AND status = 'pending' AND (expires_at > $2 OR seat_wait_since IS NOT NULL)",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

pub async fn set_accepted_user(
    conn: &mut Conn,
    id: InvitationId,
    user_id: UserId,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE invitations SET accepted_user_id = $2 WHERE id = $1")
        .bind(id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Pending, unexpired invitations whose one reminder is due.
pub async fn due_for_reminder(
    conn: &mut Conn,
    sent_before: i64,
    now: i64,
    limit: i64,
) -> Result<Vec<InvitationRecord>, sqlx::Error> {
    sqlx::query(select_invitation!(
        "WHERE i.status = 'pending' AND i.reminder_sent_at IS NULL AND i.last_sent_at <= $1 \
         AND i.expires_at > $2 AND i.seat_wait_since IS NULL ORDER BY i.id LIMIT $3"
    ))
    .bind(sent_before)
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// Pending invitations whose expiry has passed and is not logged yet
/// (those waiting for a seat never expire).
pub async fn expired_unlogged(
    conn: &mut Conn,
    now: i64,
    limit: i64,
) -> Result<Vec<InvitationRecord>, sqlx::Error> {
    sqlx::query(select_invitation!(
        "WHERE i.status = 'pending' AND i.expiry_logged_at IS NULL AND i.expires_at <= $1 \
         AND i.seat_wait_since IS NULL ORDER BY i.expires_at, i.id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// Claims the logging of one invitation's expiry; `false` if another
/// instance did, or it was renewed meanwhile.
pub async fn mark_expiry_logged(
    conn: &mut Conn,
    id: InvitationId,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET expiry_logged_at = $2 \
         WHERE id = $1 AND expiry_logged_at IS NULL AND status = 'pending' AND expires_at <= $2",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Claims the reminder of one invitation; `false` if another instance did.
pub async fn mark_reminded(
    conn: &mut Conn,
    id: InvitationId,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET reminder_sent_at = $2 WHERE id = $1 AND reminder_sent_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// The first `limit` pending invitations with a grant in `group_id`:
/// (address, roles there), by address. Shown in the group's users list.
pub async fn pending_into_group(
    conn: &mut Conn,
    group_id: GroupId,
    limit: usize,
) -> Result<Vec<(String, Vec<GroupRole>)>, sqlx::Error> {
    // A row per role: enough rows for `limit` invitations holding every role.
    let rows_needed = limit.saturating_mul(GroupRole::ALL.len()) as i64;
    let rows = sqlx::query(
        "SELECT i.email, g.role FROM invitation_grants g JOIN invitations i ON i.id = g.invitation_id \
         WHERE g.group_id = $1 AND i.status = 'pending' ORDER BY i.email, g.role LIMIT $2",
    )
    .bind(group_id)
    .bind(rows_needed)
    .fetch_all(&mut *conn)
    .await?;
    let mut pending: Vec<(String, Vec<GroupRole>)> = Vec::new();
    for row in rows {
        let email: String = row.try_get("email")?;
        let role = Some(decode::<GroupRole>(&row.try_get::<String, _>("role")?)?);
        match pending.last_mut() {
            Some((last, roles)) if *last == email => roles.extend(role),
            _ => pending.push((email, role.into_iter().collect())),
        }
    }
    pending.truncate(limit);
    Ok(pending)
}

/// The custom field values typed at invitation, as a JSON object by key.
pub async fn custom_values(conn: &mut Conn, id: InvitationId) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT custom_values FROM invitations WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
}

/// The custom values (JSON) of many invitations, in `IN` lists of 500:
/// what an import's preview compares for every pending invitation a file
/// names (a second run of a 100,000-row file names them all).
pub async fn custom_values_many(
    conn: &mut Conn,
    ids: &[InvitationId],
) -> Result<std::collections::HashMap<InvitationId, String>, sqlx::Error> {
    let mut found = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(super::sql::IN_CHUNK) {
        let text = format!(
            "SELECT id, custom_values FROM invitations WHERE id IN ({})",
            super::sql::Placeholders::new(conn).list(chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for id in chunk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(&mut *conn).await? {
            found.insert(row.try_get("id")?, row.try_get("custom_values")?);
        }
    }
    Ok(found)
}

pub async fn set_custom_values(
    conn: &mut Conn,
    id: InvitationId,
    json: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE invitations SET custom_values = $2 WHERE id = $1")
        .bind(id)
        .bind(json.to_owned())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Pending invitations whose automatic deletion date has come.
pub async fn due_for_deletion(
    conn: &mut Conn,
    now: i64,
    limit: i64,
) -> Result<Vec<InvitationRecord>, sqlx::Error> {
    sqlx::query(select_invitation!(
        "WHERE i.status = 'pending' AND i.deletion_at IS NOT NULL AND i.deletion_at <= $1 \
         ORDER BY i.deletion_at, i.id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// Ends a pending invitation by its deletion date: its links die, and the
/// address, message, values and mails are erased. True if it was pending.
pub async fn erase(conn: &mut Conn, id: InvitationId, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET status = 'deleted', email = '', message = '', custom_values = '{}', \
         waiting_form = NULL, cancelled_at = $2 WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    revoke_links(conn, id, now).await?;
    sqlx::query("DELETE FROM outbox WHERE invitation_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// The invitee completed the first-login form while no seat was free: the
/// form (JSON) is kept and the invitation waits. False when it already
/// waits or is no longer pending.
pub async fn wait_for_seat(
    conn: &mut Conn,
    id: InvitationId,
    form_json: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET seat_wait_since = $2, waiting_form = $3 \
         WHERE id = $1 AND status = 'pending' AND seat_wait_since IS NULL",
    )
    .bind(id)
    .bind(now)
    .bind(form_json.to_owned())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// The form a waiting invitee completed (JSON), if it waits.
pub async fn waiting_form(
    conn: &mut Conn,
    id: InvitationId,
) -> Result<Option<String>, sqlx::Error> {
    Ok(sqlx::query_scalar::<_, Option<String>>(
        "SELECT waiting_form FROM invitations WHERE id = $1 AND status = 'pending' \
         AND seat_wait_since IS NOT NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .flatten())
}

/// Forgets a waiting invitee's form (its password hash with it) once the
/// account is open or the invitation cancelled.
pub async fn clear_waiting_form(conn: &mut Conn, id: InvitationId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE invitations SET waiting_form = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The invitations waiting for a seat, first completed first.
pub async fn waiting_for_seat(
    conn: &mut Conn,
    limit: i64,
) -> Result<Vec<InvitationRecord>, sqlx::Error> {
    sqlx::query(select_invitation!(
        "WHERE i.status = 'pending' AND i.seat_wait_since IS NOT NULL \
         ORDER BY i.seat_wait_since, i.id LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// The pending invitations of these addresses with their grants, in
/// batches (the import's lookup).
pub async fn pending_by_emails(
    conn: &mut Conn,
    emails: &[String],
) -> Result<Vec<(InvitationRecord, Vec<(GroupId, GroupRole)>)>, sqlx::Error> {
    let mut found = Vec::new();
    for chunk in emails.chunks(super::sql::IN_CHUNK) {
        // Each address probes the pending-address index on its own (a
        // scalar subquery with LIMIT 1), then the rows are read by id.
        // `email IN (…500…)` made PostgreSQL choose the trigram index of
        // the tab's search, which answers equality on a list in seconds.
        let text = format!(
            "SELECT (SELECT x.id FROM invitations x WHERE x.status = 'pending' \
             AND x.email = wanted.column1 LIMIT 1) AS id FROM (VALUES {}) AS wanted",
            super::sql::Placeholders::new(conn).rows(chunk.len(), 1)
        );
        let mut query = sqlx::query_scalar::<_, Option<InvitationId>>(sqlx::AssertSqlSafe(text));
        for email in chunk {
            query = query.bind(email.clone());
        }
        let ids: Vec<InvitationId> = query
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .flatten()
            .collect();
        if ids.is_empty() {
            continue;
        }
        let text = format!(
            "{} i.id IN ({})",
            select_invitation!("WHERE "),
            super::sql::Placeholders::new(conn).list(ids.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for id in &ids {
            query = query.bind(*id);
        }
        let records: Vec<InvitationRecord> = query
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(from_row)
            .collect::<Result<_, _>>()?;
        if records.is_empty() {
            continue;
        }
        let text = format!(
            "SELECT invitation_id, group_id, role FROM invitation_grants WHERE invitation_id IN ({})",
            super::sql::Placeholders::new(conn).list(records.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for record in &records {
            query = query.bind(record.id);
        }
        let mut grants: std::collections::HashMap<InvitationId, Vec<(GroupId, GroupRole)>> =
            Default::default();
        for row in query.fetch_all(&mut *conn).await? {
            let role: GroupRole = decode(&row.try_get::<String, _>("role")?)?;
            grants
                .entry(row.try_get("invitation_id")?)
                .or_default()
                .push((row.try_get("group_id")?, role));
        }
        for record in records {
            let held = grants.remove(&record.id).unwrap_or_default();
            found.push((record, held));
        }
    }
    Ok(found)
}
