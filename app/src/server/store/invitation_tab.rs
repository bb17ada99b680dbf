//! The Invitations tab: the filtered, paged listing of pending invitations
//! and the conditional updates its actions need.
//!
//! The listing's `WHERE` depends on the filter, so its SQL is assembled here
//! from fixed fragments; every value (search term, ids, instants) is bound
//! as a `$n` parameter, never written into the text.

use super::codec::decode;
use crate::contracts::invitation_tab::DeliveryState;
use std::collections::HashMap;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Conn;
use super::sql::{Arg, Sql};
use crate::domain::{GroupId, GroupRole, InvitationId, UserId};

/// Which invitations the caller may see: all, or those with at least one
/// grant in one of these groups (never empty: no scope means no query).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Groups(Vec<GroupId>),
}

/// Whether a pending invitation's expiry has passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    Open,
    Expired,
    /// Its form completed, waiting for a free seat (never expires).
    AwaitingSeat,
}

/// The state of an invitation's newest mail, as stored in
/// `invitations.delivery_status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    Queued,
    Sent,
    Failed,
}

impl Delivery {
    fn as_str(self) -> &'static str {
        match self {
            Delivery::Queued => "queued",
            Delivery::Sent => "sent",
            Delivery::Failed => "failed",
        }
    }
}

/// What a listing (or a bulk action on "everything matching") selects,
/// among pending invitations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criteria {
    pub scope: Scope,
    /// Already lower-cased; matched as a substring.
    pub search: Option<String>,
    pub expiry: Option<Expiry>,
    pub delivery: Option<Delivery>,
    pub group_id: Option<GroupId>,
    pub inviter_id: Option<UserId>,
    pub now: i64,
}

/// One row of the tab, before grants and names are attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TabRecord {
    pub id: InvitationId,
    pub email: String,
    pub invited_by: Option<UserId>,
    pub created_at: i64,
    pub last_sent_at: i64,
    pub send_count: i64,
    pub reminder_sent_at: Option<i64>,
    pub expires_at: i64,
    pub deletion_at: Option<i64>,
    pub delivery_status: DeliveryState,
    pub delivery_error: Option<String>,
    pub platform_admin: bool,
    pub seat_wait_since: Option<i64>,
}

/// `%`, `_` and the escape character itself taken literally in a `LIKE`
/// pattern with `ESCAPE '\'`.
pub fn like_substring(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// How a query meets the rows, which decides the cheaper scope test
/// (measured at 100,000 invitations with `examples/bench_tab.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Walk {
    /// A page: the order index is walked until the page is full, so each
    /// row is tested on its own (`EXISTS`, one index probe per row).
    Page,
    /// Every matching row (counts, bulk ids, inviters): the scope's
    /// invitation ids are gathered once (`IN (SELECT …)`), instead of one
    /// probe per pending row and scoped group — 160 ms → 55 ms on SQLite
    /// for a group admin over 10 groups.
    All,
    /// Inside another query's per-row `EXISTS` (the inviters): tested row
    /// by row as `Page`. PostgreSQL would turn the nested `EXISTS` into a
    /// semi-join hashing every grant of the scope (11–19 ms at 50,000
    /// grants, for a handful of inviters); `fenced` adds an `OFFSET 0`,
    /// which keeps it a probe per row there. SQLite has no such rewrite
    /// (and no `OFFSET` without `LIMIT`), so it is not fenced.
    Probe { fenced: bool },
}

/// Appends the scope condition on `i` (pending invitations only).
fn push_scope(sql: &mut Sql, scope: &Scope, walk: Walk) {
    sql.push("i.status = 'pending'");
    if let Scope::Groups(groups) = scope {
        match walk {
            Walk::Page | Walk::Probe { .. } => sql.push(
                " AND EXISTS (SELECT 1 FROM invitation_grants sg \
                 WHERE sg.invitation_id = i.id AND sg.group_id IN (",
            ),
            Walk::All => sql.push(
                " AND i.id IN (SELECT sg.invitation_id FROM invitation_grants sg \
                 WHERE sg.group_id IN (",
            ),
        }
        .bind_list(groups)
        .push(match walk {
            Walk::Probe { fenced: true } => ") OFFSET 0)",
            _ => "))",
        });
    }
}

