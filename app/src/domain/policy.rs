//! Who may do what.
//!
//! Both the UI (to hide what the user cannot do) and the server (to refuse
//! it) ask these functions, so the two can never disagree.
//!
//! Administration rights flow *down* the tree only: an admin of a group
//! manages its whole subtree, never its parent or siblings. A group that the
//! tree does not know is refused everything, so a stale or forged id cannot
//! slip through.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::group_tree::GroupTree;
use super::ids::{GroupId, UserId};
use super::role::{AccountType, GroupRole};

/// The signed-in user, with every role they hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: UserId,
    pub platform_admin: bool,
    pub roles: Vec<(GroupId, GroupRole)>,
}

impl Actor {
    /// Whether the actor holds `role` in `group` itself or in a group above
    /// it, which is how admin rights reach sub-groups.
    fn holds_at_or_above(&self, tree: &GroupTree, group: GroupId, role: GroupRole) -> bool {
        self.roles
            .iter()
            .any(|&(g, r)| r == role && tree.is_same_or_descendant(group, g))
    }
}

pub fn may_grant(actor: &Actor, tree: &GroupTree, group: GroupId, role: GroupRole) -> bool {
    if !tree.contains(group) {
        return false;
    }
    if actor.platform_admin || actor.holds_at_or_above(tree, group, GroupRole::GroupAdmin) {
        return true;
    }
    // User admins run day-to-day enrolment but must not be able to create
    // more admins, or they could escalate their own rights.
    matches!(role, GroupRole::Trainer | GroupRole::Learner)
        && actor.holds_at_or_above(tree, group, GroupRole::UserAdmin)
}

/// The roles `actor` may grant in `group`, in `GroupRole::ALL` order.
pub fn grantable_roles(actor: &Actor, tree: &GroupTree, group: GroupId) -> Vec<GroupRole> {
    GroupRole::ALL
        .into_iter()
        .filter(|&role| may_grant(actor, tree, group, role))
        .collect()
}

pub fn may_grant_platform_admin(actor: &Actor) -> bool {
    actor.platform_admin
}

/// Whether `actor` may import a file into `group` (and follow, re-map and
/// run that import): whoever may add its users by hand — each row is then
/// checked like a panel's request.
pub fn may_import_into(actor: &Actor, tree: &GroupTree, group: GroupId) -> bool {
    may_manage_users(actor, tree, group)
}

/// Whether `actor` may invite people into `group`, edit or remove its
/// members and see their details.
pub fn may_manage_users(actor: &Actor, tree: &GroupTree, group: GroupId) -> bool {
    tree.contains(group)
        && (actor.platform_admin
            || actor.holds_at_or_above(tree, group, GroupRole::GroupAdmin)
            || actor.holds_at_or_above(tree, group, GroupRole::UserAdmin))
}

/// Creating, renaming, moving and deleting groups reshapes everybody's
/// rights, so it is kept to platform admins.
pub fn may_manage_groups(actor: &Actor) -> bool {
    actor.platform_admin
}

/// Members see the groups they belong to; admins also see everything
/// below the groups they administer.
pub fn may_view_group(actor: &Actor, tree: &GroupTree, group: GroupId) -> bool {
    tree.contains(group)
        && (actor.roles.iter().any(|&(g, _)| g == group) || may_manage_users(actor, tree, group))
}

/// Why a change to a member's roles in a group is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleChangeRefusal {
    /// Nobody edits their own roles: an admin could lock themselves out, or
    /// a user admin raise themselves.
    OwnRoles,
    /// A role added or taken away is one the actor may not grant there.
    RoleNotGrantable,
}

/// Whether `actor` may change `member`'s roles in `group` from `from` to
/// `to` (an empty `to` removes them from the group). Every role that
/// appears or disappears must be one the actor may grant there, so a user
/// admin manages learners and trainers but cannot demote a group admin.
pub fn may_change_roles(
    actor: &Actor,
    tree: &GroupTree,
    group: GroupId,
    member: UserId,
    from: &[GroupRole],
    to: &[GroupRole],
) -> Result<(), RoleChangeRefusal> {
    if !may_change_grants_of(actor, member) {
        return Err(RoleChangeRefusal::OwnRoles);
    }
    let changed = from
        .iter()
        .filter(|r| !to.contains(r))
        .chain(to.iter().filter(|r| !from.contains(r)));
    for &role in changed {
        if !may_grant(actor, tree, group, role) {
            return Err(RoleChangeRefusal::RoleNotGrantable);
        }
    }
    Ok(())
}

/// Whether the members table offers `actor` to edit `member` at all: the
/// actor manages the group's users, it is not themselves, and every role
/// the member holds there is one the actor could take away.
pub fn may_edit_member(
    actor: &Actor,
    tree: &GroupTree,
    group: GroupId,
    member: UserId,
    roles: &[GroupRole],
) -> bool {
    may_manage_users(actor, tree, group)
        && may_change_roles(actor, tree, group, member, roles, &[]).is_ok()
}

/// Nobody changes their own grants, by any door (the members table, an
/// invitation to their own address, an import…): an admin could raise
/// themselves, or lock themselves out.
pub fn may_change_grants_of(actor: &Actor, target: UserId) -> bool {
    actor.user_id != target
}

/// Why adding an existing account to groups is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddRefusal {
    /// The account is the actor's own (`may_change_grants_of`).
    OwnAccount,
    /// A chosen group is not one whose users the actor manages (or is no
    /// group at all).
    GroupOutOfReach,
    /// A ticked role is one the actor may not grant in a chosen group.
    RoleNotGrantable,
}

