//! The Invitations tab: follow, cancel, re-send, copy the link — one by one
//! and in bulk.

use super::{Answer, ApiError};
pub use crate::contracts::invitation_tab::*;
use crate::domain::InvitationId;
use leptos::prelude::*;

#[server(endpoint = "invitations/list", output = Answer)]
pub async fn get_invitations(input: ListInput) -> Result<TabPage, ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(invitation_tab::list(&state, &me, &input.filter(), &context::directory()).await?)
}

#[server(endpoint = "invitations/cancel", output = Answer)]
pub async fn cancel_invitation(id: InvitationId) -> Result<CancelOutcome, ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(invitation_tab::cancel(&state, &me, id).await?)
}

#[server(endpoint = "invitations/resend", output = Answer)]
pub async fn resend_invitation(id: InvitationId) -> Result<(), ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(invitation_tab::resend(&state, &me, id).await?)
}

/// `Activer`: opens the account of an invitee waiting for a seat, with
/// the form they completed (refused with the count when none is free).
#[server(endpoint = "invitations/activate", output = Answer)]
pub async fn activate_waiting_invitation(id: InvitationId) -> Result<(), ApiError> {
    use crate::server::{context, services::seats};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(seats::activate_by_hand(&state, &me, id).await?)
}

/// A fresh link to hand over another way; the previously mailed link stops
/// working.
#[server(endpoint = "invitations/copy-link", output = Answer)]
pub async fn copy_invitation_link(id: InvitationId) -> Result<String, ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(invitation_tab::copy_link(&state, &me, id).await?)
}

/// Cancels or re-sends a selection, or everything the filter matches
/// (`BulkInput`).
#[server(endpoint = "invitations/bulk", output = Answer)]
pub async fn bulk_invitations(input: BulkInput) -> Result<BulkSummary, ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    let (action, target) = input.into_request()?;
    Ok(invitation_tab::bulk(&state, &me, action, target).await?)
}
