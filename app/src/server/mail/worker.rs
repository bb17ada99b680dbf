//! The outbox worker: claims due mails, sends them, records the outcome.
//!
//! Each pass leases up to `BATCH` due rows for `LEASE` to this process's
//! owner id, sends them `CONCURRENCY` at a time, and marks each one sent, or
//! queued again after a backoff, or failed, all in one transaction. Several instances may run on one
//! PostgreSQL: a row is leased to one owner at a time. If a worker dies
//! mid-delivery its lease expires and another owner retries the row: a mail
//! may be sent twice (with the same Message-ID), never lost.

use std::time::Duration;

use futures::StreamExt;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart};
use rand::RngCore;
use tracing::Instrument;

use super::transport::Transport;
use crate::domain::{InvitationId, MailId};
use crate::server::clock::{HOUR, MINUTE, Millis, SECOND};
use crate::server::state::AppState;
use crate::server::store::outbox::{self, OutboxRow};

/// How long a claimed row stays reserved to its worker.
pub const LEASE: Millis = 5 * MINUTE;
/// Rows claimed per pass.
pub const BATCH: i64 = 100;
/// Mails sent at once within a pass: the SMTP connections kept open.
pub const CONCURRENCY: usize = 8;
/// Attempts before giving up on a mail.
pub const MAX_ATTEMPTS: i64 = 8;
/// The first retry waits this long; each next one twice as long…
pub const FIRST_RETRY: Millis = 30 * SECOND;
/// … up to this.
pub const MAX_RETRY: Millis = HOUR;
/// The loop's poll interval when nobody rings `mail_wakeup`.
pub const POLL: Duration = Duration::from_secs(2);
/// Stored errors are cut to this many characters.
const MAX_ERROR_LEN: usize = 1000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    /// Failed attempts that will be retried later.
    pub retried: usize,
    /// Given up: permanent error or too many attempts.
    pub failed: usize,
}

impl DeliveryReport {
    pub fn total(&self) -> usize {
        self.sent + self.retried + self.failed
    }
}

/// The wait after failed attempt number `attempts` (1 for the first):
/// 30 s × 2^(attempts−1), capped at one hour.
pub fn backoff(attempts: i64) -> Millis {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    FIRST_RETRY.saturating_mul(1 << doublings).min(MAX_RETRY)
}

/// When to try again after failed attempt number `attempts`, or `None` to
/// give up (a permanent error, or the last allowed attempt).
pub fn retry_at(now: Millis, attempts: i64, permanent: bool) -> Option<Millis> {
    (!permanent && attempts < MAX_ATTEMPTS).then(|| now + backoff(attempts))
}

enum Outcome {
    Sent,
    Failed { error: String, permanent: bool },
}

/// One pass: claim up to `BATCH` due rows (lease 5 minutes), send them
/// (`CONCURRENCY` at a time), then record every outcome in one
/// transaction. Backoff: 30 s × 2^(attempts−1), capped at 1 hour; gives up
/// (`failed`) after `MAX_ATTEMPTS` attempts or at once on a permanent SMTP
/// error (5xx), recording the error text either way. Database errors are
/// logged and end the pass: the leases expire and the rows come back (sent
/// again, with the same Message-ID: at least once, never lost).
#[tracing::instrument(name = "mail::deliver_due", skip_all, fields(owner = owner))]
pub async fn deliver_due(state: &AppState, transport: &Transport, owner: &str) -> DeliveryReport {
    let claimed = async {
        let mut conn = state.db.pool.acquire().await?;
        outbox::claim_due(&mut conn, owner, state.clock.now(), LEASE, BATCH).await
    }
    .await;
    let rows = match claimed {
        Ok(rows) => rows,
        Err(e) => {
            tracing::warn!(error = %e, "mail: could not claim due mails");
            return DeliveryReport::default();
        }
    };
    if rows.is_empty() {
        return DeliveryReport::default();
    }
    let outcomes: Vec<(OutboxRow, Outcome)> = futures::stream::iter(rows)
        .map(|row| {
            let span =
                tracing::info_span!("mail", id = %row.id, kind = %row.kind, attempt = row.attempts);
            async move {
                let outcome = send(state, transport, &row).await;
                (row, outcome)
            }
            .instrument(span)
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    match record(state, owner, outcomes).await {
        Ok(report) => report,
        Err(e) => {
            tracing::warn!(error = %e, "mail: could not record the outcomes");
            DeliveryReport::default()
        }
    }
}

async fn send(state: &AppState, transport: &Transport, row: &OutboxRow) -> Outcome {
    let smtp = match transport {
        Transport::DevMailbox => return Outcome::Sent,
        Transport::Smtp(smtp) => smtp,
    };
    let message = match build_message(&state.config.mail_from, row) {
        Ok(message) => message,
        // A malformed address will not get better by waiting.
        Err(error) => {
            return Outcome::Failed {
                error,
                permanent: true,
            };
        }
    };
    match smtp.send(&message).await {
        Ok(()) => Outcome::Sent,
        Err(e) => Outcome::Failed {
            error: e.to_string(),
            permanent: e.is_permanent(),
        },
    }
}

fn build_message(from: &str, row: &OutboxRow) -> Result<Message, String> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| format!("invalid sender address: {e}"))?;
    let to: Mailbox = row
        .recipient
        .parse()
        .map_err(|e| format!("invalid recipient address: {e}"))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(row.subject.clone())
        .message_id(Some(row.message_id.clone()))
        .multipart(MultiPart::alternative_plain_html(
            row.body_text.clone(),
            row.body_html.clone(),
        ))
        .map_err(|e| format!("could not build the message: {e}"))
}