/// Appends the full condition of `criteria` on `i`.
fn push_where(sql: &mut Sql, criteria: &Criteria, walk: Walk) {
    sql.push(" WHERE ");
    push_scope(sql, &criteria.scope, walk);
    push_filters(sql, criteria);
}

/// The filters besides the scope, each after an ` AND `.
fn push_filters(sql: &mut Sql, criteria: &Criteria) {
    if let Some(term) = &criteria.search {
        sql.push(" AND i.email LIKE ")
            .bind(Arg::Text(like_substring(term)))
            .push(" ESCAPE '\\'");
    }
    match criteria.expiry {
        Some(Expiry::Open) => {
            sql.push(" AND i.expires_at > ")
                .bind(Arg::Int(criteria.now))
                .push(" AND i.seat_wait_since IS NULL");
        }
        Some(Expiry::Expired) => {
            sql.push(" AND i.expires_at <= ")
                .bind(Arg::Int(criteria.now))
                .push(" AND i.seat_wait_since IS NULL");
        }
        Some(Expiry::AwaitingSeat) => {
            sql.push(" AND i.seat_wait_since IS NOT NULL");
        }
        None => {}
    }
    if let Some(delivery) = criteria.delivery {
        sql.push(" AND i.delivery_status = ")
            .bind(Arg::Text(delivery.as_str().to_owned()));
    }
    if let Some(group) = criteria.group_id {
        sql.push(
            " AND EXISTS (SELECT 1 FROM invitation_grants fg \
             WHERE fg.invitation_id = i.id AND fg.group_id = ",
        )
        .bind(Arg::Int(group.into()))
        .push(")");
    }
    if let Some(inviter) = criteria.inviter_id {
        sql.push(" AND i.invited_by = ")
            .bind(Arg::Int(inviter.into()));
    }
}

/// How many invitations match, counting no further than `cap` (all of
/// them without one). A scoped
/// count walks the scope's grants (`invitation_grants (group_id,
/// invitation_id)`), so it stops after `cap` matches without reading the
/// invitations outside the scope (walked from the invitations, a group
/// admin's count of 1,000 read 30,000 of them: 9 ms).
pub async fn count(
    conn: &mut Conn,
    criteria: &Criteria,
    cap: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let mut sql = Sql::default();
    match &criteria.scope {
        Scope::All => {
            sql.push("SELECT COUNT(*) FROM (SELECT 1 FROM invitations i");
            push_where(&mut sql, criteria, Walk::All);
        }
        Scope::Groups(groups) => {
            // CROSS JOIN: SQLite keeps this order (grants first).
            sql.push(
                "SELECT COUNT(*) FROM (SELECT DISTINCT i.id FROM invitation_grants sg \
                 CROSS JOIN invitations i WHERE sg.group_id IN (",
            )
            .bind_list(groups)
            .push(") AND i.id = sg.invitation_id AND i.status = 'pending'");
            push_filters(&mut sql, criteria);
        }
    }
    if let Some(cap) = cap {
        sql.push(" LIMIT ").bind(Arg::Int(cap));
    }
    sql.push(") AS matching");
    sql.query_scalar().fetch_one(&mut *conn).await
}

