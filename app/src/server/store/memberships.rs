use sqlx::Row;

use super::Conn;
use super::codec::decode;
use crate::domain::{AccountType, GroupId, GroupRole, UserId};

pub async fn roles_of_user(
    conn: &mut Conn,
    user_id: UserId,
) -> Result<Vec<(GroupId, GroupRole)>, sqlx::Error> {
    let rows = sqlx::query("SELECT group_id, role FROM memberships WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?;
    let mut roles = Vec::with_capacity(rows.len());
    for row in rows {
        let role: GroupRole = decode(&row.try_get::<String, _>("role")?)?;
        roles.push((row.try_get("group_id")?, role));
    }
    Ok(roles)
}

/// Grants a role; granting one already held is a no-op.
pub async fn grant(
    conn: &mut Conn,
    user_id: UserId,
    group_id: GroupId,
    role: GroupRole,
    granted_by: Option<UserId>,
    now: i64,
) -> Result<(), sqlx::Error> {
    grant_many(conn, &[(user_id, group_id, role)], granted_by, now).await
}

/// `grant` for many (user, group, role), in multi-row statements.
pub async fn grant_many(
    conn: &mut Conn,
    grants: &[(UserId, GroupId, GroupRole)],
    granted_by: Option<UserId>,
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in grants.chunks(super::sql::rows_per_statement(5)) {
        let text = format!(
            "INSERT INTO memberships (user_id, group_id, role, granted_by, created_at) \
             VALUES {} ON CONFLICT (user_id, group_id, role) DO NOTHING",
            super::sql::Placeholders::new(conn).rows(chunk.len(), 5)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for (user, group, role) in chunk {
            query = query
                .bind(*user)
                .bind(*group)
                .bind(role.as_str())
                .bind(granted_by)
                .bind(now);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The roles `user_id` holds in `group_id` itself, sorted.
pub async fn roles_in_group(
    conn: &mut Conn,
    user_id: UserId,
    group_id: GroupId,
) -> Result<Vec<GroupRole>, sqlx::Error> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT role FROM memberships WHERE user_id = $1 AND group_id = $2")
            .bind(user_id)
            .bind(group_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut roles = rows
        .iter()
        .map(|r| decode::<GroupRole>(r))
        .collect::<Result<Vec<_>, _>>()?;
    roles.sort();
    Ok(roles)
}

pub async fn revoke(
    conn: &mut Conn,
    user_id: UserId,
    group_id: GroupId,
    role: GroupRole,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM memberships WHERE user_id = $1 AND group_id = $2 AND role = $3")
        .bind(user_id)
        .bind(group_id)
        .bind(role.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
pub struct MemberRecord {
    pub user_id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub account_type: AccountType,
    pub activated_at: Option<i64>,
    /// Whether the person has a password yet (an account created with a
    /// set-password mail has none until the link is used).
    pub password_set: bool,
    pub roles: Vec<GroupRole>,
}

/// How many people hold a role in one group.
pub async fn count_members(conn: &mut Conn, group_id: GroupId) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(DISTINCT user_id) FROM memberships WHERE group_id = $1")
        .bind(group_id)
        .fetch_one(&mut *conn)
        .await
}

/// One page of a group's members with their roles there, sorted by name:
/// `limit` people from the `offset`-th (the roles of a person are
/// several rows, so the page is cut on people, in the subquery). The
/// subquery sorts the people whose id the group's index lists: joining
/// the memberships to the users and grouping the roles back into people
/// took twice as long on both databases (the query alone, 2,383 members
/// among 100,000: 16–20 → 6–7 ms on SQLite, 3 ms once `memberships_group`
/// covers the user id; 13–21 → 9–14 ms on PostgreSQL, whose planner still
/// hashes the `users` table rather than look up the ids).
pub async fn members_of_group(
    conn: &mut Conn,
    group_id: GroupId,
    limit: i64,
    offset: i64,
) -> Result<Vec<MemberRecord>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.first_name, u.last_name, u.email, u.login_name, u.account_type, \
         u.activated_at, m.role, \
         CAST(CASE WHEN u.password_hash IS NULL THEN 0 ELSE 1 END AS BIGINT) AS password_set \
         FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.group_id = $1 AND m.user_id IN ( \
           SELECT p.id FROM users p \
           WHERE p.id IN (SELECT pm.user_id FROM memberships pm WHERE pm.group_id = $1) \
           ORDER BY LOWER(p.last_name), LOWER(p.first_name), p.email, p.id \
           LIMIT $2 OFFSET $3) \
         ORDER BY LOWER(u.last_name), LOWER(u.first_name), u.email, u.id",
    )
    .bind(group_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let mut members: Vec<MemberRecord> = Vec::new();
    for row in rows {
        let user_id: UserId = row.try_get("id")?;
        let role = Some(decode::<GroupRole>(&row.try_get::<String, _>("role")?)?);
        if let Some(last) = members.last_mut().filter(|m| m.user_id == user_id) {
            last.roles.extend(role);
            continue;
        }
        let account_type: String = row.try_get("account_type")?;
        members.push(MemberRecord {
            user_id,
            first_name: row.try_get("first_name")?,
            last_name: row.try_get("last_name")?,
            email: row.try_get("email")?,
            login_name: row.try_get("login_name")?,
            account_type: decode(&account_type)?,
            activated_at: row.try_get("activated_at")?,
            password_set: row.try_get::<i64, _>("password_set")? != 0,
            roles: role.into_iter().collect(),
        });
    }
    for m in &mut members {
        m.roles.sort();
    }
    Ok(members)
}

/// The roles of several accounts, in batches (the import's lookup).
pub async fn roles_of_users(
    conn: &mut Conn,
    users: &[UserId],
) -> Result<std::collections::HashMap<UserId, Vec<(GroupId, GroupRole)>>, sqlx::Error> {
    let mut roles: std::collections::HashMap<UserId, Vec<(GroupId, GroupRole)>> =
        Default::default();
    for chunk in users.chunks(super::sql::IN_CHUNK) {
        let text = format!(
            "SELECT user_id, group_id, role FROM memberships WHERE user_id IN ({})",
            super::sql::Placeholders::new(conn).list(chunk.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
        for user in chunk {
            query = query.bind(*user);
        }
        for row in query.fetch_all(&mut *conn).await? {
            let role: GroupRole = decode(&row.try_get::<String, _>("role")?)?;
            roles
                .entry(row.try_get("user_id")?)
                .or_default()
                .push((row.try_get("group_id")?, role));
        }
    }
    Ok(roles)
}