/// Records a pass's outcomes in one transaction, each only if this owner
/// still holds its lease (the outbox row and its invitation's delivery
/// state change together). Sent mails are recorded together; failures,
/// rare, one by one.
async fn record(
    state: &AppState,
    owner: &str,
    outcomes: Vec<(OutboxRow, Outcome)>,
) -> Result<DeliveryReport, sqlx::Error> {
    let now = state.clock.now();
    let mut report = DeliveryReport::default();
    let mut tx = state.db.begin().await?;
    let sent: Vec<(MailId, Option<InvitationId>)> = outcomes
        .iter()
        .filter(|(_, outcome)| matches!(outcome, Outcome::Sent))
        .map(|(row, _)| (row.id, row.invitation_id))
        .collect();
    let kept = outbox::mark_sent_many(&mut tx, &sent, owner, now).await?;
    report.sent = kept.len();
    if kept.len() < sent.len() {
        tracing::warn!(
            lost = sent.len() - kept.len(),
            "mail: lease lost before the outcome was recorded"
        );
    }
    for (row, outcome) in outcomes {
        let Outcome::Failed { error, permanent } = outcome else {
            continue;
        };
        let error = truncate(&error, MAX_ERROR_LEN);
        let retry = retry_at(now, row.attempts, permanent);
        tracing::warn!(
            mail = %row.id,
            kind = %row.kind,
            attempt = row.attempts,
            error = %error,
            retry_at = ?retry,
            "mail: delivery failed"
        );
        if !outbox::mark_attempt_failed(&mut tx, row.id, owner, &error, retry).await? {
            tracing::warn!(mail = %row.id, "mail: lease lost before the outcome was recorded");
        } else if retry.is_some() {
            report.retried += 1;
        } else {
            report.failed += 1;
        }
    }
    tx.commit().await?;
    Ok(report)
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// A random id for this process's leases.
pub fn new_owner_id() -> String {
    let mut bytes = [0u8; 8];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("worker-{hex}")
}

/// Spawns the delivery loop: `deliver_due`, then wait for
/// `state.mail_wakeup` or `POLL`, forever (straight on when a pass was
/// full). The owner id is random per process.
pub fn spawn_worker(state: AppState, transport: Transport) {
    let owner = new_owner_id();
    tracing::info!(
        owner = %owner,
        transport = ?transport,
        "mail: outbox worker started"
    );
    tokio::spawn(async move {
        loop {
            let report = deliver_due(&state, &transport, &owner).await;
            if report.total() > 0 {
                tracing::info!(
                    sent = report.sent,
                    retried = report.retried,
                    failed = report.failed,
                    "mail: outbox pass"
                );
            }
            if i64::try_from(report.total()).unwrap_or(0) >= BATCH {
                continue;
            }
            tokio::select! {
                () = state.mail_wakeup.notified() => {}
                () = tokio::time::sleep(POLL) => {}
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_from_30_seconds_doubling_up_to_an_hour() {
        assert_eq!(backoff(1), 30 * SECOND);
        assert_eq!(backoff(2), MINUTE);
        assert_eq!(backoff(3), 2 * MINUTE);
        assert_eq!(backoff(7), 32 * MINUTE);
        assert_eq!(backoff(8), HOUR);
        assert_eq!(backoff(50), HOUR);
        assert_eq!(backoff(0), 30 * SECOND);
    }

    #[test]
    fn the_eighth_failure_or_a_permanent_error_gives_up() {
        assert_eq!(retry_at(1_000, 1, false), Some(1_000 + 30 * SECOND));
        assert_eq!(retry_at(1_000, 7, false), Some(1_000 + 32 * MINUTE));
        assert_eq!(retry_at(1_000, 8, false), None);
        assert_eq!(retry_at(1_000, 1, true), None);
    }

    #[test]
    fn messages_carry_the_stored_message_id_and_both_parts() {
        let row = OutboxRow {
            id: crate::domain::MailId(1),
            kind: "invitation".into(),
            recipient: "bob@example.org".into(),
            subject: "Ada vous invite sur Onboard".into(),
            body_text: "Bonjour, é".into(),
            body_html: "<p>Bonjour, é</p>".into(),
            message_id: "<abc123@onboard.test>".into(),
            status: "sending".into(),
            attempts: 1,
            next_attempt_at: 0,
            last_error: None,
            invitation_id: None,
            created_at: 0,
            sent_at: None,
        };
        let message = build_message("Onboard <no-reply@onboard.test>", &row).unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        assert!(
            raw.contains("Message-ID: <abc123@onboard.test>\r\n"),
            "{raw}"
        );
        assert!(raw.contains("To: bob@example.org\r\n"));
        assert!(raw.contains("multipart/alternative"));
        assert!(raw.contains("text/plain; charset=utf-8"));
        assert!(raw.contains("text/html; charset=utf-8"));
        let bad = OutboxRow {
            recipient: "not an address".into(),
            ..row
        };
        assert!(build_message("Onboard <no-reply@onboard.test>", &bad).is_err());
    }

    #[test]
    fn long_errors_are_cut_on_a_character_boundary() {
        assert_eq!(truncate("ééé", 2), "éé…");
        assert_eq!(truncate("abc", 5), "abc");
    }
}
