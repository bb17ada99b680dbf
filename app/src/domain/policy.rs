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
use super::role::GroupRole;

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
    if member == actor.user_id {
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
            }
        }
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
}
