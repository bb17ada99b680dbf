//! Benchmark: invite 10,000 addresses in one call, on SQLite and on
//! PostgreSQL; compare with the same rows inserted raw in one batched
//! transaction; then deliver the queued mails to a local SMTP sink.
//!
//! cargo run --release -p server --example bench_invite [-- COUNT [sqlite|postgres]]
//! ONBOARD_BENCH_NO_DELIVERY=1 skips the delivery.
//! PostgreSQL from ONBOARD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use app::domain::{AccountType, GroupId, GroupRole, Visibility};
use app::i18n::Lang;
use app::server::mail::{Transport, deliver_due};
use app::server::services::invitations::{self, InviteRequest};
use app::server::store::groups;
use app::server::{AppState, Backend, Config, SystemClock};
use common::Error;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// The same rows `invite` writes — invitation, grant, link, mail (with
/// bodies the size of a real invitation's) and its delivery state, audit
/// entry — as literal multi-row statements of 500 in one transaction: the
/// best raw write of them, the baseline `invite` is measured against.
async fn raw_batch(
    state: &AppState,
    count: usize,
    group: GroupId,
    admin: app::domain::UserId,
    sample: &(String, String, String),
) -> Result<f64, Error> {
    let now = 1_800_000_000_000_i64;
    let quote = |s: &str| s.replace('\'', "''");
    let (subject, text, html) = (quote(&sample.0), quote(&sample.1), quote(&sample.2));
    let started = Instant::now();
    let mut tx = state.db.pool.begin().await?;
    for chunk_start in (0..count).step_by(500) {
        let chunk: Vec<usize> = (chunk_start..count.min(chunk_start + 500)).collect();
        let mut sql = String::from(
            "INSERT INTO invitations (email, status, invited_by, language, account_type, platform_admin, \
             message, created_at, last_sent_at, send_count, expires_at, custom_values) VALUES ",
        );
        let values: Vec<String> = chunk
            .iter()
            .map(|i| format!("('raw{i}@exemple.fr', 'pending', {admin}, 'fr', 'member', 0, 'Bienvenue !', {now}, {now}, 1, {}, '{{}}')", now + 1))
            .collect();
        sql.push_str(&values.join(", "));
        sql.push_str(" RETURNING id");
        let ids: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *tx)
            .await?;
        let links: Vec<String> = ids
            .iter()
            .map(|id| {
                format!(
                    "('{:064x}', {id}, {now})",
                    *id as u128 * 0x9e37_79b9_7f4a_7c15
                )
            })
            .collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO invitation_links (token_hash, invitation_id, created_at) VALUES {}",
            links.join(", ")
        )))
        .execute(&mut *tx)
        .await?;
        let grants: Vec<String> = ids
            .iter()
            .map(|id| format!("({id}, {group}, 'learner', {admin})"))
            .collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO invitation_grants (invitation_id, group_id, role, granted_by) VALUES {}",
            grants.join(", ")
        )))
        .execute(&mut *tx)
        .await?;
        let mails: Vec<String> = ids
            .iter()
            .map(|id| {
                format!(
                    "('invitation', 'raw{id}@exemple.fr', '{subject}', '{text}', '{html}', '<raw{id}@bench>', 'queued', 0, {now}, {id}, {now})"
                )
            })
            .collect();
        let mail_ids: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "INSERT INTO outbox (kind, recipient, subject, body_text, body_html, message_id, status, attempts, \
             next_attempt_at, invitation_id, created_at) VALUES {} RETURNING id",
            mails.join(", ")
        )))
        .fetch_all(&mut *tx)
        .await?;
        let newest: Vec<String> = ids
            .iter()
            .zip(&mail_ids)
            .map(|(id, mail)| format!("({id}, {mail})"))
            .collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE invitations SET delivery_status = 'queued', delivery_mail_id = v.column2 \
             FROM (VALUES {}) AS v WHERE invitations.id = v.column1",
            newest.join(", ")
        )))
        .execute(&mut *tx)
        .await?;
        let entries: Vec<String> = ids
            .iter()
            .map(|id| {
                format!(
                    "({now}, {admin}, 'invitation.created', 'raw{id}@exemple.fr', {group}, \
                     '{{\"invitation\":{id},\"grants\":[[{group},\"learner\"]],\"resent\":false}}')"
                )
            })
            .collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO audit_log (at, actor_user_id, action, target_email, group_id, details) VALUES {}",
            entries.join(", ")
        )))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(started.elapsed().as_secs_f64())
}

/// A minimal SMTP sink on loopback that accepts everything.
async fn smtp_sink() -> Result<(u16, Arc<AtomicUsize>), Error> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let received = Arc::new(AtomicUsize::new(0));
    let counter = received.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    let reply: &[u8] = if in_data {
                        if line == "." {
                            in_data = false;
                            counter.fetch_add(1, Ordering::Relaxed);
                            b"250 queued\r\n"
                        } else {
                            continue;
                        }
                    } else {
                        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                        match verb.as_str() {
                            "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                            "DATA" => {
                                in_data = true;
                                b"354 go\r\n"
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                break;
                            }
                            _ => b"250 ok\r\n",
                        }
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    Ok((port, received))
}

