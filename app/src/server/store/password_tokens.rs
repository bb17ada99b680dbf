//! One-time set-password links: only the SHA-256 of the token is stored.

use sqlx::Row;

use super::Conn;
use crate::domain::UserId;

pub async fn insert(
    conn: &mut Conn,
    token_hash: &str,
    user_id: UserId,
    expires_at: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    insert_many(conn, &[(token_hash.to_owned(), user_id)], expires_at, now).await
}

/// Links (token hash, account) created together, in multi-row statements.
pub async fn insert_many(
    conn: &mut Conn,
    links: &[(String, UserId)],
    expires_at: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in links.chunks(super::sql::rows_per_statement(4)) {
        let text = format!(
            "INSERT INTO password_tokens (token_hash, user_id, created_at, expires_at) VALUES {}",
            super::sql::Placeholders::new(conn).rows(chunk.len(), 4)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (hash, user) in chunk {
            query = query
                .bind(hash.clone())
                .bind(*user)
                .bind(now)
                .bind(expires_at);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Ends every live link of these accounts (a new one replaces them): they
/// expire now, so whoever opens an old mail is told to use the newest.
pub async fn revoke_for_users(
    conn: &mut Conn,
    users: &[UserId],
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in users.chunks(super::sql::IN_CHUNK) {
        let mut p = super::sql::Placeholders::new(conn);
        let text = format!(
            "UPDATE password_tokens SET expires_at = {} \
             WHERE user_id IN ({}) AND used_at IS NULL AND expires_at > {}",
            p.next(),
            p.list(chunk.len()),
            p.next()
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text)).bind(now);
        for user in chunk {
            query = query.bind(*user);
        }
        query = query.bind(now);
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRecord {
    pub user_id: UserId,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn find(conn: &mut Conn, token_hash: &str) -> Result<Option<TokenRecord>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT user_id, expires_at, used_at FROM password_tokens WHERE token_hash = $1",
    )
    .bind(token_hash.to_owned())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| {
        Ok(TokenRecord {
            user_id: r.try_get("user_id")?,
            expires_at: r.try_get("expires_at")?,
            used_at: r.try_get("used_at")?,
        })
    })
    .transpose()
}

/// Uses the link once: true only for the one caller that consumed it while
/// it was live (concurrent submissions: one wins).
pub async fn consume(conn: &mut Conn, token_hash: &str, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE password_tokens SET used_at = $2 \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash.to_owned())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
