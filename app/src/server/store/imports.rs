//! Imports: the uploaded file, the wizard's choices, the run's outcome.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Conn;
use crate::domain::{GroupId, ImportId, UserId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRecord {
    pub id: ImportId,
    pub group_id: Option<GroupId>,
    pub created_by: Option<UserId>,
    pub file_name: String,
    pub file_sha256: String,
    pub mode: String,
    /// `draft`, `running`, `done`, `failed`.
    pub status: String,
    pub total_rows: i64,
    pub done_rows: i64,
    /// The wizard's choices as JSON (`services::imports::Setup`).
    pub setup: String,
    /// Counts by verdict once done, as JSON.
    pub counts: String,
    pub created_at: i64,
    pub started_at: Option<i64>,
    /// A running import's last sign of life (see `heartbeat`).
    pub heartbeat_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub error: Option<String>,
}

macro_rules! select_import {
    ($rest:literal) => {
        concat!(
            "SELECT id, group_id, created_by, file_name, file_sha256, mode, status, total_rows, \
             done_rows, setup, counts, created_at, started_at, heartbeat_at, finished_at, error \
             FROM imports ",
            $rest
        )
    };
}

fn from_row(row: &AnyRow) -> Result<ImportRecord, sqlx::Error> {
    Ok(ImportRecord {
        id: row.try_get("id")?,
        group_id: row.try_get("group_id")?,
        created_by: row.try_get("created_by")?,
        file_name: row.try_get("file_name")?,
        file_sha256: row.try_get("file_sha256")?,
        mode: row.try_get("mode")?,
        status: row.try_get("status")?,
        total_rows: row.try_get("total_rows")?,
        done_rows: row.try_get("done_rows")?,
        setup: row.try_get("setup")?,
        counts: row.try_get("counts")?,
        created_at: row.try_get("created_at")?,
        started_at: row.try_get("started_at")?,
        heartbeat_at: row.try_get("heartbeat_at")?,
        finished_at: row.try_get("finished_at")?,
        error: row.try_get("error")?,
    })
}

pub struct NewImport<'a> {
    pub group_id: GroupId,
    pub created_by: UserId,
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    pub total_rows: i64,
    pub setup: &'a str,
    pub content: &'a [u8],
}

pub async fn insert(
    conn: &mut Conn,
    new: &NewImport<'_>,
    now: i64,
) -> Result<ImportId, sqlx::Error> {
    let id: ImportId = sqlx::query_scalar(
        "INSERT INTO imports (group_id, created_by, file_name, file_sha256, mode, status, \
         total_rows, setup, created_at) VALUES ($1, $2, $3, $4, 'invite', 'draft', $5, $6, $7) \
         RETURNING id",
    )
    .bind(new.group_id)
    .bind(new.created_by)
    .bind(new.file_name.to_owned())
    .bind(new.file_sha256.to_owned())
    .bind(new.total_rows)
    .bind(new.setup.to_owned())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO import_files (import_id, content) VALUES ($1, $2)")
        .bind(id)
        .bind(new.content.to_vec())
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

pub async fn by_id(conn: &mut Conn, id: ImportId) -> Result<Option<ImportRecord>, sqlx::Error> {
    sqlx::query(select_import!("WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

pub async fn content(conn: &mut Conn, id: ImportId) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT content FROM import_files WHERE import_id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// The wizard's choices, while the import is still a draft.
pub async fn set_setup(
    conn: &mut Conn,
    id: ImportId,
    setup: &str,
    total_rows: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE imports SET setup = $2, total_rows = $3 WHERE id = $1 AND status = 'draft'",
    )
    .bind(id)
    .bind(setup.to_owned())
    .bind(total_rows)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Draft → running, once: two clicks on `IMPORTER` start one run. A run
/// that died with its process (its transaction rolled back, nothing
/// written) may be started again once its last sign of life is older
/// than `stale_before`.
pub async fn start(
    conn: &mut Conn,
    id: ImportId,
    mode: &str,
    setup: &str,
    now: i64,
    stale_before: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE imports SET status = 'running', mode = $2, setup = $3, started_at = $4, \
         heartbeat_at = $4, done_rows = 0, error = NULL WHERE id = $1 \
         AND (status IN ('draft', 'failed') \
         OR (status = 'running' AND COALESCE(heartbeat_at, started_at) < $5))",
    )
    .bind(id)
    .bind(mode.to_owned())
    .bind(setup.to_owned())
    .bind(now)
    .bind(stale_before)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The run's end, in the run's own transaction: done with its counts and
/// report, or nothing at all.
pub async fn finish(
    conn: &mut Conn,
    id: ImportId,
    counts: &str,
    report: &str,
    done_rows: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE imports SET status = 'done', counts = $2, report = $3, done_rows = $4, \
         finished_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(counts.to_owned())
    .bind(report.to_owned())
    .bind(done_rows)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A running import's sign of life and rows done, written outside its
/// transaction by the instance running it.
pub async fn heartbeat(
    conn: &mut Conn,
    id: ImportId,
    done_rows: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE imports SET done_rows = $2, heartbeat_at = $3 WHERE id = $1 AND status = 'running'",
    )
    .bind(id)
    .bind(done_rows)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every run still `running` is failed (nothing of it was written): for
/// start-up, when no run can be alive.
pub async fn fail_running(conn: &mut Conn, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE imports SET status = 'failed', error = 'interrupted', finished_at = $1 \
         WHERE status = 'running'",
    )
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// A run whose transaction failed: nothing of it was written.
pub async fn fail(conn: &mut Conn, id: ImportId, error: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE imports SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1")
        .bind(id)
        .bind(error.to_owned())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn report(conn: &mut Conn, id: ImportId) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT report FROM imports WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await
}

/// The newest imports into these groups (all groups when `None`).
pub async fn recent(
    conn: &mut Conn,
    groups: Option<&[GroupId]>,
    limit: i64,
) -> Result<Vec<ImportRecord>, sqlx::Error> {
    let rows = match groups {
        None => {
            sqlx::query(select_import!("ORDER BY id DESC LIMIT $1"))
                .bind(limit)
                .fetch_all(&mut *conn)
                .await?
        }
        Some([]) => return Ok(Vec::new()),
        Some(groups) => {
            let text = format!(
                "{} WHERE group_id IN ({}) ORDER BY id DESC LIMIT ${}",
                select_import!(""),
                super::sql::placeholders(1, groups.len()),
                groups.len() + 1
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(text));
            for g in groups {
                query = query.bind(*g);
            }
            query.bind(limit).fetch_all(&mut *conn).await?
        }
    };
    rows.iter().map(from_row).collect()
}