async fn run(backend: Backend, count: usize) -> Result<(), Error> {
    let dir = tempfile::tempdir()?;
    // Unlike the other benchmarks, this one leaves its PostgreSQL database
    // behind (as it always has).
    let (url, _) = common::database_url(backend, dir.path(), "bench").await?;
    let mut config = Config::for_tests(url, dir.path().to_path_buf());
    let (port, received) = smtp_sink().await?;
    config.smtp_url = Some(format!("smtp://127.0.0.1:{port}?tls=none"));
    let state = server::startup::build_state(config.clone(), Arc::new(SystemClock)).await?;
    let me = common::current_user(&state, common::create_admin(&state).await?).await?;
    let group = {
        let mut conn = state.db.pool.acquire().await?;
        groups::insert(&mut conn, "Bench", None, Visibility::Public, state.now()).await?
    };
    let emails: Vec<String> = (0..count)
        .map(|i| format!("invitee{i}@exemple.fr"))
        .collect();
    // A writer beside the invitations, as sign-ins are: its longest wait
    // shows how long one `INVITER` holds the database's write lock.
    let probe_state = state.clone();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let probe_stop = stop.clone();
    let probe_epoch = Instant::now();
    let probe = tokio::spawn(async move {
        let mut worst = std::time::Duration::ZERO;
        let mut worst_at = std::time::Duration::ZERO;
        let mut long = 0usize;
        let mut failures = 0usize;
        while !probe_stop.load(Ordering::Relaxed) {
            let started = Instant::now();
            let write = async {
                let mut tx = probe_state.db.begin().await?;
                sqlx::query("UPDATE settings SET value = value WHERE key = 'none'")
                    .execute(&mut **tx)
                    .await?;
                tx.commit().await?;
                Ok::<_, Error>(())
            };
            if write.await.is_err() {
                failures += 1;
            }
            let waited = started.elapsed();
            if waited > worst {
                worst = waited;
                worst_at = started - probe_epoch;
            }
            long += usize::from(waited > std::time::Duration::from_millis(100));
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        (worst, worst_at, long, failures)
    });
    let started = Instant::now();
    let mut lines = Vec::with_capacity(count);
    for batch in emails.chunks(invitations::MAX_ADDRESSES) {
        let request = InviteRequest {
            group_id: group,
            emails: batch.join("\n"),
            roles: vec![GroupRole::Learner],
            language: Lang::Fr,
            deletion_at: None,
            message: "Bienvenue !".into(),
            account_type: AccountType::Member,
            platform_admin: false,
            custom: Default::default(),
        };
        lines.extend(
            invitations::invite(&state, &me, request)
                .await
                .map_err(|e| e.to_string())?,
        );
    }
    let invite_secs = started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let (worst_wait, worst_at, long_waits, probe_failures) = probe.await?;
    assert_eq!(lines.len(), count);

    let sample: (String, String, String) = {
        let mut conn = state.db.pool.acquire().await?;
        let row = sqlx::query(
            "SELECT subject, body_text, body_html FROM outbox WHERE kind = 'invitation' LIMIT 1",
        )
        .fetch_one(&mut *conn)
        .await?;
        use sqlx::Row;
        (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?)
    };
    let raw_secs = raw_batch(&state, count, group, me.user.id, &sample).await?;

    println!("{backend:?}: {count} addresses");
    println!(
        "  invite ({} calls of at most {} addresses): {invite_secs:.2} s = {:.0} invitations/s",
        count.div_ceil(invitations::MAX_ADDRESSES),
        invitations::MAX_ADDRESSES,
        count as f64 / invite_secs
    );
    println!(
        "  a concurrent small write meanwhile: longest wait {:.0} ms ({:.0} ms after the first \
         call began), {long_waits} waits over 100 ms, {probe_failures} failed",
        worst_wait.as_secs_f64() * 1000.0,
        worst_at.as_secs_f64() * 1000.0
    );
    println!(
        "  raw batched inserts of the same rows: {raw_secs:.2} s = {:.0} rows/s  (invite reaches {:.0}% of it)",
        count as f64 / raw_secs,
        100.0 * raw_secs / invite_secs
    );
    if std::env::var_os("ONBOARD_BENCH_NO_DELIVERY").is_some() {
        return Ok(());
    }

    let transport = Transport::from_config(&config)?;
    let started = Instant::now();
    let mut sent = 0;
    while sent < count {
        let report = deliver_due(&state, &transport, "bench").await;
        if report.sent == 0 && report.retried == 0 && report.failed == 0 {
            break;
        }
        sent += report.sent;
    }
    let deliver_secs = started.elapsed().as_secs_f64();
    println!(
        "  delivery to a local SMTP sink: {sent} mails in {deliver_secs:.2} s = {:.0} mails/s (sink counted {})",
        sent as f64 / deliver_secs,
        received.load(Ordering::Relaxed)
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    for backend in common::chosen_backends() {
        run(backend, count).await?;
    }
    Ok(())
}
