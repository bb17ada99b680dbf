//! `Créer un compte`, the set-password link, the user's page, and the
//! custom fields settings.

use super::form::RoleChecks;
use crate::domain::custom_field::FieldDef;
use crate::domain::{AccountType, FieldId, GroupId, GroupRole, InvitationId, UserId};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A group the admin may put the new account in, as the chooser shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupChoice {
    pub id: GroupId,
    /// `Acme › Ventes › Paris`.
    pub path: String,
    /// 0 for a top-level group.
    pub depth: usize,
    /// The roles the admin may grant there.
    pub grantable: Vec<GroupRole>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatePanel {
    pub group_id: GroupId,
    /// `Acme › Ventes`: the breadcrumb's link back to the group (the title
    /// names its last group).
    pub group_path: String,
    /// Tree order (each group after its parent).
    pub groups: Vec<GroupChoice>,
    /// Roles grantable in at least one of those groups.
    pub roles: Vec<GroupRole>,
    pub custom_fields: Vec<FieldDef>,
    /// "places : utilisées / limite".
    pub seats: super::seats::SeatUse,
}

/// `CRÉER COMPTE` as the form posts it (`input[first_name]`, …), read into
/// the service's request by `server::forms`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateAccountInput {
    /// The group whose panel was used.
    pub group_id: GroupId,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    /// Checkboxes: present means ticked.
    pub no_email: Option<String>,
    pub login_name: Option<String>,
    pub password: Option<String>,
    pub password_confirm: Option<String>,
    pub send_credentials: Option<String>,
    /// The chooser's ticked groups: group id → `on`
    /// (`input[groups][<id>]=on`, see [`super::form::group_field`]).
    #[serde(default)]
    pub groups: HashMap<String, String>,
    #[serde(default)]
    pub roles: RoleChecks,
    pub extra_info: Option<String>,
    /// A language code; anything else is the default language.
    pub language: String,
    /// `YYYY-MM-DD`, empty for none.
    pub deletion_date: Option<String>,
    /// `member` or `guest`; anything else is a member.
    pub account_type: String,
    /// `create` (use the pending invitation up), `add` (add the form's
    /// groups and roles to it), anything else: ask.
    pub if_invited: Option<String>,
    /// Custom field values by key, as typed (`input[custom][<key>]`).
    #[serde(default)]
    pub custom: HashMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreateOutcome {
    Created {
        user_id: UserId,
        name: String,
        /// What they sign in with: the address or the login name.
        login: String,
        /// Shown once to the admin (a typed password is never echoed).
        generated_password: Option<String>,
        credentials_mailed: bool,
    },
    /// The address belongs to an account: nothing was created. The
    /// account (id, name) is named only to an admin who reaches it.
    ExistingAccount { account: Option<(UserId, String)> },
    /// The address has a pending invitation: nothing was created yet. With
    /// its id (the admin may act on the whole invitation), they may create
    /// anyway (the invitation is used up) or re-send it; without, they may
    /// only add their groups and roles to it.
    PendingInvitation {
        invitation_id: Option<InvitationId>,
        email: String,
    },
    /// The groups and roles of the form were added to the pending
    /// invitation of this address, which was sent again.
    AddedToInvitation { email: String },
}

/// The set-password page's view of a live link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetPasswordView {
    pub login: String,
    pub name: String,
    pub language: Lang,
}

/// The set-password form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetPasswordInput {
    pub token: String,
    pub password: String,
    pub password_confirm: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserProfile {
    pub id: UserId,
    pub name: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub account_type: AccountType,
    pub platform_admin: bool,
    pub activated_at: Option<i64>,
    pub deletion_at: Option<i64>,
    pub created_at: i64,
    pub extra_info: String,
    pub language: Lang,
    /// (group id, path, roles there), in path order.
    pub groups: Vec<(GroupId, String, Vec<GroupRole>)>,
    pub custom_fields: Vec<FieldDef>,
    /// Field id → value held.
    pub custom_values: HashMap<FieldId, String>,
    /// False while a set-password link waits to be used.
    pub has_password: bool,
    /// Whether the viewer reaches the whole account (`policy::account_reach`):
    /// otherwise only the memberships in their own groups are shown, and
    /// the account-level fields are neither shown nor editable.
    pub whole_account: bool,
    /// Whether the viewer may turn the person into a member or a guest:
    /// the whole account, and not their own.
    pub may_convert: bool,
    /// The groups the viewer may add the person to, with the roles they
    /// may grant in each (the create panel's chooser); empty when they may
    /// grant nowhere or the account is their own.
    pub addable_groups: Vec<GroupChoice>,
    /// The roles grantable in at least one of `addable_groups`.
    pub addable_roles: Vec<GroupRole>,
}

/// The user's page `AJOUTER`: every ticked role in every chosen group
/// (`input[user_id]`, `input[groups][<id>]=on`, `input[roles][<role>]=on`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddToGroupsInput {
    pub user_id: UserId,
    /// Group id → `on`, as the chooser posts it.
    #[serde(default)]
    pub groups: HashMap<String, String>,
    #[serde(default)]
    pub roles: RoleChecks,
}

/// A group the person was added to by `AJOUTER` and the roles applied
/// there (the learner propagation's parents included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedGroup {
    pub id: GroupId,
    /// `Acme › Ventes`.
    pub path: String,
    pub roles: Vec<GroupRole>,
}

/// The user's page form: the profile's editable part.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub user_id: UserId,
    pub extra_info: Option<String>,
    /// `YYYY-MM-DD`, empty for none.
    pub deletion_date: Option<String>,
    /// Custom field values by key, as typed (`input[custom][<key>]`).
    #[serde(default)]
    pub custom: HashMap<String, String>,
}

/// Empty strings and absent checkboxes mean "no".
pub fn checked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty())
}

/// A custom field as the settings form sends it (`input[labels][nl]=…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldInput {
    pub key: String,
    /// The label per language code; French required, the others optional.
    #[serde(default)]
    pub labels: HashMap<String, String>,
    pub field_type: String,
    /// One choice per line (choice lists only).
    #[serde(default)]
    pub choices: String,
    /// A ticked checkbox sends `on`; an unticked one sends nothing.
    #[serde(default)]
    pub required: Option<String>,
}

/// `Passer en membre` / `Passer en invité` on the user's page, and the
/// same in bulk from a group's `UTILISATEURS` list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConvertInput {
    /// One account (the user's page) …
    pub user_id: Option<UserId>,
    /// … or several, comma-separated (the members list's selection).
    pub user_ids: Option<String>,
    /// `member` or `guest`.
    pub to: String,
    /// Checkbox: remove the roles a guest cannot hold, in the same step.
    pub remove_roles: Option<String>,
}

/// A role that keeps a member from becoming a guest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockingRole {
    /// The group's path.
    pub group: String,
    pub role: GroupRole,
}

/// What became of one account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConvertOutcome {
    /// Now of this type (it already was, or it was changed); `removed`:
    /// the roles taken away on the way to guest.
    Converted {
        to: AccountType,
        removed: Vec<BlockingRole>,
    },
    /// Member → guest refused while these roles are held: confirm their
    /// removal to go on.
    Blocked { roles: Vec<BlockingRole> },
    /// Guest → member refused: no seat is free (the limit, the count).
    NoSeat { limit: i64, used: i64 },
    /// Refused, and why (a platform admin, one's own account, out of
    /// reach…).
    Refused(crate::i18n::Msg),
}

/// One line of the answer, per account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConvertLine {
    pub user_id: UserId,
    pub name: String,
    pub outcome: ConvertOutcome,
}
