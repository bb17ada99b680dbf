//! Automatic deletion: accounts and pending invitations whose deletion date
//! has come are deleted by the minute job. Personal data goes (the account
//! row with its memberships, sessions, tokens and custom values; the
//! address in invitations and mails); the audit log keeps who and when.

use crate::domain::audit::AuditAction;
use crate::domain::billing::BillingReason;
use crate::server::error::AppResult;
use crate::server::state::AppState;
use crate::server::store::{audit, invitations, users};

/// Rows handled per transaction, so a large backlog holds no long lock.
const BATCH: i64 = 200;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deleted {
    pub accounts: usize,
    pub invitations: usize,
}

/// Deletes what is due now. Safe on several instances at once: each row is
/// re-read inside its transaction and deleted at most once.
#[tracing::instrument(name = "deletion::run_due", skip_all)]
pub async fn run_due(state: &AppState) -> AppResult<Deleted> {
    let mut done = Deleted::default();
    loop {
        let now = state.now();
        let mut tx = state.db.begin().await?;
        let due = users::due_for_deletion(&mut tx, now, BATCH).await?;
        let count = due.len();
        for user in due {
            users::record_billing_stop(
                &mut tx,
                user.id,
                user.account_type,
                user.activated_at.is_some(),
                BillingReason::Deleted,
                now,
            )
            .await?;
            users::delete(&mut tx, &user).await?;
            audit::record(
                &mut tx,
                AuditAction::AccountDeletedAutomatically,
                audit::Entry {
                    target_user_id: Some(user.id),
                    target_email: user.email.clone().or(user.login_name.clone()),
                    details: serde_json::json!({ "deletion_at": user.deletion_at }).to_string(),
                    ..Default::default()
                },
                now,
            )
            .await?;
            done.accounts += 1;
        }
        tx.commit().await?;
        if (count as i64) < BATCH {
            break;
        }
    }
    loop {
        let now = state.now();
        let mut tx = state.db.begin().await?;
        let due = invitations::due_for_deletion(&mut tx, now, BATCH).await?;
        let count = due.len();
        for invitation in due {
            if invitations::erase(&mut tx, invitation.id, now).await? {
                audit::record(
                    &mut tx,
                    AuditAction::InvitationDeletedAutomatically,
                    audit::Entry {
                        target_email: Some(invitation.email.clone()),
                        details: serde_json::json!({
                            "invitation": invitation.id,
                            "deletion_at": invitation.deletion_at,
                        })
                        .to_string(),
                        ..Default::default()
                    },
                    now,
                )
                .await?;
                done.invitations += 1;
            }
        }
        tx.commit().await?;
        if (count as i64) < BATCH {
            break;
        }
    }
    Ok(done)
}
