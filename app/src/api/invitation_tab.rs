//! The Invitations tab: follow, cancel, re-send, copy the link — one by one
//! and in bulk.

// A form's fields are a server function's arguments: the filter has many.
#![allow(clippy::too_many_arguments)]

use super::ApiError;
pub use crate::contracts::invitation_tab::*;
use leptos::prelude::*;

#[server(endpoint = "invitations/list")]
pub async fn get_invitations(
    search: String,
    status: String,
    delivery: String,
    group: String,
    inviter: String,
    sort: String,
    page: i64,
) -> Result<TabPage, ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    let filter = filter(search, status, delivery, group, inviter, sort, page);
    Ok(invitation_tab::list(&state, &me, &filter).await?)
}

#[server(endpoint = "invitations/cancel")]
pub async fn cancel_invitation(id: i64) -> Result<CancelOutcome, ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(invitation_tab::cancel(&state, &me, id).await?)
}

#[server(endpoint = "invitations/resend")]
pub async fn resend_invitation(id: i64) -> Result<(), ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(invitation_tab::resend(&state, &me, id).await?)
}

/// A fresh link to hand over another way; the previously mailed link stops
/// working.
#[server(endpoint = "invitations/copy-link")]
pub async fn copy_invitation_link(id: i64) -> Result<String, ApiError> {
    use crate::server::{context, services::invitation_tab};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(invitation_tab::copy_link(&state, &me, id).await?)
}

/// `action` is "cancel" or "resend"; `ids` a comma-separated selection, or
/// empty with `all_matching` set to act on everything the filter matches.
#[server(endpoint = "invitations/bulk")]
pub async fn bulk_invitations(
    action: String,
    ids: String,
    all_matching: bool,
    search: String,
    status: String,
    delivery: String,
    group: String,
    inviter: String,
) -> Result<BulkSummary, ApiError> {
    use crate::server::context;
    use crate::server::services::invitation_tab::{self, BulkAction, BulkTarget};
    let state = context::state()?;
    let me = context::require_user().await?;
    let action = match action.as_str() {
        "cancel" => BulkAction::Cancel,
        "resend" => BulkAction::Resend,
        _ => return Err(ApiError::NotFound),
    };
    let target = if all_matching {
        BulkTarget::Matching(filter(
            search,
            status,
            delivery,
            group,
            inviter,
            String::new(),
            1,
        ))
    } else {
        BulkTarget::Ids(
            ids.split(',')
                .filter_map(|id| id.trim().parse().ok())
                .collect(),
        )
    };
    Ok(invitation_tab::bulk(&state, &me, action, target).await?)
}