fn record(row: &AnyRow) -> Result<TabRecord, sqlx::Error> {
    Ok(TabRecord {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        invited_by: row.try_get("invited_by")?,
        created_at: row.try_get("created_at")?,
        last_sent_at: row.try_get("last_sent_at")?,
        send_count: row.try_get("send_count")?,
        reminder_sent_at: row.try_get("reminder_sent_at")?,
        expires_at: row.try_get("expires_at")?,
        deletion_at: row.try_get("deletion_at")?,
        delivery_status: decode(&row.try_get::<String, _>("delivery_status")?)?,
        delivery_error: row.try_get("delivery_error")?,
        platform_admin: row.try_get::<i64, _>("platform_admin")? != 0,
        seat_wait_since: row.try_get("seat_wait_since")?,
    })
}

/// One page of the matching invitations, by last send then id, newest or
/// oldest first.
pub async fn page(
    conn: &mut Conn,
    criteria: &Criteria,
    newest_first: bool,
    limit: i64,
    offset: i64,
) -> Result<Vec<TabRecord>, sqlx::Error> {
    let mut sql = Sql::default();
    sql.push(
        "SELECT i.id, i.email, i.invited_by, i.created_at, i.last_sent_at, i.send_count, \
         i.reminder_sent_at, i.expires_at, i.deletion_at, i.delivery_status, i.delivery_error, \
         i.platform_admin, i.seat_wait_since FROM invitations i",
    );
    push_where(&mut sql, criteria, Walk::Page);
    sql.push(if newest_first {
        " ORDER BY i.last_sent_at DESC, i.id DESC LIMIT "
    } else {
        " ORDER BY i.last_sent_at ASC, i.id ASC LIMIT "
    })
    .bind(Arg::Int(limit))
    .push(" OFFSET ")
    .bind(Arg::Int(offset));
    sql.query()
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(record)
        .collect()
}

/// The ids of every matching invitation, in id order (bulk actions).
pub async fn ids(conn: &mut Conn, criteria: &Criteria) -> Result<Vec<InvitationId>, sqlx::Error> {
    let mut sql = Sql::default();
    sql.push("SELECT i.id FROM invitations i");
    push_where(&mut sql, criteria, Walk::All);
    sql.push(" ORDER BY i.id");
    let ids = sql.query_scalar().fetch_all(&mut *conn).await?;
    Ok(ids.into_iter().map(InvitationId).collect())
}

/// The grants of these invitations in one query: (invitation, group, role).
pub async fn grants_of(
    conn: &mut Conn,
    invitation_ids: &[InvitationId],
) -> Result<Vec<(InvitationId, GroupId, GroupRole)>, sqlx::Error> {
    if invitation_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::default();
    sql.push(
        "SELECT invitation_id, group_id, role FROM invitation_grants WHERE invitation_id IN (",
    )
    .bind_list(invitation_ids)
    .push(") ORDER BY invitation_id, group_id, role");
    let mut grants = Vec::new();
    for row in sql.query().fetch_all(&mut *conn).await? {
        grants.push((
            row.try_get("invitation_id")?,
            row.try_get("group_id")?,
            decode(&row.try_get::<String, _>("role")?)?,
        ));
    }
    Ok(grants)
}

/// How a user is named in the tab: the same rule as
/// `UserRecord::display_name`.
fn display_name(row: &AnyRow) -> Result<String, sqlx::Error> {
    let first: String = row.try_get("first_name")?;
    let last: String = row.try_get("last_name")?;
    let email: Option<String> = row.try_get("email")?;
    let login: Option<String> = row.try_get("login_name")?;
    Ok(super::users::display_name_of(
        &first,
        &last,
        email.as_deref(),
        login.as_deref(),
    ))
}

/// The display names of these users, in one query.
pub async fn user_names(
    conn: &mut Conn,
    user_ids: &[UserId],
) -> Result<HashMap<UserId, String>, sqlx::Error> {
    if user_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut sql = Sql::default();
    sql.push("SELECT id, first_name, last_name, email, login_name FROM users WHERE id IN (")
        .bind_list(user_ids)
        .push(")");
    sql.query()
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("id")?, display_name(row)?)))
        .collect()
}