/// Whether `actor` may add `account` to every (group, role) of `grants`,
/// as the user's page `AJOUTER` asks. All or nothing: one pair out of
/// reach refuses the whole request, so a forged pair cannot ride along
/// with good ones. Groups are judged before roles, so the answer does not
/// depend on the order of the pairs.
pub fn may_add_to_groups(
    actor: &Actor,
    tree: &GroupTree,
    account: UserId,
    grants: &[(GroupId, GroupRole)],
) -> Result<(), AddRefusal> {
    if !may_change_grants_of(actor, account) {
        return Err(AddRefusal::OwnAccount);
    }
    if grants
        .iter()
        .any(|&(group, _)| !may_manage_users(actor, tree, group))
    {
        return Err(AddRefusal::GroupOutOfReach);
    }
    if grants
        .iter()
        .any(|&(group, role)| !may_grant(actor, tree, group, role))
    {
        return Err(AddRefusal::RoleNotGrantable);
    }
    Ok(())
}

/// Whether `actor` may act on a pending invitation as a whole: obtain,
/// copy or re-send its link, cancel it outright, or let another door use
/// it up. A link carries **every** grant of its invitation and its
/// platform-admin flag, so only an actor who may grant all of them may
/// hand it out. A narrower admin whose grant was merged into it sees it,
/// and may withdraw what they could grant (`withdrawable_grants`), nothing
/// more: a merge never widens who may act on the rest.
pub fn may_handle_invitation(
    actor: &Actor,
    tree: &GroupTree,
    grants: &[(GroupId, GroupRole)],
    platform_admin: bool,
) -> bool {
    if actor.platform_admin {
        return true;
    }
    !platform_admin
        && !grants.is_empty()
        && grants
            .iter()
            .all(|&(group, role)| may_grant(actor, tree, group, role))
}

/// The grants of an invitation that `actor` may take back from it: the
/// ones they could have given themselves.
pub fn withdrawable_grants(
    actor: &Actor,
    tree: &GroupTree,
    grants: &[(GroupId, GroupRole)],
) -> Vec<(GroupId, GroupRole)> {
    grants
        .iter()
        .copied()
        .filter(|&(group, role)| may_grant(actor, tree, group, role))
        .collect()
}

/// Whether a grant written into an invitation by `granter` still holds
/// when the invitation is accepted: rights are checked against what the
/// granter may grant *now* (they may have lost their role since). A grant
/// whose granter's account is gone holds no more.
pub fn grant_still_holds(
    granter: Option<&Actor>,
    tree: &GroupTree,
    group: GroupId,
    role: GroupRole,
) -> bool {
    granter.is_some_and(|granter| may_grant(granter, tree, group, role))
}

/// The same for an invitation's "platform admin on acceptance".
pub fn platform_admin_still_holds(granter: Option<&Actor>) -> bool {
    granter.is_some_and(may_grant_platform_admin)
}

/// How far an admin reaches another person's account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountReach {
    /// Not at all: the account is not found, as if missing.
    None,
    /// Only the memberships in groups the actor manages: roles there and
    /// removal from there, and seeing those memberships.
    Memberships,
    /// The whole account: deletion date, names, type, custom fields,
    /// set-password link, and every membership shown.
    Account,
}

/// Membership-level actions need authority over the group; account-level
/// actions need authority over the whole account: a platform admin, or an
/// admin whose groups contain every membership of the account and who
/// outranks it there — never over a platform admin, never over an admin
/// of a group outside their scope, never over a peer group admin (only a
/// group admin of a group above outranks one). Nobody reaches their own
/// account beyond their memberships, except platform admins.
pub fn account_reach(
    actor: &Actor,
    tree: &GroupTree,
    account: UserId,
    account_is_platform_admin: bool,
    memberships: &[(GroupId, GroupRole)],
) -> AccountReach {
    if actor.platform_admin {
        return AccountReach::Account;
    }
    if account_is_platform_admin {
        return AccountReach::None;
    }
    if !memberships
        .iter()
        .any(|&(group, _)| may_manage_users(actor, tree, group))
    {
        return AccountReach::None;
    }
    let outranks = |group: GroupId, role: GroupRole| match role {
        GroupRole::GroupAdmin => actor.roles.iter().any(|&(g, r)| {
            r == GroupRole::GroupAdmin && g != group && tree.is_same_or_descendant(group, g)
        }),
        _ => may_grant(actor, tree, group, role),
    };
    // A learner role that the upward propagation put above a group the
    // actor covers is theirs too: it says nothing the in-scope role does
    // not (without this, no admin of a public sub-group would ever reach
    // their own learners' accounts).
    let propagated = |group: GroupId, role: GroupRole| {
        role == GroupRole::Learner
            && memberships.iter().any(|&(below, r)| {
                r == GroupRole::Learner
                    && below != group
                    && may_grant(actor, tree, below, GroupRole::Learner)
                    && tree.learner_propagation(below).contains(&group)
            })
    };
    if account != actor.user_id
        && memberships
            .iter()
            .all(|&(g, r)| outranks(g, r) || propagated(g, r))
    {
        AccountReach::Account
    } else {
        AccountReach::Memberships
    }
}

/// Co-members' addresses and login names are for those who manage the
/// group's users; learners and trainers see names only.
pub fn may_see_member_contacts(actor: &Actor, tree: &GroupTree, group: GroupId) -> bool {
    may_manage_users(actor, tree, group)
}

