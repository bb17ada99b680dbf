use super::codec::decode;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Conn;
use crate::domain::{GroupId, GroupNode, GroupTree, Visibility};

#[derive(Clone, Debug, PartialEq)]
pub struct GroupRecord {
    pub id: GroupId,
    pub name: String,
    pub parent_id: Option<GroupId>,
    pub visibility: Visibility,
}

impl GroupRecord {
    pub fn node(&self) -> GroupNode {
        GroupNode {
            id: self.id,
            parent: self.parent_id,
            visibility: self.visibility,
        }
    }
}

fn from_row(row: &AnyRow) -> Result<GroupRecord, sqlx::Error> {
    let visibility: String = row.try_get("visibility")?;
    Ok(GroupRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        parent_id: row.try_get("parent_id")?,
        visibility: decode(&visibility)?,
    })
}

/// The whole tree. Groups number in the hundreds, not millions: rules run
/// on the full tree in memory rather than on recursive SQL.
pub async fn all(conn: &mut Conn) -> Result<Vec<GroupRecord>, sqlx::Error> {
    sqlx::query("SELECT id, name, parent_id, visibility FROM groups ORDER BY name, id")
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

pub fn tree(groups: &[GroupRecord]) -> GroupTree {
    GroupTree::new(groups.iter().map(GroupRecord::node))
}

pub async fn by_id(conn: &mut Conn, id: GroupId) -> Result<Option<GroupRecord>, sqlx::Error> {
    sqlx::query("SELECT id, name, parent_id, visibility FROM groups WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// Sibling names are unique, compared case-insensitively.
pub async fn name_taken(
    conn: &mut Conn,
    parent_id: Option<GroupId>,
    name: &str,
    except: Option<GroupId>,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM groups WHERE LOWER(name) = LOWER($1) \
         AND ((parent_id IS NULL AND $2 IS NULL) OR parent_id = $2) AND id <> $3",
    )
    .bind(name.to_owned())
    .bind(parent_id)
    .bind(except.map_or(-1, i64::from))
    .fetch_one(&mut *conn)
    .await?;
    Ok(count > 0)
}

pub async fn insert(
    conn: &mut Conn,
    name: &str,
    parent_id: Option<GroupId>,
    visibility: Visibility,
    now: i64,
) -> Result<GroupId, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO groups (name, parent_id, visibility, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(name.to_owned())
    .bind(parent_id)
    .bind(visibility.as_str())
    .bind(now)
    .fetch_one(&mut *conn)
    .await
}

pub async fn update(
    conn: &mut Conn,
    id: GroupId,
    name: &str,
    parent_id: Option<GroupId>,
    visibility: Visibility,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE groups SET name = $1, parent_id = $2, visibility = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(name.to_owned())
    .bind(parent_id)
    .bind(visibility.as_str())
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn has_children(conn: &mut Conn, id: GroupId) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM groups WHERE parent_id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(count > 0)
}

pub async fn delete(conn: &mut Conn, id: GroupId) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM groups WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
