//! The Invitations tab: follow, cancel, re-send, copy the link — one by one
//! and in bulk.

use crate::domain::GroupRole;
use serde::{Deserialize, Serialize};

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