/// Custom field definitions shape every account's page and every panel:
/// kept to platform admins.
pub fn may_manage_custom_fields(actor: &Actor) -> bool {
    actor.platform_admin
}

/// The platform's settings (its default language…) are the platform
/// admins'.
pub fn may_manage_platform_settings(actor: &Actor) -> bool {
    actor.platform_admin
}

/// The billing page (counts, the list behind a month, its exports) is the
/// platform's business.
pub fn may_read_billing(actor: &Actor) -> bool {
    actor.platform_admin
}

/// What part of the audit log an actor reads (`Journal`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditScope {
    /// Platform admins: every entry.
    All,
    /// The admins of these groups (and their sub-groups): entries about
    /// one of them, and account-level entries (no group) about a person who
    /// belongs to one of them. An entry about another group stays hidden
    /// even when its person is in scope: it would name groups the admin
    /// cannot see.
    Groups(BTreeSet<GroupId>),
    Nothing,
}

/// Group and user admins read the log of the groups they administer
/// (rights flow down the tree); platform admins read all of it.
pub fn audit_scope(actor: &Actor, tree: &GroupTree) -> AuditScope {
    if actor.platform_admin {
        return AuditScope::All;
    }
    let groups = administered_groups(actor, tree);
    if groups.is_empty() {
        AuditScope::Nothing
    } else {
        AuditScope::Groups(groups)
    }
}

/// Whether an entry is in an actor's scope, from what it names: its group,
/// and the groups its person belongs to now.
pub fn may_read_audit_entry(
    scope: &AuditScope,
    entry_group: Option<GroupId>,
    person_groups: &[GroupId],
) -> bool {
    match scope {
        AuditScope::All => true,
        AuditScope::Nothing => false,
        AuditScope::Groups(groups) => match entry_group {
            Some(group) => groups.contains(&group),
            None => person_groups.iter().any(|g| groups.contains(g)),
        },
    }
}

/// The development mailbox shows every mail the platform wrote.
pub fn may_read_dev_mailbox(actor: &Actor) -> bool {
    actor.platform_admin
}

/// A guest is view-only and never billed: the learner role is the only
/// one a guest account may hold (never trainer, user admin or group
/// admin). Every door asks this for every role it would give, and the
/// forms grey out what it refuses.
pub fn may_hold(account_type: AccountType, role: GroupRole) -> bool {
    match account_type {
        AccountType::Member => true,
        AccountType::Guest => role == GroupRole::Learner,
    }
}

/// The roles of `roles` an account of `account_type` may not hold, in
/// the order given: what blocks a form, or a conversion to guest.
pub fn roles_not_held_by(account_type: AccountType, roles: &[GroupRole]) -> Vec<GroupRole> {
    let mut refused: Vec<GroupRole> = roles
        .iter()
        .copied()
        .filter(|&r| !may_hold(account_type, r))
        .collect();
    refused.dedup();
    refused
}

/// Platform administration is never a guest's.
pub fn may_be_platform_admin(account_type: AccountType) -> bool {
    account_type == AccountType::Member
}

/// Whether one more billable member fits under the seat limit (`None`:
/// unlimited). `used` counts the billable members already active.
pub fn seat_available(limit: Option<i64>, used: i64) -> bool {
    seats_available(limit, used, 1)
}

/// Whether `wanted` more billable members fit under the seat limit at
/// once (a batch of an import's creations).
pub fn seats_available(limit: Option<i64>, used: i64, wanted: i64) -> bool {
    limit.is_none_or(|limit| used + wanted <= limit)
}

/// Which pending invitations an actor follows in the Invitations tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvitationScope {
    /// Every invitation (platform admins).
    All,
    /// Those with at least one grant in these groups: the groups the actor
    /// manages the users of, sub-groups included.
    Groups(BTreeSet<GroupId>),
    /// None at all.
    Nothing,
}

impl InvitationScope {
    /// Whether an invitation carrying `grants` is in the scope.
    pub fn reaches(&self, grants: &[(GroupId, GroupRole)]) -> bool {
        match self {
            InvitationScope::All => true,
            InvitationScope::Groups(groups) => grants.iter().any(|(g, _)| groups.contains(g)),
            InvitationScope::Nothing => false,
        }
    }

    /// Whether the scope covers invitations into `group`.
    pub fn covers(&self, group: GroupId) -> bool {
        match self {
            InvitationScope::All => true,
            InvitationScope::Groups(groups) => groups.contains(&group),
            InvitationScope::Nothing => false,
        }
    }
}

pub fn invitation_scope(actor: &Actor, tree: &GroupTree) -> InvitationScope {
    if actor.platform_admin {
        return InvitationScope::All;
    }
    let groups = administered_groups(actor, tree);
    if groups.is_empty() {
        InvitationScope::Nothing
    } else {
        InvitationScope::Groups(groups)
    }
}

pub fn visible_groups(actor: &Actor, tree: &GroupTree) -> BTreeSet<GroupId> {
    tree.ids()
        .filter(|&g| may_view_group(actor, tree, g))
        .collect()
}