/// Everyone who invited someone still pending within `scope`, by name.
/// The people with a pending invitation in scope, for the "invited by"
/// filter. Reading the inviters of 100,000 invitations cost more than the
/// rest of the page, so the few distinct inviters are found by skipping
/// through `invitations_invited_by` (one seek each, a recursive query on
/// both databases), then each is kept if one of their pending invitations
/// is in scope (probed row by row: `Walk::Probe`).
pub async fn inviters(
    conn: &mut Conn,
    scope: &Scope,
) -> Result<Vec<(UserId, String)>, sqlx::Error> {
    let mut sql = Sql::default();
    sql.push(
        "WITH RECURSIVE inviter(id) AS ( \
             SELECT MIN(invited_by) FROM invitations \
             UNION ALL \
             SELECT (SELECT MIN(n.invited_by) FROM invitations n WHERE n.invited_by > inviter.id) \
             FROM inviter WHERE inviter.id IS NOT NULL) \
         SELECT u.id, u.first_name, u.last_name, u.email, u.login_name \
         FROM inviter JOIN users u ON u.id = inviter.id \
         WHERE EXISTS (SELECT 1 FROM invitations i WHERE i.invited_by = u.id AND ",
    );
    let fenced = conn.backend_name() == "PostgreSQL";
    push_scope(&mut sql, scope, Walk::Probe { fenced });
    sql.push(")");
    let mut inviters: Vec<(UserId, String)> = sql
        .query()
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("id")?, display_name(row)?)))
        .collect::<Result<_, sqlx::Error>>()?;
    inviters.sort_by_cached_key(|(id, name)| (name.to_lowercase(), *id));
    Ok(inviters)
}

/// Cancels a pending invitation; `false` if it was not pending any more.
pub async fn cancel(conn: &mut Conn, id: InvitationId, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET status = 'cancelled', cancelled_at = $2, waiting_form = NULL \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Counts a re-send of a pending invitation last sent at or before
/// `sent_before` (the rate limit): last send now, expiry renewed, reminder
/// re-armed — `invitations::renew`, made conditional so two concurrent
/// re-sends cannot both pass the limit. `false` when refused: not pending,
/// or sent too recently.
pub async fn claim_resend(
    conn: &mut Conn,
    id: InvitationId,
    sent_before: i64,
    expires_at: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET last_sent_at = $2, send_count = send_count + 1, \
         reminder_sent_at = NULL, expiry_logged_at = NULL, expires_at = $3 \
         WHERE id = $1 AND status = 'pending' AND last_sent_at <= $4",
    )
    .bind(id)
    .bind(now)
    .bind(expires_at)
    .bind(sent_before)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Before a copied link: renews the expiry only if it has passed (and locks
/// the row); `false` if the invitation is not pending any more.
pub async fn reopen_if_expired(
    conn: &mut Conn,
    id: InvitationId,
    expires_at: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invitations SET expires_at = CASE WHEN expires_at <= $2 THEN $3 ELSE expires_at END, expiry_logged_at = NULL \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_take_wildcards_literally() {
        assert_eq!(like_substring("marie"), "%marie%");
        assert_eq!(like_substring("a_b%c\\"), "%a\\_b\\%c\\\\%");
    }

    #[test]
    fn placeholders_are_numbered_in_order() {
        let criteria = Criteria {
            scope: Scope::Groups(vec![GroupId(3), GroupId(4)]),
            search: Some("x".into()),
            expiry: Some(Expiry::Expired),
            delivery: Some(Delivery::Failed),
            group_id: Some(GroupId(3)),
            inviter_id: Some(UserId(9)),
            now: 100,
        };
        let mut sql = Sql::default();
        push_where(&mut sql, &criteria, Walk::Page);
        assert_eq!(sql.args.len(), 7);
        for n in 1..=7 {
            assert!(sql.text.contains(&format!("${n}")), "{}", sql.text);
        }
        assert!(!sql.text.contains("$8"));
    }
}
