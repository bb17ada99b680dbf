//! The group tree with its names, loaded once per use case: what the policy
//! needs (the tree) and what screens and mails show (names, paths). Every
//! use case loads groups through here.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::OnceCell;

use crate::domain::{GroupId, GroupRole, GroupTree};
use crate::server::store::Conn;
use crate::server::store::groups::{self, GroupRecord};

pub struct Directory {
    /// Every group, by name.
    pub groups: Vec<GroupRecord>,
    pub tree: GroupTree,
    pub names: HashMap<GroupId, String>,
}

impl Directory {
    pub async fn load(conn: &mut Conn) -> Result<Directory, sqlx::Error> {
        let groups = groups::all(conn).await?;
        let tree = groups::tree(&groups);
        let names = groups.iter().map(|g| (g.id, g.name.clone())).collect();
        Ok(Directory {
            groups,
            tree,
            names,
        })
    }

    pub fn path(&self, id: GroupId) -> String {
        path(&self.tree, &self.names, id)
    }
}

/// Where a use case takes its directory from: loaded afresh, or read once
/// per page render and shared. A page calls several server functions (the
/// sidebar, the screen's own data) that each need every group; a GET
/// changes nothing, so one load serves them all, and they show the same
/// snapshot of the tree. Anything that writes calls `Directory::load`
/// itself, inside its transaction.
#[derive(Clone)]
pub struct Shared(Option<Arc<OnceCell<Arc<Directory>>>>);

impl Shared {
    /// Loads the directory at each use.
    pub fn fresh() -> Shared {
        Shared(None)
    }

    /// Loads it once, at the first use, for every holder of a clone.
    pub fn once() -> Shared {
        Shared(Some(Arc::default()))
    }

    /// The directory, loaded through `conn` unless already loaded. A failed
    /// load is not kept: the next use tries again (and reports its own
    /// error).
    pub async fn get(&self, conn: &mut Conn) -> Result<Arc<Directory>, sqlx::Error> {
        match &self.0 {
            None => Ok(Arc::new(Directory::load(conn).await?)),
            Some(cell) => cell
                .get_or_try_init(|| async move { Ok(Arc::new(Directory::load(conn).await?)) })
                .await
                .cloned(),
        }
    }
}

/// `Acme › Ventes › Paris`: how a group is named where names alone could
/// be ambiguous (two `Paris` under different parents), in screens and
/// mails alike.
pub fn path(tree: &GroupTree, names: &HashMap<GroupId, String>, id: GroupId) -> String {
    let mut parts: Vec<&str> = tree
        .ancestors(id)
        .iter()
        .rev()
        .filter_map(|g| names.get(g).map(String::as_str))
        .collect();
    parts.extend(names.get(&id).map(String::as_str));
    parts.join(" › ")
}

/// Roles grouped by group, each group with its path, sorted by path: how
/// screens list someone's groups.
pub fn groups_with_roles(
    tree: &GroupTree,
    names: &HashMap<GroupId, String>,
    roles: impl IntoIterator<Item = (GroupId, GroupRole)>,
) -> Vec<(GroupId, String, Vec<GroupRole>)> {
    let mut by_group: HashMap<GroupId, Vec<GroupRole>> = HashMap::new();
    for (g, r) in roles {
        by_group.entry(g).or_default().push(r);
    }
    let mut groups: Vec<(GroupId, String, Vec<GroupRole>)> = by_group
        .into_iter()
        .map(|(g, mut roles)| {
            roles.sort();
            (g, path(tree, names, g), roles)
        })
        .collect();
    groups.sort_by_key(|(_, path, _)| path.to_lowercase());
    groups
}
