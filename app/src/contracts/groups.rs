//! The sidebar, a group's page and its members.

use super::form::RoleChecks;
use crate::domain::{AccountType, GroupId, GroupRole, UserId, Visibility};
use serde::{Deserialize, Serialize};

/// The new-group form, as typed: `server::forms` parses it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateGroupInput {
    pub name: String,
    /// A group id, or empty for a top-level group.
    pub parent: String,
    /// `public` or `private`; anything else is private.
    pub visibility: String,
}

/// A group's settings form: rename, move (new parent) and change
/// visibility in one go.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateGroupInput {
    pub id: GroupId,
    pub name: String,
    /// A group id, or empty for a top-level group.
    pub parent: String,
    /// `public` or `private`; anything else is private.
    pub visibility: String,
}

/// A member's roles in a group, as ticked: none removes them from it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRolesInput {
    pub group_id: GroupId,
    pub user_id: UserId,
    #[serde(default)]
    pub roles: RoleChecks,
}

/// A member of a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberInput {
    pub group_id: GroupId,
    pub user_id: UserId,
}

/// One entry of the sidebar tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SidebarGroup {
    pub id: GroupId,
    pub name: String,
    /// The parent as shown: `None` also when the real parent is not visible
    /// to this user, so their groups still form a tree.
    pub parent_id: Option<GroupId>,
    pub visibility: Visibility,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sidebar {
    pub groups: Vec<SidebarGroup>,
    pub can_manage_groups: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberRow {
    pub user_id: UserId,
    pub name: String,
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub roles: Vec<GroupRole>,
    pub account_type: AccountType,
    pub active: bool,
    /// False while a created account waits for its set-password link.
    pub password_set: bool,
    pub activated_at: Option<i64>,
    /// Whether the viewer may change this member's roles here or remove
    /// them (`policy::may_edit_member`).
    pub editable: bool,
}

/// Rows of a group's members table per page: a group of thousands stays
/// a light page.
pub const MEMBERS_PER_PAGE: i64 = 50;

/// Pending invitations listed under the members; the Invitations tab has
/// them all.
pub const PENDING_SHOWN: usize = 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupPage {
    pub id: GroupId,
    pub name: String,
    pub parent_id: Option<GroupId>,
    pub visibility: Visibility,
    /// From the root down to the group itself.
    pub breadcrumb: Vec<(GroupId, String)>,
    /// One page of the members, `MEMBERS_PER_PAGE` at most.
    pub members: Vec<MemberRow>,
    /// Everyone holding a role here, on every page.
    pub members_total: i64,
    /// The page shown, from 1 (a page past the last shows the last).
    pub members_page: i64,
    /// Pending invitations into this group: (address, roles). Shown only to
    /// those who manage its users.
    pub pending: Vec<(String, Vec<GroupRole>)>,
    /// Whether more are pending than `PENDING_SHOWN`.
    pub pending_more: bool,
    pub can_manage_groups: bool,
    pub can_manage_users: bool,
    /// The roles the viewer may grant in this group (for editing members).
    pub grantable_roles: Vec<GroupRole>,
    /// Where this group may be moved (itself and its sub-groups excluded),
    /// as (id, path) pairs; empty for those who cannot move groups.
    pub parent_choices: Vec<(GroupId, String)>,
}
