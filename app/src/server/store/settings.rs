use super::Conn;

pub const SETUP_TOKEN_HASH: &str = "setup_token_hash";
/// The language code of visitors without a preference (`fr` when unset).
pub const DEFAULT_LANGUAGE: &str = "default_language";
/// The platform's IANA time zone (`Europe/Paris` when unset).
pub const TIME_ZONE: &str = "time_zone";

pub async fn get(conn: &mut Conn, key: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(key.to_owned())
        .fetch_optional(&mut *conn)
        .await
}

pub async fn set(conn: &mut Conn, key: &str, value: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key.to_owned())
    .bind(value.to_owned())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn delete(conn: &mut Conn, key: &str) -> Result<(), sqlx::Error> {
    take(conn, key).await.map(|_| ())
}

/// Deletes the setting and says whether it was there: of two transactions
/// racing to consume a one-time value, exactly one sees `true`.
pub async fn take(conn: &mut Conn, key: &str) -> Result<bool, sqlx::Error> {
    let deleted = sqlx::query("DELETE FROM settings WHERE key = $1")
        .bind(key.to_owned())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(deleted > 0)
}