pub fn administered_groups(actor: &Actor, tree: &GroupTree) -> BTreeSet<GroupId> {
    tree.ids()
        .filter(|&g| may_manage_users(actor, tree, g))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::group_tree::GroupNode;
    use super::super::role::Visibility;
    use super::*;
    use GroupRole::{GroupAdmin, Learner, Trainer, UserAdmin};
    use proptest::prelude::*;

    // Top › Parent › {Child › Grandchild, Sibling}, Top › Uncle.
    //
    // Seen from Parent: sub-group Child, parent group Top, sibling Uncle.
    // Seen from Child: sub-group Grandchild, parent group Parent, sibling
    // Sibling.
    const TOP: GroupId = GroupId(1);
    const PARENT: GroupId = GroupId(2);
    const CHILD: GroupId = GroupId(3);
    const GRANDCHILD: GroupId = GroupId(4);
    const SIBLING: GroupId = GroupId(5);
    const UNCLE: GroupId = GroupId(6);
    const UNKNOWN: GroupId = GroupId(99);

    #[test]
    fn a_guest_holds_the_learner_role_only_and_a_member_every_role() {
        // (account type, role, may hold)
        let table = [
            (AccountType::Member, GroupAdmin, true),
            (AccountType::Member, UserAdmin, true),
            (AccountType::Member, Trainer, true),
            (AccountType::Member, Learner, true),
            (AccountType::Guest, GroupAdmin, false),
            (AccountType::Guest, UserAdmin, false),
            (AccountType::Guest, Trainer, false),
            (AccountType::Guest, Learner, true),
        ];
        for (kind, role, expected) in table {
            assert_eq!(may_hold(kind, role), expected, "{kind:?} holding {role:?}");
        }
        assert!(may_be_platform_admin(AccountType::Member));
        assert!(!may_be_platform_admin(AccountType::Guest));
    }

    #[test]
    fn the_roles_that_block_a_guest_are_listed_once_in_order() {
        assert_eq!(
            roles_not_held_by(AccountType::Guest, &[GroupAdmin, Learner, Trainer, Trainer]),
            vec![GroupAdmin, Trainer]
        );
        assert!(roles_not_held_by(AccountType::Guest, &[Learner, Learner]).is_empty());
        assert!(roles_not_held_by(AccountType::Member, &[GroupAdmin, Trainer]).is_empty());
    }

    #[test]
    fn a_seat_is_free_below_the_limit_and_always_without_one() {
        // (limit, used, free)
        let table = [
            (None, 0, true),
            (None, 1_000_000, true),
            (Some(0), 0, false),
            (Some(2), 1, true),
            (Some(2), 2, false),
            (Some(2), 3, false),
        ];
        for (limit, used, expected) in table {
            assert_eq!(seat_available(limit, used), expected, "{limit:?} / {used}");
        }
    }

    #[test]
    fn a_batch_fits_only_whole_under_the_limit() {
        // (limit, used, wanted, fits)
        let table = [
            (None, 5, 100_000, true),
            (Some(10), 5, 5, true),
            (Some(10), 5, 6, false),
            (Some(10), 10, 0, true),
            (Some(10), 11, 0, false),
        ];
        for (limit, used, wanted, expected) in table {
            assert_eq!(
                seats_available(limit, used, wanted),
                expected,
                "{limit:?} / {used} + {wanted}"
            );
        }
    }

    #[test]
    fn the_audit_log_is_read_whole_by_platform_admins_and_per_administered_group_by_admins() {
        let tree = tree();
        let me = UserId(1);
        // (actor, entry about CHILD, entry about UNCLE, account entry of a
        // CHILD member, account entry of an UNCLE member)
        let cases = [
            (actor(true, &[]), [true, true, true, true]),
            (
                actor(false, &[(PARENT, GroupAdmin)]),
                [true, false, true, false],
            ),
            (
                actor(false, &[(CHILD, UserAdmin)]),
                [true, false, true, false],
            ),
            (
                actor(false, &[(GRANDCHILD, GroupAdmin)]),
                [false, false, false, false],
            ),
            (
                actor(false, &[(CHILD, Trainer)]),
                [false, false, false, false],
            ),
            (
                actor(false, &[(CHILD, Learner)]),
                [false, false, false, false],
            ),
            (actor(false, &[]), [false, false, false, false]),
        ];
        for (actor, expected) in cases {
            let actor = Actor {
                user_id: me,
                ..actor
            };
            let scope = audit_scope(&actor, &tree);
            let got = [
                may_read_audit_entry(&scope, Some(CHILD), &[]),
                may_read_audit_entry(&scope, Some(UNCLE), &[CHILD]),
                may_read_audit_entry(&scope, None, &[UNCLE, CHILD]),
                may_read_audit_entry(&scope, None, &[UNCLE]),
            ];
            assert_eq!(got, expected, "{:?}", actor.roles);
            assert_eq!(may_read_billing(&actor), actor.platform_admin);
        }
    }

    fn tree() -> GroupTree {
        let node = |id, parent, visibility| GroupNode {
            id,
            parent,
            visibility,
        };
        GroupTree::new([
            node(TOP, None, Visibility::Private),
            node(PARENT, Some(TOP), Visibility::Public),
            node(CHILD, Some(PARENT), Visibility::Public),
            node(GRANDCHILD, Some(CHILD), Visibility::Private),
            node(SIBLING, Some(PARENT), Visibility::Public),
            node(UNCLE, Some(TOP), Visibility::Public),
        ])
    }

    fn actor(platform_admin: bool, roles: &[(GroupId, GroupRole)]) -> Actor {
        Actor {
            user_id: UserId(7),
            platform_admin,
            roles: roles.to_vec(),
        }
    }

    #[derive(Clone, Copy, Debug)]
    enum Kind {
        PlatformAdmin,
        GroupAdminOfParent,
        GroupAdminOfChild,
        UserAdminOfParent,
        Trainer,
        Learner,
        Nobody,
    }

    impl Kind {
        fn actor(self) -> Actor {
            match self {
                Kind::PlatformAdmin => actor(true, &[]),
                Kind::GroupAdminOfParent => actor(false, &[(PARENT, GroupAdmin)]),
                Kind::GroupAdminOfChild => actor(false, &[(CHILD, GroupAdmin)]),
                Kind::UserAdminOfParent => actor(false, &[(PARENT, UserAdmin)]),
                Kind::Trainer => actor(false, &[(PARENT, Trainer)]),
                Kind::Learner => actor(false, &[(PARENT, Learner)]),
                Kind::Nobody => actor(false, &[]),
            }
        }

        /// The group the actor's role is attached to; the matrix places
        /// targets relative to it.
        fn home(self) -> GroupId {
            match self {
                Kind::GroupAdminOfChild => CHILD,
                _ => PARENT,
            }
        }
    }

    #[derive(Clone, Copy, Debug)]
    enum Place {
        Same,
        SubGroup,
        ParentGroup,
        SiblingGroup,
    }

    impl Place {
        fn of(self, home: GroupId) -> GroupId {
            match (self, home) {
                (Place::Same, home) => home,
                (Place::SubGroup, PARENT) => CHILD,
                (Place::ParentGroup, PARENT) => TOP,
                (Place::SiblingGroup, PARENT) => UNCLE,
                (Place::SubGroup, CHILD) => GRANDCHILD,
                (Place::ParentGroup, CHILD) => PARENT,
                (Place::SiblingGroup, CHILD) => SIBLING,
                _ => unreachable!("no matrix place defined around {home:?}"),
            }
        }
    }

    const ALL_ROLES: &[GroupRole] = &[GroupAdmin, UserAdmin, Trainer, Learner];
    const STAFF: &[GroupRole] = &[Trainer, Learner];
    const NONE: &[GroupRole] = &[];

    /// Expected (grantable roles, may manage users, may view) per place,
    /// in the order Same, SubGroup, ParentGroup, SiblingGroup.
    type Row = (Kind, [(&'static [GroupRole], bool, bool); 4]);

    const MATRIX: [Row; 7] = [
        (
            Kind::PlatformAdmin,
            [
                (ALL_ROLES, true, true),
                (ALL_ROLES, true, true),
                (ALL_ROLES, true, true),
                (ALL_ROLES, true, true),
            ],
        ),
        (
            Kind::GroupAdminOfParent,
            [
                (ALL_ROLES, true, true),
                (ALL_ROLES, true, true),
                (NONE, false, false),
                (NONE, false, false),
            ],
        ),
        (
            Kind::GroupAdminOfChild,
            [
                (ALL_ROLES, true, true),
                (ALL_ROLES, true, true),
                (NONE, false, false),
                (NONE, false, false),
            ],
        ),
        (
            Kind::UserAdminOfParent,
            [
                (STAFF, true, true),
                (STAFF, true, true),
                (NONE, false, false),
                (NONE, false, false),
            ],
        ),
        (
            Kind::Trainer,
            [
                (NONE, false, true),
                (NONE, false, false),
                (NONE, false, false),
                (NONE, false, false),
            ],
        ),
        (
            Kind::Learner,
            [
                (NONE, false, true),
                (NONE, false, false),
                (NONE, false, false),
                (NONE, false, false),
            ],
        ),
        (
            Kind::Nobody,
            [
                (NONE, false, false),
                (NONE, false, false),
                (NONE, false, false),
                (NONE, false, false),
            ],
        ),
    ];

    const PLACES: [Place; 4] = [
        Place::Same,
        Place::SubGroup,
        Place::ParentGroup,
        Place::SiblingGroup,
    ];

    #[test]
    fn every_actor_kind_gets_exactly_the_expected_rights_around_its_group() {
        let tree = tree();
        for (kind, row) in MATRIX {
            let actor = kind.actor();
            for (place, (grantable, manage, view)) in PLACES.into_iter().zip(row) {
                let group = place.of(kind.home());
                for role in GroupRole::ALL {
                    assert_eq!(
                        may_grant(&actor, &tree, group, role),
                        grantable.contains(&role),
                        "{kind:?} granting {role:?} in {place:?} group {group}"
                    );
                }
                assert_eq!(
                    grantable_roles(&actor, &tree, group),
                    grantable,
                    "{kind:?} in {place:?}"
                );
                assert_eq!(
                    may_manage_users(&actor, &tree, group),
                    manage,
                    "{kind:?} managing users in {place:?}"
                );
                assert_eq!(
                    may_view_group(&actor, &tree, group),
                    view,
                    "{kind:?} viewing {place:?}"
                );
                assert_eq!(
                    may_import_into(&actor, &tree, group),
                    manage,
                    "{kind:?} importing into {place:?}"
                );
                for role in GroupRole::ALL {
                    let expected = match (manage, grantable.contains(&role)) {
                        (_, true) => Ok(()),
                        (false, false) => Err(AddRefusal::GroupOutOfReach),
                        (true, false) => Err(AddRefusal::RoleNotGrantable),
                    };
                    assert_eq!(
                        may_add_to_groups(&actor, &tree, UserId(42), &[(group, role)]),
                        expected,
                        "{kind:?} adding someone to {place:?} as {role:?}"
                    );
                    assert_eq!(
                        may_add_to_groups(&actor, &tree, actor.user_id, &[(group, role)]),
                        Err(AddRefusal::OwnAccount),
                        "{kind:?} adding themselves to {place:?} as {role:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn adding_to_groups_is_all_or_nothing() {
        let tree = tree();
        let user_admin = Kind::UserAdminOfParent.actor();
        let other = UserId(42);
        assert_eq!(
            may_add_to_groups(
                &user_admin,
                &tree,
                other,
                &[(PARENT, Learner), (CHILD, Trainer)]
            ),
            Ok(())
        );
        assert_eq!(
            may_add_to_groups(
                &user_admin,
                &tree,
                other,
                &[(CHILD, Learner), (UNCLE, Learner)]
            ),
            Err(AddRefusal::GroupOutOfReach),
            "one group outside the scope refuses the rest"
        );
        assert_eq!(
            may_add_to_groups(
                &user_admin,
                &tree,
                other,
                &[(CHILD, UserAdmin), (UNKNOWN, Learner)]
            ),
            Err(AddRefusal::GroupOutOfReach),
            "groups are judged first, whatever the order"
        );
        assert_eq!(
            may_add_to_groups(
                &user_admin,
                &tree,
                other,
                &[(CHILD, Learner), (CHILD, UserAdmin)]
            ),
            Err(AddRefusal::RoleNotGrantable),
            "a user admin makes no admins"
        );
        let platform = Kind::PlatformAdmin.actor();
        assert_eq!(
            may_add_to_groups(&platform, &tree, platform.user_id, &[(TOP, Learner)]),
            Err(AddRefusal::OwnAccount),
            "not even a platform admin adds themselves"
        );
    }

    #[test]
    fn only_platform_admins_grant_platform_admin_and_manage_groups() {
        for (kind, _) in MATRIX {
            let actor = kind.actor();
            let expected = matches!(kind, Kind::PlatformAdmin);
            assert_eq!(may_grant_platform_admin(&actor), expected, "{kind:?}");
            assert_eq!(may_manage_groups(&actor), expected, "{kind:?}");
        }
    }

    #[test]
    fn admin_rights_reach_every_depth_below() {
        let tree = tree();
        let admin = actor(false, &[(TOP, GroupAdmin)]);
        assert!(may_grant(&admin, &tree, GRANDCHILD, GroupAdmin));
        let user_admin = actor(false, &[(TOP, UserAdmin)]);
        assert!(may_grant(&user_admin, &tree, GRANDCHILD, Learner));
        assert!(!may_grant(&user_admin, &tree, GRANDCHILD, UserAdmin));
    }

    #[test]
    fn unknown_groups_are_refused_to_everybody() {
        let tree = tree();
        for (kind, _) in MATRIX {
            let actor = kind.actor();
            for role in GroupRole::ALL {
                assert!(!may_grant(&actor, &tree, UNKNOWN, role), "{kind:?}");
            }
            assert_eq!(grantable_roles(&actor, &tree, UNKNOWN), vec![]);
            assert!(!may_manage_users(&actor, &tree, UNKNOWN), "{kind:?}");
            assert!(!may_view_group(&actor, &tree, UNKNOWN), "{kind:?}");
        }
    }

    #[test]
    fn a_role_in_an_unknown_group_gives_no_rights() {
        let tree = tree();
        let stale = actor(false, &[(UNKNOWN, GroupAdmin)]);
        assert!(visible_groups(&stale, &tree).is_empty());
        assert!(administered_groups(&stale, &tree).is_empty());
    }

    #[test]
    fn combined_roles_add_up() {
        let tree = tree();
        let actor = actor(
            false,
            &[(CHILD, UserAdmin), (CHILD, GroupAdmin), (UNCLE, Learner)],
        );
        assert_eq!(grantable_roles(&actor, &tree, GRANDCHILD), ALL_ROLES);
        assert_eq!(
            visible_groups(&actor, &tree),
            BTreeSet::from([CHILD, GRANDCHILD, UNCLE])
        );
        assert_eq!(
            administered_groups(&actor, &tree),
            BTreeSet::from([CHILD, GRANDCHILD])
        );
    }

    #[test]
    fn platform_admins_see_and_administer_every_group() {
        let tree = tree();
        let admin = Kind::PlatformAdmin.actor();
        let all: BTreeSet<_> = tree.ids().collect();
        assert_eq!(all.len(), 6);
        assert_eq!(visible_groups(&admin, &tree), all);
        assert_eq!(administered_groups(&admin, &tree), all);
        assert!(visible_groups(&admin, &GroupTree::default()).is_empty());
    }

    #[test]
    fn group_admins_see_their_subtree_and_members_only_their_group() {
        let tree = tree();
        assert_eq!(
            visible_groups(&Kind::GroupAdminOfParent.actor(), &tree),
            BTreeSet::from([PARENT, CHILD, GRANDCHILD, SIBLING])
        );
        assert_eq!(
            administered_groups(&Kind::UserAdminOfParent.actor(), &tree),
            BTreeSet::from([PARENT, CHILD, GRANDCHILD, SIBLING])
        );
        assert_eq!(
            visible_groups(&Kind::Learner.actor(), &tree),
            BTreeSet::from([PARENT])
        );
        assert!(administered_groups(&Kind::Trainer.actor(), &tree).is_empty());
        assert!(visible_groups(&Kind::Nobody.actor(), &tree).is_empty());
    }

    fn any_actor() -> impl Strategy<Value = Actor> {
        (
            any::<bool>(),
            prop::collection::vec(
                (0i64..8, prop::sample::select(GroupRole::ALL.to_vec())),
                0..4,
            ),
        )
            .prop_map(|(platform_admin, roles)| Actor {
                user_id: UserId(1),
                platform_admin,
                roles: roles.into_iter().map(|(g, r)| (GroupId(g), r)).collect(),
            })
    }

    proptest! {
        #[test]
        fn granting_anything_implies_managing_users_and_viewing(actor in any_actor(), g in 0i64..8) {
            let tree = tree();
            let group = GroupId(g);
            if !grantable_roles(&actor, &tree, group).is_empty() {
                prop_assert!(may_manage_users(&actor, &tree, group));
            }
            if may_manage_users(&actor, &tree, group) {
                prop_assert!(may_view_group(&actor, &tree, group));
                prop_assert!(may_grant(&actor, &tree, group, Learner));
                for sub in tree.descendants(group) {
                    prop_assert!(may_manage_users(&actor, &tree, sub));
                }
            }
            prop_assert_eq!(
                visible_groups(&actor, &tree).contains(&group),
                may_view_group(&actor, &tree, group)
            );
            prop_assert_eq!(
                administered_groups(&actor, &tree).contains(&group),
                may_manage_users(&actor, &tree, group)
            );
        }
    }

    #[test]
    fn a_user_admin_changes_learners_and_trainers_but_not_admins() {
        let actor = actor(false, &[(PARENT, UserAdmin)]);
        let member = UserId(42);
        assert_eq!(
            may_change_roles(
                &actor,
                &tree(),
                CHILD,
                member,
                &[Learner],
                &[Learner, Trainer]
            ),
            Ok(())
        );
        assert_eq!(
            may_change_roles(&actor, &tree(), CHILD, member, &[Learner], &[GroupAdmin]),
            Err(RoleChangeRefusal::RoleNotGrantable)
        );
        assert_eq!(
            may_change_roles(
                &actor,
                &tree(),
                CHILD,
                member,
                &[GroupAdmin, Learner],
                &[GroupAdmin]
            ),
            Ok(()),
            "taking away only the learner role leaves the admin role alone"
        );
        assert!(!may_edit_member(
            &actor,
            &tree(),
            CHILD,
            member,
            &[GroupAdmin]
        ));
        assert!(may_edit_member(&actor, &tree(), CHILD, member, &[Trainer]));
        assert!(
            !may_edit_member(&actor, &tree(), TOP, member, &[Learner]),
            "rights never flow up"
        );
    }

    #[test]
    fn nobody_changes_their_own_roles_not_even_a_platform_admin() {
        let actor = actor(true, &[(PARENT, GroupAdmin)]);
        let me = actor.user_id;
        assert_eq!(
            may_change_roles(&actor, &tree(), PARENT, me, &[GroupAdmin], &[]),
            Err(RoleChangeRefusal::OwnRoles)
        );
        assert!(!may_edit_member(&actor, &tree(), PARENT, me, &[GroupAdmin]));
        assert!(may_edit_member(
            &actor,
            &tree(),
            PARENT,
            UserId(42),
            &[GroupAdmin]
        ));
    }

    /// The invitation from the attack replay: Support › group admin with
    /// "platform admin on acceptance", then a learner grant merged in by
    /// the user admin of Paris. Here: Uncle plays Support, Child plays
    /// Paris.
    #[test]
    fn a_link_is_handed_out_only_by_who_may_grant_all_it_carries() {
        let tree = tree();
        let merged = [(UNCLE, GroupAdmin), (CHILD, Learner)];
        // (actor, grants only in Child, merged grants, merged + platform flag)
        let expected = [
            (Kind::PlatformAdmin, true, true, true),
            (Kind::GroupAdminOfParent, true, false, false),
            (Kind::GroupAdminOfChild, true, false, false),
            (Kind::UserAdminOfParent, true, false, false),
            (Kind::Trainer, false, false, false),
            (Kind::Learner, false, false, false),
            (Kind::Nobody, false, false, false),
        ];
        for (kind, own, mixed, flagged) in expected {
            let actor = kind.actor();
            assert_eq!(
                may_handle_invitation(&actor, &tree, &[(CHILD, Learner)], false),
                own,
                "{kind:?} own"
            );
            assert_eq!(
                may_handle_invitation(&actor, &tree, &merged, false),
                mixed,
                "{kind:?} merged"
            );
            assert_eq!(
                may_handle_invitation(&actor, &tree, &merged, true),
                flagged,
                "{kind:?} merged with the platform flag"
            );
        }
        let user_admin = Kind::UserAdminOfParent.actor();
        assert!(
            !may_handle_invitation(&user_admin, &tree, &[(CHILD, UserAdmin)], false),
            "a user admin may not hand out a user admin grant even in scope"
        );
        assert!(!may_handle_invitation(&user_admin, &tree, &[], false));
        assert_eq!(
            withdrawable_grants(&user_admin, &tree, &merged),
            vec![(CHILD, Learner)]
        );
        assert!(withdrawable_grants(&Kind::Learner.actor(), &tree, &merged).is_empty());
    }

    #[test]
    fn grants_hold_at_acceptance_only_while_their_granter_may_still_give_them() {
        let tree = tree();
        let still_admin = actor(false, &[(PARENT, GroupAdmin)]);
        let demoted = actor(false, &[(PARENT, Learner)]);
        assert!(grant_still_holds(
            Some(&still_admin),
            &tree,
            CHILD,
            UserAdmin
        ));
        assert!(!grant_still_holds(Some(&demoted), &tree, CHILD, UserAdmin));
        assert!(!grant_still_holds(Some(&demoted), &tree, CHILD, Learner));
        assert!(!grant_still_holds(None, &tree, CHILD, Learner));
        assert!(platform_admin_still_holds(Some(&actor(true, &[]))));
        assert!(!platform_admin_still_holds(Some(&still_admin)));
        assert!(!platform_admin_still_holds(None));
    }

    #[test]
    fn nobody_changes_their_own_grants() {
        for (kind, _) in MATRIX {
            let actor = kind.actor();
            assert!(!may_change_grants_of(&actor, actor.user_id), "{kind:?}");
            assert!(may_change_grants_of(&actor, UserId(42)), "{kind:?}");
        }
    }

    /// Account reach per actor kind, for accounts placed around the
    /// actor's home group: (memberships of the account, platform admin?).
    #[test]
    fn account_level_actions_need_the_whole_account_in_scope_and_outranked() {
        use AccountReach::{Account, Memberships, None as Out};
        let tree = tree();
        let other = UserId(42);
        type Case = (&'static str, &'static [(GroupId, GroupRole)], bool);
        let cases: [Case; 10] = [
            ("learner in the sub-group", &[(CHILD, Learner)], false),
            (
                "learner here, propagated above",
                &[(PARENT, Learner), (TOP, Learner)],
                false,
            ),
            (
                "learner here and trainer above",
                &[(PARENT, Learner), (TOP, Trainer)],
                false,
            ),
            ("trainer here", &[(PARENT, Trainer)], false),
            ("user admin in the sub-group", &[(CHILD, UserAdmin)], false),
            (
                "group admin in the sub-group",
                &[(CHILD, GroupAdmin)],
                false,
            ),
            ("group admin here (a peer)", &[(PARENT, GroupAdmin)], false),
            (
                "learner here, admin in a sibling",
                &[(PARENT, Learner), (UNCLE, GroupAdmin)],
                false,
            ),
            ("learner in a sibling only", &[(UNCLE, Learner)], false),
            ("platform admin learner here", &[(PARENT, Learner)], true),
        ];
        // Columns in the order of `cases`.
        let expected: [(Kind, [AccountReach; 10]); 6] = [
            (Kind::PlatformAdmin, [Account; 10]),
            (
                Kind::GroupAdminOfParent,
                [
                    Account,
                    Account,
                    Memberships,
                    Account,
                    Account,
                    Account,
                    Memberships,
                    Memberships,
                    Out,
                    Out,
                ],
            ),
            (
                Kind::UserAdminOfParent,
                [
                    Account,
                    Account,
                    Memberships,
                    Account,
                    Memberships,
                    Memberships,
                    Memberships,
                    Memberships,
                    Out,
                    Out,
                ],
            ),
            (Kind::Trainer, [Out; 10]),
            (Kind::Learner, [Out; 10]),
            (Kind::Nobody, [Out; 10]),
        ];
        for (kind, row) in expected {
            let actor = kind.actor();
            for ((label, memberships, platform), want) in cases.iter().zip(row) {
                assert_eq!(
                    account_reach(&actor, &tree, other, *platform, memberships),
                    want,
                    "{kind:?} over {label}"
                );
            }
        }
        let top_admin = actor(false, &[(TOP, GroupAdmin)]);
        assert_eq!(
            account_reach(&top_admin, &tree, other, false, &[(PARENT, GroupAdmin)]),
            Account,
            "a group admin above outranks a group admin below"
        );
        assert_eq!(
            account_reach(&top_admin, &tree, other, false, &[]),
            Out,
            "an account in no group is for platform admins"
        );
        let me = Kind::GroupAdminOfParent.actor();
        assert_eq!(
            account_reach(&me, &tree, me.user_id, false, &[(CHILD, Learner)]),
            Memberships,
            "nobody reaches their own account beyond memberships"
        );
    }

    #[test]
    fn only_user_managers_see_co_members_contacts() {
        let tree = tree();
        for (kind, row) in MATRIX {
            let actor = kind.actor();
            for (place, (_, manage, _)) in PLACES.into_iter().zip(row) {
                let group = place.of(kind.home());
                assert_eq!(
                    may_see_member_contacts(&actor, &tree, group),
                    manage,
                    "{kind:?} in {place:?}"
                );
            }
        }
    }

    #[test]
    fn the_invitations_tab_follows_invitations_with_a_grant_where_the_actor_manages_users() {
        let tree = tree();
        for (kind, row) in MATRIX {
            let actor = kind.actor();
            let scope = invitation_scope(&actor, &tree);
            for (place, (_, manage, _)) in PLACES.into_iter().zip(row) {
                let group = place.of(kind.home());
                assert_eq!(scope.covers(group), manage, "{kind:?} covering {place:?}");
                assert_eq!(
                    scope.reaches(&[(group, Learner)]),
                    manage,
                    "{kind:?} reaching an invitation into {place:?}"
                );
                // One grant in scope is enough to see an invitation.
                assert_eq!(
                    scope.reaches(&[(UNKNOWN, GroupAdmin), (group, Learner)]),
                    manage || matches!(kind, Kind::PlatformAdmin),
                    "{kind:?} reaching a mixed invitation in {place:?}"
                );
            }
            assert_eq!(
                matches!(scope, InvitationScope::Nothing),
                administered_groups(&actor, &tree).is_empty() && !actor.platform_admin,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn only_platform_admins_manage_custom_fields_settings_and_read_the_dev_mailbox() {
        for (kind, _) in MATRIX {
            let actor = kind.actor();
            let expected = matches!(kind, Kind::PlatformAdmin);
            assert_eq!(may_manage_custom_fields(&actor), expected, "{kind:?}");
            assert_eq!(may_manage_platform_settings(&actor), expected, "{kind:?}");
            assert_eq!(may_read_dev_mailbox(&actor), expected, "{kind:?}");
        }
    }
}
