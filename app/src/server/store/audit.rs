//! Who did what to whom, when. Rows keep plain ids (no foreign keys) so the
//! log outlives the accounts and groups it speaks of.

use sqlx::Row as _;
use sqlx::any::AnyRow;

use super::sql::{Arg, Sql};
use super::{Conn, users};
use crate::domain::audit::AuditAction;
use crate::domain::{GroupId, UserId};

#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub actor_user_id: Option<UserId>,
    pub target_user_id: Option<UserId>,
    pub target_email: Option<String>,
    pub group_id: Option<GroupId>,
    /// A small JSON object with what the action needs to be understood later.
    pub details: String,
}

pub async fn record(
    conn: &mut Conn,
    action: AuditAction,
    entry: Entry,
    now: i64,
) -> Result<(), sqlx::Error> {
    record_many(conn, &[(action, entry)], now).await
}

/// Several entries at the same instant, with one statement per 500 (an
/// import's rows).
pub async fn record_many(
    conn: &mut Conn,
    entries: &[(AuditAction, Entry)],
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in entries.chunks(super::sql::rows_per_statement(7)) {
        let text = format!(
            "INSERT INTO audit_log (at, actor_user_id, action, target_user_id, target_email, group_id, details) \
             VALUES {}",
            super::sql::Placeholders::new(conn).rows(chunk.len(), 7)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (action, entry) in chunk {
            let details = if entry.details.is_empty() {
                "{}".to_owned()
            } else {
                entry.details.clone()
            };
            query = query
                .bind(now)
                .bind(entry.actor_user_id)
                .bind(action.code())
                .bind(entry.target_user_id)
                .bind(entry.target_email.clone())
                .bind(entry.group_id)
                .bind(details);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

pub async fn actions(conn: &mut Conn) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT action FROM audit_log ORDER BY id")
        .fetch_all(&mut *conn)
        .await
}

/// Whether an entry of this action about this address was written since.
pub async fn logged_since(
    conn: &mut Conn,
    action: AuditAction,
    email: &str,
    since: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM audit_log WHERE target_email = $1 AND action = $2 AND at >= $3 LIMIT 1",
    )
    .bind(email.to_owned())
    .bind(action.code())
    .bind(since)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// Entries are written in time order, so the ids of a date range lie
/// between the first entry at or after `from` and the last one before
/// `until`, each found at one end of `audit_log_at`. A minute of margin on
/// each side covers instances whose clocks differ: the bounds only narrow
/// the walk, the dates themselves still decide.
pub async fn id_bounds(
    conn: &mut Conn,
    from: Option<i64>,
    until: Option<i64>,
) -> Result<(i64, i64), sqlx::Error> {
    const MARGIN: i64 = 60_000;
    let low: Option<i64> = match from {
        None => None,
        Some(from) => {
            sqlx::query_scalar("SELECT id FROM audit_log WHERE at >= $1 ORDER BY at, id LIMIT 1")
                .bind(from - MARGIN)
                .fetch_optional(&mut *conn)
                .await?
        }
    };
    let high: Option<i64> = match until {
        None => None,
        Some(until) => {
            sqlx::query_scalar(
                "SELECT id FROM audit_log WHERE at < $1 ORDER BY at DESC, id DESC LIMIT 1",
            )
            .bind(until + MARGIN)
            .fetch_optional(&mut *conn)
            .await?
        }
    };
    // No entry at all on one side: an empty range.
    Ok(match (from, low, until, high) {
        (Some(_), None, _, _) | (_, _, Some(_), None) => (1, 0),
        _ => (low.unwrap_or(0), high.unwrap_or(i64::MAX)),
    })
}

/// Which entries a reader may see (`policy::AuditScope`, as the query needs
/// it; never empty groups).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Groups(Vec<GroupId>),
}

/// The `Journal`'s filters, resolved to ids and instants.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub actor: Option<UserId>,
    pub action: Option<String>,
    /// The group and its sub-groups.
    pub groups: Option<Vec<GroupId>>,
    /// The person: their account, or their address on entries written
    /// before (or without) one.
    pub person: Option<(Option<UserId>, Option<String>)>,
    pub from: Option<i64>,
    pub until: Option<i64>,
    /// Ids that bound the date range (`id_bounds`), so the newest-first
    /// walk by id skips what lies outside it instead of sorting the range.
    pub ids: Option<(i64, i64)>,
}

/// An entry with the names of who acted and whom it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: i64,
    pub at: i64,
    pub actor_user_id: Option<UserId>,
    pub actor: Option<Named>,
    pub action: String,
    pub target_user_id: Option<UserId>,
    pub target: Option<Named>,
    pub target_email: Option<String>,
    pub group_id: Option<GroupId>,
    pub details: String,
}

