//! Background jobs of the invitation lifecycle. Each pass is idempotent and
//! claims its rows, so several instances may run them side by side.

use std::time::Duration;

use super::services::invitations;
use super::state::AppState;

pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(60));
        loop {
            every.tick().await;
            match invitations::send_due_reminders(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "invitation reminders queued"),
                Err(e) => tracing::warn!(error = %e, "invitation reminders failed"),
            }
        }
    });
}
