//! Invite by e-mail: the panel, the outcomes, the first-login form.

use super::form::RoleChecks;
use crate::domain::invitation::InviteOutcome;
use crate::domain::{GroupId, GroupRole};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// `INVITER` as the form posts it (`input[emails]`, …), read into the
/// service's request by `server::forms`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteInput {
    pub group_id: GroupId,
    /// Addresses in any mix of separators (`domain::email_list`).
    pub emails: String,
    #[serde(default)]
    pub roles: RoleChecks,
    /// A language code; anything else is the default language.
    pub language: String,
    /// `member` or `guest`; anything else is a member.
    pub account_type: String,
    /// `YYYY-MM-DD`, empty for none.
    pub deletion_date: Option<String>,
    pub message: Option<String>,
    /// A checkbox: present means ticked.
    pub platform_admin: Option<String>,
    /// Custom field values by key, as typed (`input[custom][<key>]`).
    #[serde(default)]
    pub custom: HashMap<String, String>,
}

/// The first-login form, with the invitation link's token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptInvitationInput {
    pub token: String,
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub password_confirm: String,
    /// A language code; anything else is the default language.
    pub language: String,
}

/// One line of the result list after `INVITER`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteLine {
    pub address: String,
    pub outcome: InviteOutcome,
}

/// What the `Inviter` panel offers this admin in this group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitePanel {
    pub group_id: GroupId,
    pub group_name: String,
    /// `Acme › Ventes`: the breadcrumb's link back to the group.
    pub group_path: String,
    pub grantable_roles: Vec<GroupRole>,
    pub may_grant_platform_admin: bool,
    pub custom_fields: Vec<crate::domain::custom_field::FieldDef>,
    /// "places : utilisées / limite".
    pub seats: crate::contracts::seats::SeatUse,
}

/// The first-login form's view of a live invitation link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub email: String,
    pub language: Lang,
    pub groups: Vec<String>,
    pub inviter: Option<String>,
    pub expires_at: i64,
    /// The form was completed while no seat was free: the page says the
    /// account opens as soon as one frees.
    pub awaiting_seat: bool,
}

/// What the first-login form led to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcceptResult {
    /// The account is open; what the invitation promised that no longer
    /// held (empty: nothing), said before going home.
    Active { dropped: Vec<DroppedGrant> },
    /// No seat was free: the form is kept and the account opens when one
    /// frees.
    AwaitingSeat,
}

/// Something an invitation promised that did not hold at acceptance: the
/// admin who granted it may no longer grant it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DroppedGrant {
    /// A role in a group, named by its path.
    Role {
        group: String,
        role: GroupRole,
    },
    PlatformAdmin,
}
