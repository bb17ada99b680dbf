//! Counted sign-in attempts, one row per key, shared by every instance on
//! the database (`auth::rate_limit` decides what the keys and limits are).

use super::Conn;

/// Counts an attempt under `key` at `at`; returns the row's id.
pub async fn record(conn: &mut Conn, key: &str, at: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("INSERT INTO login_failures (key, at) VALUES ($1, $2) RETURNING id")
        .bind(key.to_owned())
        .bind(at)
        .fetch_one(&mut *conn)
        .await
}

/// How many attempts `key` has after `since` (exclusive).
pub async fn count_recent(conn: &mut Conn, key: &str, since: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at > $2")
        .bind(key.to_owned())
        .bind(since)
        .fetch_one(&mut *conn)
        .await
}

/// Removes one row (an attempt that turned out not to count).
pub async fn delete(conn: &mut Conn, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Forgets every attempt under `key`.
pub async fn clear(conn: &mut Conn, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE key = $1")
        .bind(key.to_owned())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Deletes the rows at or before `before`, which no window counts any more.
pub async fn purge_before(conn: &mut Conn, before: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(before)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}
