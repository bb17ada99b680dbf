//! One pool, two backends. Queries are written once with `$1, $2…`
//! placeholders and plain types (i64, f64, String, bool-as-i64), which sqlx's
//! `Any` driver carries unchanged to SQLite and PostgreSQL. The dialects differ
//! only in the migrations, embedded here per backend.

use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Connection, Executor};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// A pooled connection left idle longer than this is pinged before use.
const PING_AFTER_IDLE: Duration = Duration::from_secs(30);

/// sqlx pings every connection it hands out by default: one more round
/// trip per acquire (the Invitations tab acquires three times), spent proving
/// that a connection used a millisecond ago still works. Only one that
/// sat idle long enough for the server or a firewall to have dropped it
/// is checked; a dead one is closed and another taken, as before.
fn pool_options() -> AnyPoolOptions {
    AnyPoolOptions::new()
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for > PING_AFTER_IDLE {
                    conn.ping().await?;
                }
                Ok(true)
            })
        })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite's writers take turns here, first come first served, before
    /// `BEGIN IMMEDIATE`: left to SQLite's busy handler (sleeps growing to
    /// 100 ms), a small write beside a long run of back-to-back batches
    /// missed every gap between them and waited up to 0.9 s.
    writers: Arc<tokio::sync::Mutex<()>>,
}

/// A writing transaction: derefs to sqlx's, and on SQLite holds this
/// process's writer turn until it ends.
pub struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::Transaction<'static, sqlx::Any>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Db {
    /// Connects and applies the pending migrations of the URL's backend.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        install_default_drivers();
        let backend = Backend::from_url(url).ok_or(DbError::UnsupportedUrl)?;
        let options = match backend {
            // SQLite serialises writers anyway; a few connections serve
            // concurrent readers (WAL) without lock storms. `optimize`
            // with 0x10002 on opening gathers the statistics the query
            // planner needs (the tab's plans depend on them), cheaply.
            // A large write (an import's 100,000 rows) keeps its pages in
            // a 32 MB cache and its savepoints' journal in memory, instead
            // of spilling both to files mid-transaction. No connection
            // checkpoints the WAL at its own commit (`wal_autocheckpoint
            // = 0`): the commit that crossed the threshold paid for copying
            // the whole log into the database — 1.6 s after an import of
            // 100,000 invitations — so `checkpoint_in_background` does it.
            Backend::Sqlite => pool_options()
                .max_connections(8)
                .after_connect(|conn, _meta| {
                    Box::pin(async move {
                        conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0; PRAGMA optimize = 0x10002;")
                            .await?;
                        Ok(())
                    })
                }),
            Backend::Postgres => pool_options().max_connections(16),
        };
        let pool = options.connect(url).await?;
        if backend == Backend::Sqlite {
            // Persistent per file: readers no longer block the writer.
            pool.execute("PRAGMA journal_mode = WAL;").await?;
        }
        let db = Db {
            pool,
            backend,
            writers: Arc::default(),
        };
        db.migrate().await?;
        if backend == Backend::Sqlite {
            checkpoint_in_background(db.pool.clone());
        }
        Ok(db)
    }

    /// A transaction that will write. On SQLite it takes the write lock at
    /// `BEGIN` (`IMMEDIATE`), so a second writer waits instead of failing
    /// with "database is locked" when its read snapshot cannot be
    /// upgraded — in this process in turn (`writers`), another process by
    /// `busy_timeout`; PostgreSQL locks rows as it goes.
    pub async fn begin(&self) -> Result<WriteTx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                // The connection first: whoever holds the turn can always
                // go on (the pool is never emptied by turn-holders).
                let conn = self.pool.acquire().await?;
                let turn = tokio::time::timeout(WRITER_WAIT, self.writers.clone().lock_owned())
                    .await
                    .map_err(|_| sqlx::Error::PoolTimedOut)?;
                let tx = sqlx::Transaction::begin(
                    conn,
                    Some(sqlx::SqlSafeStr::into_sql_str("BEGIN IMMEDIATE")),
                )
                .await?;
                Ok(WriteTx {
                    tx,
                    _turn: Some(turn),
                })
            }
            Backend::Postgres => Ok(WriteTx {
                tx: self.pool.begin().await?,
                _turn: None,
            }),
        }
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }
}

/// How long a writer waits for its turn, as SQLite's `busy_timeout`.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// How often the SQLite log is copied into the database file.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Copies the SQLite write-ahead log into the database, every second, off
/// every request's path: `PASSIVE`, so it never waits for (nor blocks)
/// readers or writers, and copies what no reader still needs. The task
/// ends with the runtime that runs it.
fn checkpoint_in_background(pool: AnyPool) {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(CHECKPOINT_EVERY).await;
            if pool.is_closed() {
                return;
            }
            if let Err(e) = pool.execute("PRAGMA wal_checkpoint(PASSIVE);").await {
                tracing::warn!(error = %e, "sqlite: checkpoint failed");
            }
        }
    });
}

/// Booleans travel as integers on both backends (see the migrations).
pub fn flag(value: bool) -> i64 {
    i64::from(value)
}
