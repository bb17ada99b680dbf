//! The tree of groups, as loaded from storage, and the walks the business
//! rules need over it.
//!
//! The tree is built from whatever rows the database returns, so it never
//! trusts them to form a tree: every walk keeps a visited set and stops at
//! unknown ids, so corrupt data (a cycle, a dangling parent) yields a
//! truncated answer rather than a hang.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::ids::GroupId;
use super::role::Visibility;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupNode {
    pub id: GroupId,
    pub parent: Option<GroupId>,
    pub visibility: Visibility,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MoveError {
    #[error("this group does not exist")]
    UnknownGroup,
    #[error("the new parent group does not exist")]
    UnknownParent,
    #[error("a group cannot be its own parent")]
    IntoItself,
    #[error("a group cannot be moved under one of its own sub-groups")]
    IntoDescendant,
}

#[derive(Clone, Debug, Default)]
pub struct GroupTree {
    // BTreeMaps rather than HashMaps so every list this type returns comes
    // out sorted by id, which keeps the UI and the tests deterministic.
    nodes: BTreeMap<GroupId, GroupNode>,
    children: BTreeMap<GroupId, Vec<GroupId>>,
}

impl GroupTree {
    /// When the same id appears twice, the last node wins.
    pub fn new(nodes: impl IntoIterator<Item = GroupNode>) -> GroupTree {
        let nodes: BTreeMap<GroupId, GroupNode> = nodes.into_iter().map(|n| (n.id, n)).collect();
        let mut children: BTreeMap<GroupId, Vec<GroupId>> = BTreeMap::new();
        for node in nodes.values() {
            if let Some(parent) = node.parent
                && parent != node.id
            {
                children.entry(parent).or_default().push(node.id);
            }
        }
        GroupTree { nodes, children }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn get(&self, id: GroupId) -> Option<&GroupNode> {
        self.nodes.get(&id)
    }

    /// All nodes, sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &GroupNode> {
        self.nodes.values()
    }

    /// All ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = GroupId> + '_ {
        self.nodes.keys().copied()
    }

    pub fn contains(&self, id: GroupId) -> bool {
        self.nodes.contains_key(&id)
    }

    /// The parent as recorded, even if that parent is not in the tree.
    pub fn parent(&self, id: GroupId) -> Option<GroupId> {
        self.nodes.get(&id).and_then(|n| n.parent)
    }

    pub fn visibility(&self, id: GroupId) -> Option<Visibility> {
        self.nodes.get(&id).map(|n| n.visibility)
    }

    /// Parent first, up to the root; the group itself is not included.
    ///
    /// Only groups present in the tree are returned, and the walk stops
    /// before revisiting a group, so a cycle in the data cannot loop.
    pub fn ancestors(&self, id: GroupId) -> Vec<GroupId> {
        let mut out = Vec::new();
        if !self.contains(id) {
            return out;
        }
        let mut seen = BTreeSet::from([id]);
        let mut current = id;
        while let Some(parent) = self.parent(current) {
            if !self.contains(parent) || !seen.insert(parent) {
                break;
            }
            out.push(parent);
            current = parent;
        }
        out
    }

    /// Whether `id` is `ancestor` or lies somewhere below it. False when
    /// either group is unknown.
    pub fn is_same_or_descendant(&self, id: GroupId, ancestor: GroupId) -> bool {
        self.contains(id)
            && self.contains(ancestor)
            && (id == ancestor || self.ancestors(id).contains(&ancestor))
    }

    /// Every group below `id`, at any depth, excluding `id` itself.
    pub fn descendants(&self, id: GroupId) -> Vec<GroupId> {
        let mut out = Vec::new();
        if !self.contains(id) {
            return out;
        }
        let mut seen = BTreeSet::from([id]);
        let mut stack = vec![id];
        while let Some(current) = stack.pop() {
            for &child in self.children.get(&current).into_iter().flatten() {
                if seen.insert(child) {
                    out.push(child);
                    stack.push(child);
                }
            }
        }
        out
    }

    /// Direct sub-groups of `id`, sorted by id.
    pub fn children(&self, id: GroupId) -> Vec<GroupId> {
        if !self.contains(id) {
            return Vec::new();
        }
        self.children.get(&id).cloned().unwrap_or_default()
    }

    /// Groups with no parent in the tree, sorted by id. A group whose
    /// recorded parent is missing counts as a root, otherwise it would be
    /// unreachable from the top of the tree.
    pub fn roots(&self) -> Vec<GroupId> {
        self.nodes
            .values()
            .filter(|n| n.parent.is_none_or(|p| !self.contains(p)))
            .map(|n| n.id)
            .collect()
    }

    /// The groups a user given the learner role in `target` becomes
    /// learner of: `target` first, then its ancestors going up, stopping
    /// after the first private group. Private targets propagate nothing.
    ///
    /// The rule exists because a public group is a subdivision its parent
    /// wants to see into (a learner of "Paris" is also a learner of
    /// "Sales"), whereas a private group marks the boundary of what its
    /// members belong to.
    pub fn learner_propagation(&self, target: GroupId) -> Vec<GroupId> {
        let Some(visibility) = self.visibility(target) else {
            return Vec::new();
        };
        let mut out = vec![target];
        if visibility == Visibility::Private {
            return out;
        }
        for ancestor in self.ancestors(target) {
            out.push(ancestor);
            if self.visibility(ancestor) == Some(Visibility::Private) {
                break;
            }
        }
        out
    }

    /// Whether `id` may be re-attached under `new_parent` (`None`: made a
    /// root) without breaking the tree.
    pub fn can_move(&self, id: GroupId, new_parent: Option<GroupId>) -> Result<(), MoveError> {
        if !self.contains(id) {
            return Err(MoveError::UnknownGroup);
        }
        let Some(parent) = new_parent else {
            return Ok(());
        };
        if !self.contains(parent) {
            return Err(MoveError::UnknownParent);
        }
        if parent == id {
            return Err(MoveError::IntoItself);
        }
        if self.is_same_or_descendant(parent, id) {
            return Err(MoveError::IntoDescendant);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Visibility::{Private, Public};
    use proptest::prelude::*;

    const ROOT: GroupId = GroupId(1);
    const SALES: GroupId = GroupId(2);
    const PARIS: GroupId = GroupId(3);
    const LYON: GroupId = GroupId(4);
    const HR: GroupId = GroupId(5);
    const UNKNOWN: GroupId = GroupId(99);

    fn node(id: GroupId, parent: Option<GroupId>, visibility: Visibility) -> GroupNode {
        GroupNode {
            id,
            parent,
            visibility,
        }
    }

    /// Root › Sales › {Paris, Lyon}, Root › HR, with the given visibilities
    /// for Root, Sales and Paris.
    fn company(root: Visibility, sales: Visibility, paris: Visibility) -> GroupTree {
        GroupTree::new([
            node(ROOT, None, root),
            node(SALES, Some(ROOT), sales),
            node(PARIS, Some(SALES), paris),
            node(LYON, Some(SALES), Public),
            node(HR, Some(ROOT), Private),
        ])
    }

    #[test]
    fn learner_in_public_group_propagates_up_to_first_private_ancestor() {
        let tree = company(Private, Public, Public);
        assert_eq!(tree.learner_propagation(PARIS), vec![PARIS, SALES, ROOT]);
    }

    #[test]
    fn learner_propagation_stops_at_a_private_parent_included() {
        let tree = company(Private, Private, Public);
        assert_eq!(tree.learner_propagation(PARIS), vec![PARIS, SALES]);
    }

    #[test]
    fn learner_in_private_group_propagates_nothing() {
        let tree = company(Private, Public, Private);
        assert_eq!(tree.learner_propagation(ROOT), vec![ROOT]);
        assert_eq!(tree.learner_propagation(PARIS), vec![PARIS]);
        assert_eq!(tree.learner_propagation(HR), vec![HR]);
    }

    #[test]
    fn learner_in_an_all_public_chain_propagates_to_the_root() {
        let tree = company(Public, Public, Public);
        assert_eq!(tree.learner_propagation(PARIS), vec![PARIS, SALES, ROOT]);
        assert_eq!(tree.learner_propagation(ROOT), vec![ROOT]);
    }

    #[test]
    fn learner_propagation_never_reaches_siblings_or_children() {
        let tree = company(Public, Public, Public);
        assert_eq!(tree.learner_propagation(SALES), vec![SALES, ROOT]);
        assert_eq!(tree.learner_propagation(LYON), vec![LYON, SALES, ROOT]);
    }

    #[test]
    fn learner_propagation_of_an_unknown_group_is_empty() {
        let tree = company(Private, Public, Public);
        assert_eq!(tree.learner_propagation(UNKNOWN), vec![]);
        assert_eq!(GroupTree::default().learner_propagation(ROOT), vec![]);
    }

    #[test]
    fn lookups_answer_for_known_groups_only() {
        let tree = company(Private, Public, Public);
        assert!(tree.contains(PARIS));
        assert!(!tree.contains(UNKNOWN));
        assert_eq!(tree.parent(PARIS), Some(SALES));
        assert_eq!(tree.parent(ROOT), None);
        assert_eq!(tree.parent(UNKNOWN), None);
        assert_eq!(tree.visibility(HR), Some(Private));
        assert_eq!(tree.visibility(UNKNOWN), None);
        assert_eq!(tree.get(LYON).map(|n| n.parent), Some(Some(SALES)));
        assert_eq!(tree.len(), 5);
        assert!(!tree.is_empty());
        assert!(GroupTree::default().is_empty());
        assert_eq!(
            tree.ids().collect::<Vec<_>>(),
            vec![ROOT, SALES, PARIS, LYON, HR]
        );
    }

    #[test]
    fn ancestors_go_from_parent_to_root_excluding_the_group() {
        let tree = company(Private, Public, Public);
        assert_eq!(tree.ancestors(PARIS), vec![SALES, ROOT]);
        assert_eq!(tree.ancestors(SALES), vec![ROOT]);
        assert_eq!(tree.ancestors(ROOT), vec![]);
        assert_eq!(tree.ancestors(UNKNOWN), vec![]);
    }

    #[test]
    fn ancestors_stop_on_a_cycle_in_the_data() {
        let tree = GroupTree::new([
            node(GroupId(1), Some(GroupId(3)), Public),
            node(GroupId(2), Some(GroupId(1)), Public),
            node(GroupId(3), Some(GroupId(2)), Public),
        ]);
        assert_eq!(tree.ancestors(GroupId(1)), vec![GroupId(3), GroupId(2)]);
        assert_eq!(
            tree.learner_propagation(GroupId(2)),
            vec![GroupId(2), GroupId(1), GroupId(3)]
        );
        assert_eq!(tree.roots(), vec![]);
        let mut below = tree.descendants(GroupId(1));
        below.sort();
        assert_eq!(below, vec![GroupId(2), GroupId(3)]);
    }

    #[test]
    fn a_group_that_is_its_own_parent_has_no_ancestors_or_children() {
        let tree = GroupTree::new([node(GroupId(1), Some(GroupId(1)), Public)]);
        assert_eq!(tree.ancestors(GroupId(1)), vec![]);
        assert_eq!(tree.children(GroupId(1)), vec![]);
        assert_eq!(tree.descendants(GroupId(1)), vec![]);
        assert_eq!(tree.learner_propagation(GroupId(1)), vec![GroupId(1)]);
    }

    #[test]
    fn a_group_with_a_missing_parent_is_treated_as_a_root() {
        let tree = GroupTree::new([
            node(GroupId(1), None, Private),
            node(GroupId(2), Some(UNKNOWN), Public),
        ]);
        assert_eq!(tree.roots(), vec![GroupId(1), GroupId(2)]);
        assert_eq!(tree.parent(GroupId(2)), Some(UNKNOWN));
        assert_eq!(tree.ancestors(GroupId(2)), vec![]);
        assert_eq!(tree.learner_propagation(GroupId(2)), vec![GroupId(2)]);
        assert_eq!(tree.children(UNKNOWN), vec![]);
    }

    #[test]
    fn the_last_duplicate_node_wins() {
        let tree = GroupTree::new([
            node(GroupId(1), None, Public),
            node(GroupId(2), Some(GroupId(1)), Public),
            node(GroupId(2), None, Private),
        ]);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree.parent(GroupId(2)), None);
        assert_eq!(tree.children(GroupId(1)), vec![]);
    }

    #[test]
    fn descendants_cover_every_depth_and_exclude_the_group() {
        let tree = company(Private, Public, Public);
        let mut below_root = tree.descendants(ROOT);
        below_root.sort();
        assert_eq!(below_root, vec![SALES, PARIS, LYON, HR]);
        let mut below_sales = tree.descendants(SALES);
        below_sales.sort();
        assert_eq!(below_sales, vec![PARIS, LYON]);
        assert_eq!(tree.descendants(PARIS), vec![]);
        assert_eq!(tree.descendants(UNKNOWN), vec![]);
    }

    #[test]
    fn children_and_roots_are_direct_and_sorted() {
        let tree = company(Private, Public, Public);
        assert_eq!(tree.children(ROOT), vec![SALES, HR]);
        assert_eq!(tree.children(SALES), vec![PARIS, LYON]);
        assert_eq!(tree.children(PARIS), vec![]);
        assert_eq!(tree.roots(), vec![ROOT]);
    }

    #[test]
    fn same_or_descendant_holds_downwards_only() {
        let tree = company(Private, Public, Public);
        assert!(tree.is_same_or_descendant(PARIS, PARIS));
        assert!(tree.is_same_or_descendant(PARIS, SALES));
        assert!(tree.is_same_or_descendant(PARIS, ROOT));
        assert!(!tree.is_same_or_descendant(SALES, PARIS));
        assert!(!tree.is_same_or_descendant(PARIS, LYON));
        assert!(!tree.is_same_or_descendant(PARIS, HR));
        assert!(!tree.is_same_or_descendant(UNKNOWN, UNKNOWN));
        assert!(!tree.is_same_or_descendant(UNKNOWN, ROOT));
    }

    #[test]
    fn a_group_can_move_anywhere_except_into_its_own_subtree() {
        let tree = company(Private, Public, Public);
        assert_eq!(tree.can_move(PARIS, Some(HR)), Ok(()));
        assert_eq!(tree.can_move(PARIS, Some(LYON)), Ok(()));
        assert_eq!(tree.can_move(SALES, None), Ok(()));
        assert_eq!(tree.can_move(SALES, Some(ROOT)), Ok(()));
        assert_eq!(
            tree.can_move(SALES, Some(SALES)),
            Err(MoveError::IntoItself)
        );
        assert_eq!(
            tree.can_move(SALES, Some(PARIS)),
            Err(MoveError::IntoDescendant)
        );
        assert_eq!(
            tree.can_move(ROOT, Some(LYON)),
            Err(MoveError::IntoDescendant)
        );
    }

    #[test]
    fn moving_unknown_groups_is_refused() {
        let tree = company(Private, Public, Public);
        assert_eq!(tree.can_move(UNKNOWN, None), Err(MoveError::UnknownGroup));
        assert_eq!(
            tree.can_move(UNKNOWN, Some(ROOT)),
            Err(MoveError::UnknownGroup)
        );
        assert_eq!(
            tree.can_move(PARIS, Some(UNKNOWN)),
            Err(MoveError::UnknownParent)
        );
    }

    /// Nodes `0..n` whose parent may be any index, including themselves,
    /// so cycles of every length show up.
    fn arbitrary_graph() -> impl Strategy<Value = Vec<GroupNode>> {
        (1usize..12).prop_flat_map(|n| {
            prop::collection::vec(
                (prop::option::weighted(0.8, 0..n as i64 + 2), any::<bool>()),
                n,
            )
            .prop_map(|specs| {
                specs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (parent, private))| {
                        node(
                            GroupId(i as i64),
                            parent.map(GroupId),
                            if private { Private } else { Public },
                        )
                    })
                    .collect()
            })
        })
    }

    /// Nodes `0..n` whose parent always has a smaller id: a forest.
    fn arbitrary_forest() -> impl Strategy<Value = Vec<GroupNode>> {
        prop::collection::vec(
            (any::<prop::sample::Index>(), any::<bool>(), any::<bool>()),
            1..12,
        )
        .prop_map(|specs| {
            specs
                .into_iter()
                .enumerate()
                .map(|(i, (parent, is_root, private))| {
                    let parent = (i > 0 && !is_root).then(|| GroupId(parent.index(i) as i64));
                    node(
                        GroupId(i as i64),
                        parent,
                        if private { Private } else { Public },
                    )
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn ancestors_never_loop_even_on_cyclic_input(nodes in arbitrary_graph()) {
            let tree = GroupTree::new(nodes.clone());
            for n in &nodes {
                let ancestors = tree.ancestors(n.id);
                prop_assert!(ancestors.len() < nodes.len());
                prop_assert!(!ancestors.contains(&n.id));
                let distinct: BTreeSet<_> = ancestors.iter().collect();
                prop_assert_eq!(distinct.len(), ancestors.len());
                prop_assert!(ancestors.iter().all(|a| tree.contains(*a)));

                let descendants = tree.descendants(n.id);
                prop_assert!(!descendants.contains(&n.id));
                let distinct: BTreeSet<_> = descendants.iter().collect();
                prop_assert_eq!(distinct.len(), descendants.len());

                let propagation = tree.learner_propagation(n.id);
                prop_assert_eq!(propagation.first(), Some(&n.id));
                prop_assert!(propagation.len() <= nodes.len());
            }
        }

        #[test]
        fn propagation_starts_with_the_target_and_ends_at_a_private_group_or_a_root(
            nodes in arbitrary_forest()
        ) {
            let tree = GroupTree::new(nodes.clone());
            for n in &nodes {
                let propagation = tree.learner_propagation(n.id);
                prop_assert_eq!(propagation.first(), Some(&n.id));
                let last = *propagation.last().unwrap();
                prop_assert!(
                    tree.visibility(last) == Some(Private) || tree.parent(last).is_none()
                );
                // Everything before the end is public: propagation only
                // climbs through public groups.
                for g in &propagation[..propagation.len() - 1] {
                    prop_assert_eq!(tree.visibility(*g), Some(Public));
                }
                // It follows the ancestor chain exactly.
                prop_assert_eq!(&propagation[1..], &tree.ancestors(n.id)[..propagation.len() - 1]);
            }
        }

        #[test]
        fn ancestors_and_descendants_mirror_each_other(nodes in arbitrary_graph()) {
            let tree = GroupTree::new(nodes.clone());
            for a in &nodes {
                for b in &nodes {
                    prop_assert_eq!(
                        tree.ancestors(a.id).contains(&b.id),
                        tree.descendants(b.id).contains(&a.id)
                    );
                }
            }
        }

        #[test]
        fn an_allowed_move_keeps_the_forest_acyclic(
            nodes in arbitrary_forest(),
            mover in any::<prop::sample::Index>(),
            target in any::<prop::sample::Index>(),
            to_root in any::<bool>(),
        ) {
            let tree = GroupTree::new(nodes.clone());
            let id = nodes[mover.index(nodes.len())].id;
            let new_parent = (!to_root).then(|| nodes[target.index(nodes.len())].id);
            if tree.can_move(id, new_parent).is_ok() {
                let moved = GroupTree::new(nodes.iter().map(|n| {
                    if n.id == id { GroupNode { parent: new_parent, ..*n } } else { *n }
                }));
                for n in &nodes {
                    // In a forest, walking up always ends at a root.
                    let top = moved.ancestors(n.id).last().copied().unwrap_or(n.id);
                    prop_assert_eq!(moved.parent(top), None);
                }
            } else {
                prop_assert!(new_parent.is_some_and(|p| tree.is_same_or_descendant(p, id)));
            }
        }
    }
}
