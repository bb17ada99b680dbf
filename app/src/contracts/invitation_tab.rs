//! The Invitations tab: follow, cancel, re-send, copy the link — one by one
//! and in bulk.

use crate::domain::{GroupId, GroupRole, InvitationId, UserId};
use serde::{Deserialize, Serialize};

pub const PER_PAGE: i64 = 50;
/// The tab counts the matching invitations up to this many (or up to the
/// page asked for); beyond, it says "more than" (GitLab's "1k+"): a group
/// admin's count of 10,000 alone cost 30 ms at 100,000 invitations.
pub const COUNT_CAP: i64 = 1_000;

/// Closed sets of the tab's filter values. Read leniently from the URL
/// (anything unknown means "any", or the default order): people edit URLs.
macro_rules! query_enum {
    ($(#[$doc:meta])* $name:ident { $(#[$first_doc:meta])* $first:ident => $first_text:literal $(, $(#[$vdoc:meta])* $variant:ident => $text:literal)* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(#[$first_doc])*
            #[default]
            $first,
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            pub const ALL: [$name; [$($text,)* $first_text].len()] = [$name::$first, $($name::$variant,)*];

            /// Its value in URLs and forms.
            pub fn as_str(self) -> &'static str {
                match self {
                    $name::$first => $first_text,
                    $($name::$variant => $text,)*
                }
            }

            pub fn from_query(value: &str) -> $name {
                $name::ALL
                    .into_iter()
                    .find(|v| v.as_str() == value.trim())
                    .unwrap_or_default()
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> $name {
                $name::from_query(value)
            }
        }
    };
}

query_enum!(
    /// Which invitations by their expiry.
    StatusFilter {
        Any => "",
        /// Still valid.
        Pending => "pending",
        Expired => "expired",
        /// Form completed, waiting for a free seat.
        AwaitingSeat => "awaiting_seat",
    }
);

query_enum!(
    /// Which invitations by the state of their newest mail.
    DeliveryFilter {
        Any => "",
        Queued => "queued",
        Sent => "sent",
        Failed => "failed",
    }
);

query_enum!(
    /// The tab's order, by last send.
    SortKey {
        Newest => "newest",
        Oldest => "oldest",
    }
);

/// Where the newest mail of an invitation stands. (A mail being sent stays
/// `queued` until its outcome is known.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    Queued,
    Sent,
    Failed,
}

impl DeliveryState {
    pub const ALL: [DeliveryState; 3] = [
        DeliveryState::Queued,
        DeliveryState::Sent,
        DeliveryState::Failed,
    ];

    /// As stored in `invitations.delivery_status`.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Queued => "queued",
            DeliveryState::Sent => "sent",
            DeliveryState::Failed => "failed",
        }
    }
}

impl PartialEq<&str> for DeliveryState {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What the tab lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TabFilter {
    /// Part of the address (case-insensitive); empty for any.
    pub search: String,
    pub status: StatusFilter,
    pub delivery: DeliveryFilter,
    pub group_id: Option<GroupId>,
    pub inviter_id: Option<UserId>,
    pub sort: SortKey,
    /// 1-based.
    pub page: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabRow {
    pub id: InvitationId,
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
    pub delivery: DeliveryState,
    /// The SMTP error of the newest mail, if its last attempt failed.
    pub delivery_error: Option<String>,
    pub expired: bool,
    /// Since when its invitee waits for a free seat ("en attente d'une
    /// place"), the first-login form completed.
    pub awaiting_seat_since: Option<i64>,
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
    /// How many invitations match the filter (all pages), counted up to
    /// a cap: when `capped`, more than `total` match.
    pub total: i64,
    pub capped: bool,
    pub page: i64,
    pub per_page: i64,
    /// Filter choices within the caller's scope.
    pub groups: Vec<(GroupId, String)>,
    pub inviters: Vec<(UserId, String)>,
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

/// The tab's filter as its URL gives it (`?q=…&status=…`), sent as
/// `input[search]`, …: free text, read leniently into a [`TabFilter`] by
/// `server::forms` (people edit URLs).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListInput {
    pub search: String,
    pub status: String,
    pub delivery: String,
    /// A group id, or empty for any.
    pub group: String,
    /// An inviter's user id, or empty for any.
    pub inviter: String,
    pub sort: String,
    /// 1-based; less is the first page.
    pub page: i64,
}

/// A bulk action: `action` is `cancel` or `resend`; `ids` a comma-separated
/// selection, or empty with `all_matching` set to act on everything the
/// filter (the other fields, read as [`ListInput`]'s) matches.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkInput {
    pub action: String,
    pub ids: String,
    pub all_matching: bool,
    pub search: String,
    pub status: String,
    pub delivery: String,
    pub group: String,
    pub inviter: String,
}
