//! `INVITER`, and the first-login form of an invitation link.

use super::{Answer, ApiError};
pub use crate::contracts::invitations::*;
use crate::domain::GroupId;
use leptos::prelude::*;

#[server(endpoint = "invitations/panel", output = Answer)]
pub async fn get_invite_panel(group_id: GroupId) -> Result<InvitePanel, ApiError> {
    use crate::server::{context, services::panels};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(panels::invite_panel(&state, &me, group_id, &context::directory()).await?)
}

/// `INVITER`: the form is `input` (`InviteInput`), custom field values
/// included (`input[custom][<key>]`).
#[server(endpoint = "invitations/invite", output = Answer)]
pub async fn invite_users(input: InviteInput) -> Result<Vec<InviteLine>, ApiError> {
    use crate::server::{context, services::invitations};
    let state = context::state()?;
    let me = context::require_user().await?;
    let request = input.into_request()?;
    Ok(invitations::invite(&state, &me, request).await?)
}

#[server(endpoint = "invitations/link", output = Answer)]
pub async fn get_invitation_link(token: String) -> Result<LinkView, ApiError> {
    use crate::server::{context, services::invitations};
    let state = context::state()?;
    Ok(invitations::open_link(&state, &token).await?)
}

/// The first-login form: creates the account and signs in. The answer
/// lists what the invitation promised that no longer holds (shown before
/// going home); empty in the usual case.
#[server(endpoint = "invitations/accept", output = Answer)]
pub async fn accept_invitation(input: AcceptInvitationInput) -> Result<AcceptResult, ApiError> {
    use crate::server::{context, services::invitations};
    let state = context::state()?;
    let (token, form) = input.into_request();
    match invitations::accept(&state, &token, form).await? {
        invitations::AcceptOutcome::AwaitingSeat => Ok(AcceptResult::AwaitingSeat),
        invitations::AcceptOutcome::Active(accepted) => {
            context::set_session_cookies(&state, &accepted.signed_in());
            // Home at once, unless the welcome page has something to say first.
            if accepted.dropped.is_empty() {
                leptos_axum::redirect("/");
            }
            Ok(AcceptResult::Active {
                dropped: accepted.dropped,
            })
        }
    }
}