/// An account as the log names it (when it still exists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub email: Option<String>,
}

/// One index-friendly half of a scope: a scoped reader's entries are those
/// about an administered group, plus the account-level ones about someone
/// in such a group (`policy::may_read_audit_entry`). Each half is read on
/// its own (newest first, limited) and the two merged: one `OR` across them
/// made both databases walk the whole log for a reader with few entries.
#[derive(Clone, Copy)]
enum Part<'a> {
    Everything,
    AboutGroups(&'a [GroupId]),
    AccountsIn(&'a [GroupId]),
    /// `AccountsIn` tested row by row (one membership probe each) over a
    /// window of the newest ids: cheap where such entries are dense.
    AccountsInWalk {
        groups: &'a [GroupId],
        sqlite: bool,
    },
    /// `AccountsIn` tested row by row over every account-level entry (the
    /// `audit_log_account` index): cheap where those entries are fewer than
    /// the reader's memberships.
    AccountsInEach(&'a [GroupId]),
}

fn parts<'a>(scope: &'a Scope, filter: &Filter) -> Vec<Part<'a>> {
    match scope {
        Scope::All => vec![Part::Everything],
        // A group filter only matches entries about a group.
        Scope::Groups(groups) if filter.groups.is_some() => vec![Part::AboutGroups(groups)],
        Scope::Groups(groups) => vec![Part::AboutGroups(groups), Part::AccountsIn(groups)],
    }
}

fn push_where(sql: &mut Sql, part: Part<'_>, filter: &Filter, before: Option<i64>) {
    sql.push(" WHERE ");
    push_part(sql, part);
    push_filters(sql, filter, before);
}

fn push_part(sql: &mut Sql, part: Part<'_>) {
    match part {
        Part::Everything => {
            sql.push("1 = 1");
        }
        Part::AboutGroups(groups) => {
            sql.push("a.group_id IN (").bind_list(groups).push(")");
        }
        Part::AccountsIn(groups) => {
            // `audit_log_account`, a partial index on `group_id IS NULL`:
            // the cost grows with the reader's people, not with the log.
            sql.push(
                "a.group_id IS NULL AND a.target_user_id IN \
                 (SELECT m.user_id FROM memberships m WHERE m.group_id IN (",
            )
            .bind_list(groups)
            .push("))");
        }
        Part::AccountsInEach(groups) => {
            sql.push("a.group_id IS NULL AND ");
            push_membership_probe(sql, groups);
        }
        Part::AccountsInWalk { groups, sqlite } => {
            // SQLite walks the ids only when `+` keeps it off the group's
            // index. PostgreSQL walks them by itself (its statistics know how
            // many entries have no group), and `+` would hide that column
            // from its estimate: it then read every account-level entry and
            // sorted them, 21 ms against 1.3 at 20,000 entries.
            sql.push(if sqlite { "+" } else { "" })
                .push("a.group_id IS NULL AND ");
            push_membership_probe(sql, groups);
        }
    }
}

/// Whether the entry's person holds a role in one of `groups`: one probe
/// of the memberships' key per entry. `LIMIT 1` keeps it a probe on
/// SQLite, whose planner (3.51) otherwise turns the `EXISTS` into a join
/// behind a Bloom filter built from the memberships first: 15–20 ms
/// before the first entry, against 0.2–0.7 ms for the walk of a group
/// admin's page over 1,000,000 entries. PostgreSQL ignores the `LIMIT`.
fn push_membership_probe(sql: &mut Sql, groups: &[GroupId]) {
    sql.push(
        "EXISTS (SELECT 1 FROM memberships m \
         WHERE m.user_id = a.target_user_id AND m.group_id IN (",
    )
    .bind_list(groups)
    .push(") LIMIT 1)");
}

fn sqlite(conn: &Conn) -> bool {
    conn.backend_name() == "SQLite"
}

