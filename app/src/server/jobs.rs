//! Background jobs: invitation reminders, expiries logged, automatic
//! deletion, and the
//! invitees waiting for a seat. Each pass is idempotent and
//! claims its rows, so several instances may run them side by side.

use std::time::Duration;

use tracing::Instrument;

use super::services::{deletion, invitations, platform, seats};
use super::state::AppState;

pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            minute_pass(&state)
                .instrument(tracing::info_span!("minute_job"))
                .await;
        }
    });
}

async fn minute_pass(state: &AppState) {
    if let Err(e) = platform::load_default_language(state).await {
        tracing::warn!(error = %e, "default language not reloaded");
    }
    match invitations::send_due_reminders(state).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(reminders = n, "invitation reminders queued"),
        Err(e) => tracing::warn!(error = %e, "invitation reminders failed"),
    }
    match invitations::log_expiries(state).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(invitations = n, "invitation expiries logged"),
        Err(e) => tracing::warn!(error = %e, "invitation expiries not logged"),
    }
    match deletion::run_due(state).await {
        Ok(d) if d == deletion::Deleted::default() => {}
        Ok(d) => tracing::info!(
            accounts = d.accounts,
            invitations = d.invitations,
            "automatic deletions done"
        ),
        Err(e) => tracing::warn!(error = %e, "automatic deletion failed"),
    }
    // After deletions, which may have freed seats.
    match seats::activate_waiting(state).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(accounts = n, "invitees waiting for a seat let in"),
        Err(e) => tracing::warn!(error = %e, "waiting invitees not activated"),
    }
}
