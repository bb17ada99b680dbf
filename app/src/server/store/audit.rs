//! Who did what to whom, when. Rows keep plain ids (no foreign keys) so the
//! log outlives the accounts and groups it speaks of.

use super::Conn;
use crate::domain::{GroupId, UserId};

#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub actor_user_id: Option<UserId>,
    pub action: &'static str,
    pub target_user_id: Option<UserId>,
    pub target_email: Option<String>,
    pub group_id: Option<GroupId>,
    /// A small JSON object with what the action needs to be understood later.
    pub details: String,
}

pub async fn record(conn: &mut Conn, entry: Entry, now: i64) -> Result<(), sqlx::Error> {
    let details = if entry.details.is_empty() {
        "{}".to_owned()
    } else {
        entry.details
    };
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, action, target_user_id, target_email, group_id, details) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(now)
    .bind(entry.actor_user_id)
    .bind(entry.action)
    .bind(entry.target_user_id)
    .bind(entry.target_email)
    .bind(entry.group_id)
    .bind(details)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn actions(conn: &mut Conn) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT action FROM audit_log ORDER BY id")
        .fetch_all(&mut *conn)
        .await
}