/// The filters every part shares.
fn push_filters(sql: &mut Sql, filter: &Filter, before: Option<i64>) {
    if let Some(actor) = filter.actor {
        sql.push(" AND a.actor_user_id = ").bind(Arg::Int(actor.0));
    }
    if let Some(action) = &filter.action {
        sql.push(" AND a.action = ").bind(Arg::Text(action.clone()));
    }
    if let Some(groups) = &filter.groups {
        sql.push(" AND a.group_id IN (").bind_list(groups).push(")");
    }
    match &filter.person {
        Some((Some(user), Some(email))) => {
            sql.push(" AND (a.target_user_id = ")
                .bind(Arg::Int(user.0))
                .push(" OR a.target_email = ")
                .bind(Arg::Text(email.clone()))
                .push(")");
        }
        Some((Some(user), None)) => {
            sql.push(" AND a.target_user_id = ").bind(Arg::Int(user.0));
        }
        Some((None, Some(email))) => {
            sql.push(" AND a.target_email = ")
                .bind(Arg::Text(email.clone()));
        }
        Some((None, None)) => {
            sql.push(" AND 1 = 0");
        }
        None => {}
    }
    if let Some((low, high)) = filter.ids {
        sql.push(" AND a.id >= ")
            .bind(Arg::Int(low))
            .push(" AND a.id <= ")
            .bind(Arg::Int(high));
    }
    if let Some(from) = filter.from {
        sql.push(" AND a.at >= ").bind(Arg::Int(from));
    }
    if let Some(until) = filter.until {
        sql.push(" AND a.at < ").bind(Arg::Int(until));
    }
    if let Some(before) = before {
        sql.push(" AND a.id < ").bind(Arg::Int(before));
    }
}

fn named(row: &AnyRow, prefix: &str) -> Result<Option<Named>, sqlx::Error> {
    let id: Option<i64> = row.try_get(format!("{prefix}_id").as_str())?;
    if id.is_none() {
        return Ok(None);
    }
    let first: Option<String> = row.try_get(format!("{prefix}_first").as_str())?;
    let last: Option<String> = row.try_get(format!("{prefix}_last").as_str())?;
    let email: Option<String> = row.try_get(format!("{prefix}_email").as_str())?;
    let login: Option<String> = row.try_get(format!("{prefix}_login").as_str())?;
    let name = users::display_name_of(
        first.as_deref().unwrap_or(""),
        last.as_deref().unwrap_or(""),
        email.as_deref(),
        login.as_deref(),
    );
    Ok(Some(Named { name, email }))
}

