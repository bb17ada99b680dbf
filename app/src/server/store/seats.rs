//! The seat limit (the single `seats` row) and the count of billable
//! members it is checked against.

use super::Conn;
use crate::domain::UserId;

/// Takes the seats' turn: the one-row update makes concurrent activations
/// on PostgreSQL wait for each other until commit (SQLite's writers take
/// turns anyway), and reads the limit as it is inside that turn.
pub async fn take_turn(conn: &mut Conn) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("UPDATE seats SET turns = turns + 1 WHERE id = 1 RETURNING seat_limit")
        .fetch_one(&mut *conn)
        .await
}

pub async fn limit(conn: &mut Conn) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT seat_limit FROM seats WHERE id = 1")
        .fetch_one(&mut *conn)
        .await
}

pub async fn set_limit(conn: &mut Conn, limit: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE seats SET seat_limit = $1, turns = turns + 1 WHERE id = 1")
        .bind(limit)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Active member accounts, but for `except` (accounts being activated,
/// whether or not their rows already say so).
pub async fn billable_count(conn: &mut Conn, except: &[UserId]) -> Result<i64, sqlx::Error> {
    const BILLABLE: &str = "SELECT COUNT(*) FROM users WHERE account_type = 'member' \
                            AND activated_at IS NOT NULL";
    let mut count: i64 = sqlx::query_scalar(BILLABLE).fetch_one(&mut *conn).await?;
    for chunk in except.chunks(super::sql::IN_CHUNK) {
        let text = format!(
            "{BILLABLE} AND id IN ({})",
            super::sql::Placeholders::new(conn).list(chunk.len())
        );
        let mut query = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(text));
        for id in chunk {
            query = query.bind(*id);
        }
        count -= query.fetch_one(&mut *conn).await?;
    }
    Ok(count)
}
