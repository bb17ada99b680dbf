//! The Invitations tab: follow, cancel, re-send, copy the link — one by one
//! and in bulk.

// A form's fields are a server function's arguments: the filter has many.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::GroupRole;

pub const PER_PAGE: i64 = 50;

/// What the tab lists. Empty strings mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TabFilter {
    /// Part of the address (case-insensitive).
    pub search: String,
    /// "", "pending" or "expired".
    pub status: String,
    /// "", "queued", "sent" or "failed": the state of the newest mail.
    pub delivery: String,
    pub group_id: Option<i64>,
    pub inviter_id: Option<i64>,
    /// "newest" (default) or "oldest", by last send.
    pub sort: String,
    /// 1-based.
    pub page: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabRow {
    pub id: i64,
    pub email: String,
    /// (group name, role) pairs.
    pub grants: Vec<(String, GroupRole)>,
    pub invited_by: Option<String>,
    pub created_at: i64,
    pub last_sent_at: i64,
    pub send_count: i64,
    pub reminder_sent_at: Option<i64>,
    pub expires_at: i64,
    pub deletion_at: Option<i64>,
    /// "queued", "sending", "sent" or "failed".
    pub delivery: String,
    /// The SMTP error of the newest mail, if its last attempt failed.
    pub delivery_error: Option<String>,
    pub expired: bool,
    /// Whether the caller may act on the whole invitation (re-send, copy
    /// its link, cancel it): `policy::may_handle_invitation`. Otherwise
    /// they may only withdraw their own groups and roles from it.
    pub whole: bool,
}

/// What `Annuler` did to one invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CancelOutcome {
    /// The invitation is cancelled; its links are dead.
    Cancelled,
    /// The caller's groups and roles were taken out; the invitation stays
    /// pending for the grants they may not touch.
    Withdrawn,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabPage {
    pub rows: Vec<TabRow>,
    /// How many invitations match the filter (all pages).
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    /// Filter choices within the caller's scope.
    pub groups: Vec<(i64, String)>,
    pub inviters: Vec<(i64, String)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkSummary {
    pub done: usize,
    /// Re-sent too recently (the per-invitation rate limit).
    pub rate_limited: usize,
    /// Accepted or cancelled meanwhile, or out of the caller's scope.
    pub skipped: usize,
    /// Carrying rights the caller may not grant: not re-sent; on cancel,
    /// only the caller's own groups and roles were withdrawn (counted here
    /// and not in `done`).
    pub partial: usize,
}

/// The filter as the tab's form and URL give it.
pub fn filter(
    search: String,
    status: String,
    delivery: String,
    group: String,
    inviter: String,
    sort: String,
    page: i64,
) -> TabFilter {
    TabFilter {
        search: search.trim().to_owned(),
        status,
        delivery,
        group_id: group.trim().parse().ok(),
        inviter_id: inviter.trim().parse().ok(),
        sort,
        page: page.max(1),
    }
}

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
