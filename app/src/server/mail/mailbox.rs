//! The development mailbox: the latest mails of the outbox, whatever their
//! status, for platform admins. Without SMTP it is where mails are read.

use crate::contracts::mailbox::MailboxMail;
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::state::AppState;
use crate::server::store::outbox;

/// How many mails the mailbox shows.
pub const MAILBOX_SIZE: i64 = 200;

/// The latest mails, newest first. Platform admins only: mails hold
/// invitation links.
pub async fn latest(state: &AppState, me: &CurrentUser) -> AppResult<Vec<MailboxMail>> {
    if !crate::domain::policy::may_read_dev_mailbox(&me.actor) {
        return Err(AppError::Forbidden);
    }
    // With a real SMTP server the mailbox would only expose other people's
    // links: it exists for development set-ups without one.
    if state.config.smtp_url.is_some() {
        return Err(AppError::NotFound);
    }
    let mut conn = state.db.pool.acquire().await?;
    Ok(outbox::recent(&mut conn, MAILBOX_SIZE)
        .await?
        .into_iter()
        .map(|row| MailboxMail {
            id: row.id,
            recipient: row.recipient,
            subject: row.subject,
            body_text: row.body_text,
            body_html: row.body_html,
            status: row.status,
            created_at: row.created_at,
            sent_at: row.sent_at,
            last_error: row.last_error,
        })
        .collect())
}