/// The newest `limit` entries matching, older than `before` (an id).
pub async fn page(
    conn: &mut Conn,
    scope: &Scope,
    filter: &Filter,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<Row>, sqlx::Error> {
    let mut sql = Sql::default();
    sql.push(SELECT_ROWS);
    match scope {
        // Both halves of a scope: their ids first, then their rows.
        Scope::Groups(groups) if filter.groups.is_none() => {
            let ids = scoped_ids(conn, groups, filter, before, limit).await?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            sql.push(" WHERE a.id IN (").bind_list(&ids).push(")");
        }
        // One part: one query, newest first (the export's chunks too).
        Scope::Groups(groups) => push_where(&mut sql, Part::AboutGroups(groups), filter, before),
        Scope::All => push_where(&mut sql, Part::Everything, filter, before),
    }
    sql.push(" ORDER BY a.id DESC LIMIT ")
        .bind(Arg::Int(limit as i64));
    let rows = sql.query().fetch_all(&mut *conn).await?;
    rows.iter().map(decode_row).collect()
}

const SELECT_ROWS: &str = "SELECT a.id, a.at, a.actor_user_id, a.action, a.target_user_id, \
     a.target_email, a.group_id, a.details, \
     au.id AS actor_id, au.first_name AS actor_first, au.last_name AS actor_last, \
     au.email AS actor_email, au.login_name AS actor_login, \
     tu.id AS tgt_id, tu.first_name AS tgt_first, tu.last_name AS tgt_last, \
     tu.email AS tgt_email, tu.login_name AS tgt_login \
     FROM audit_log a \
     LEFT JOIN users au ON au.id = a.actor_user_id \
     LEFT JOIN users tu ON tu.id = a.target_user_id";

fn decode_row(row: &AnyRow) -> Result<Row, sqlx::Error> {
    Ok(Row {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        actor_user_id: row.try_get("actor_user_id")?,
        actor: named(row, "actor")?,
        action: row.try_get("action")?,
        target_user_id: row.try_get("target_user_id")?,
        target: named(row, "tgt")?,
        target_email: row.try_get("target_email")?,
        group_id: row.try_get("group_id")?,
        details: row.try_get("details")?,
    })
}

/// The newest `limit` ids of one part, below `before` (and above `floor`).
async fn newest_ids(
    conn: &mut Conn,
    part: Part<'_>,
    filter: &Filter,
    before: Option<i64>,
    floor: Option<i64>,
    limit: usize,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut sql = Sql::default();
    sql.push("SELECT a.id FROM audit_log a");
    push_where(&mut sql, part, filter, before);
    if let Some(floor) = floor {
        sql.push(" AND a.id >= ").bind(Arg::Int(floor));
    }
    sql.push(" ORDER BY a.id DESC LIMIT ")
        .bind(Arg::Int(limit as i64));
    let rows = sql.query().fetch_all(&mut *conn).await?;
    rows.iter().map(|r| r.try_get::<i64, _>("id")).collect()
}

/// Ids a walk of the account-level half covers before it gives way to the
/// index: about 2 ms on SQLite at a million entries.
const WALK_WINDOW: i64 = 20_000;

/// A scoped reader's newest ids: the entries about their groups (one
/// index-bound read), merged with the account-level ones about their
/// people, which are read by walking the newest ids when that finds them
/// (dense: a large scope), else through `audit_log_account` (whose cost
/// grows with the reader's people: a small scope). Measured with
/// `examples/bench_pages.rs`.
async fn scoped_ids(
    conn: &mut Conn,
    groups: &[GroupId],
    filter: &Filter,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<i64>, sqlx::Error> {
    let about = newest_ids(conn, Part::AboutGroups(groups), filter, before, None, limit).await?;
    let top: Option<i64> = match before {
        Some(before) => Some(before - 1),
        None => {
            sqlx::query_scalar("SELECT MAX(id) FROM audit_log")
                .fetch_one(&mut *conn)
                .await?
        }
    };
    let Some(top) = top else {
        return Ok(about);
    };
    let floor = top - WALK_WINDOW + 1;
    let mut accounts = newest_ids(
        conn,
        Part::AccountsInWalk {
            groups,
            sqlite: sqlite(conn),
        },
        filter,
        before,
        Some(floor),
        limit,
    )
    .await?;
    // Entries older than the window only matter when the walk and the
    // group half together do not fill the page with newer ones.
    let newer_than_window = about.iter().filter(|id| **id >= floor).count();
    if accounts.len() < limit && newer_than_window + accounts.len() < limit {
        accounts = newest_ids(conn, Part::AccountsIn(groups), filter, before, None, limit).await?;
    }
    let mut ids: Vec<i64> = about.into_iter().chain(accounts).collect();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.dedup();
    ids.truncate(limit);
    Ok(ids)
}

/// Whether the log holds fewer account-level entries than the scope's
/// groups hold memberships: then testing each such entry for a membership
/// costs less than listing the people and probing the log for each (which
/// took 31 ms on SQLite for a region of 20,000 people over 4,569 entries,
/// against 6 ms; `examples/bench_pages.rs`). Two index-only counts, the
/// second stopping at the first's figure.
async fn fewer_account_entries(conn: &mut Conn, groups: &[GroupId]) -> Result<bool, sqlx::Error> {
    let mut sql = Sql::default();
    sql.push("SELECT COUNT(*) FROM memberships WHERE group_id IN (")
        .bind_list(groups)
        .push(")");
    let memberships = sql.query_scalar().fetch_one(&mut *conn).await?;
    let entries: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM audit_log WHERE group_id IS NULL LIMIT $1) capped",
    )
    .bind(memberships)
    .fetch_one(&mut *conn)
    .await?;
    Ok(entries < memberships)
}

/// How many entries match, counting no further than `cap`. A scoped
/// reader's two halves are counted apart — each from its own index, and
/// stopping at the cap (one `OR` made PostgreSQL build the whole bitmap
/// first) — and the account-level half only when the group half leaves
/// room under the cap.
pub async fn count(
    conn: &mut Conn,
    scope: &Scope,
    filter: &Filter,
    cap: i64,
) -> Result<i64, sqlx::Error> {
    let mut total = 0;
    for part in parts(scope, filter) {
        if total >= cap {
            break;
        }
        let part = match part {
            Part::AccountsIn(groups) if fewer_account_entries(conn, groups).await? => {
                Part::AccountsInEach(groups)
            }
            part => part,
        };
        let mut sql = Sql::default();
        sql.push("SELECT COUNT(*) FROM (SELECT 1 FROM audit_log a");
        if matches!(part, Part::AccountsInEach(_)) && sqlite(conn) {
            // SQLite reads `group_id IS NULL` through `audit_log_group`,
            // then each row for its target: twice the time of the partial
            // index, which holds the target.
            sql.push(" INDEXED BY audit_log_account");
        }
        push_where(&mut sql, part, filter, None);
        sql.push(" LIMIT ")
            .bind(Arg::Int(cap - total))
            .push(") capped");
        total += sql.query_scalar().fetch_one(&mut *conn).await?;
    }
    Ok(total)
}
