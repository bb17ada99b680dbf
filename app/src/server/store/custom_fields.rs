//! Custom field definitions and the values accounts hold for them.

use super::codec::decode;
use sqlx::Row;

use super::Conn;
use std::collections::HashMap;

use crate::domain::custom_field::{FieldDef, Labels};
use crate::domain::{FieldId, UserId};
use crate::server::db::flag;

pub async fn list(conn: &mut Conn) -> Result<Vec<FieldDef>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, key, field_type, choices, required FROM custom_fields ORDER BY position, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut labels: HashMap<FieldId, Labels> = HashMap::new();
    for row in sqlx::query("SELECT field_id, language, label FROM custom_field_labels")
        .fetch_all(&mut *conn)
        .await?
    {
        let language: String = row.try_get("language")?;
        labels
            .entry(row.try_get("field_id")?)
            .or_default()
            .set(decode(&language)?, row.try_get::<String, _>("label")?);
    }
    rows.iter()
        .map(|row| {
            let choices: String = row.try_get("choices")?;
            let field_type: String = row.try_get("field_type")?;
            let id: FieldId = row.try_get("id")?;
            Ok(FieldDef {
                id,
                key: row.try_get("key")?,
                labels: labels.remove(&id).unwrap_or_default(),
                field_type: decode(&field_type)?,
                choices: serde_json::from_str(&choices).unwrap_or_default(),
                required: row.try_get::<i64, _>("required")? != 0,
            })
        })
        .collect()
}

/// Adds a field at the end of the list, with its labels; a taken key is a
/// unique violation.
pub async fn insert(conn: &mut Conn, def: &FieldDef, now: i64) -> Result<FieldId, sqlx::Error> {
    let id: FieldId = sqlx::query_scalar(
        "INSERT INTO custom_fields (key, field_type, choices, required, position, created_at) \
         VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 FROM custom_fields), $5) \
         RETURNING id",
    )
    .bind(def.key.clone())
    .bind(def.field_type.as_str())
    .bind(serde_json::to_string(&def.choices).unwrap_or_else(|_| "[]".into()))
    .bind(flag(def.required))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    for (lang, label) in def.labels.iter() {
        sqlx::query(
            "INSERT INTO custom_field_labels (field_id, language, label) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(lang.code())
        .bind(label.to_owned())
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// Deletes a field and, by cascade, every value held for it.
pub async fn delete(conn: &mut Conn, id: FieldId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM custom_fields WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Replaces the values an account holds.
pub async fn set_user_values(
    conn: &mut Conn,
    user_id: UserId,
    values: &[(FieldId, String)],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM user_custom_values WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    let rows: Vec<(UserId, FieldId, &str)> = values
        .iter()
        .map(|(field, value)| (user_id, *field, value.as_str()))
        .collect();
    insert_values(conn, &rows).await
}

/// Writes values of accounts that hold none of these fields yet (new
/// accounts), in multi-row statements.
pub async fn insert_values(
    conn: &mut Conn,
    values: &[(UserId, FieldId, &str)],
) -> Result<(), sqlx::Error> {
    for chunk in values.chunks(super::sql::rows_per_statement(3)) {
        let text = format!(
            "INSERT INTO user_custom_values (user_id, field_id, value) VALUES {}",
            super::sql::Placeholders::new(conn).rows(chunk.len(), 3)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (user, field, value) in chunk {
            query = query.bind(*user).bind(*field).bind((*value).to_owned());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// (field id, value) pairs an account holds.
pub async fn user_values(
    conn: &mut Conn,
    user_id: UserId,
) -> Result<Vec<(FieldId, String)>, sqlx::Error> {
    let rows = sqlx::query("SELECT field_id, value FROM user_custom_values WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("field_id")?, r.try_get("value")?)))
        .collect()
}

/// (field id, value) pairs of many accounts, in `IN` lists of 500; an
/// account holding none is absent.
pub async fn user_values_many(
    conn: &mut Conn,
    users: &[UserId],
) -> Result<HashMap<UserId, Vec<(FieldId, String)>>, sqlx::Error> {
    let mut found: HashMap<UserId, Vec<(FieldId, String)>> = HashMap::new();
    for chunk in users.chunks(super::sql::IN_CHUNK) {
        let text = format!(
            "SELECT user_id, field_id, value FROM user_custom_values WHERE user_id IN ({})",
            super::sql::Placeholders::new(conn).list(chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for id in chunk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(&mut *conn).await? {
            found
                .entry(row.try_get("user_id")?)
                .or_default()
                .push((row.try_get("field_id")?, row.try_get("value")?));
        }
    }
    Ok(found)
}
