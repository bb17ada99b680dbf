//! What the `+ → Utilisateur` panels (and the user's page `Ajouter à des
//! groupes`) offer the current admin.

use std::collections::HashMap;

use crate::contracts::accounts::{CreatePanel, GroupChoice};
use crate::contracts::invitations::InvitePanel;
use crate::domain::{GroupId, GroupRole, GroupTree, policy};
use crate::server::error::AppResult;
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory;
use crate::server::state::AppState;
use crate::server::store::custom_fields as field_store;

#[tracing::instrument(
    name = "panels::invite_panel",
    skip_all,
    fields(actor = %me.user.id, group = %group_id)
)]
pub async fn invite_panel(
    state: &AppState,
    me: &CurrentUser,
    group_id: GroupId,
    directory: &directory::Shared,
) -> AppResult<InvitePanel> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    super::groups::require_user_manager(me, &dir.tree, group_id)?;
    Ok(InvitePanel {
        group_id,
        group_name: dir.names.get(&group_id).cloned().unwrap_or_default(),
        group_path: dir.path(group_id),
        grantable_roles: policy::grantable_roles(&me.actor, &dir.tree, group_id),
        may_grant_platform_admin: policy::may_grant_platform_admin(&me.actor),
        custom_fields: field_store::list(&mut conn).await?,
        seats: super::seats::usage(&mut conn).await?,
    })
}

/// The groups an admin may put accounts in, in tree order, with what they
/// may grant in each.
pub fn choosable_groups(
    me: &CurrentUser,
    tree: &GroupTree,
    names: &HashMap<GroupId, String>,
) -> Vec<GroupChoice> {
    let by_name = |mut ids: Vec<GroupId>| {
        ids.sort_by_key(|g| names.get(g).map(|n| n.to_lowercase()));
        ids
    };
    let mut out = Vec::new();
    // Depth first, children after their parent, siblings by name.
    let mut stack: Vec<(GroupId, usize)> = by_name(tree.roots())
        .into_iter()
        .rev()
        .map(|g| (g, 0))
        .collect();
    while let Some((group, depth)) = stack.pop() {
        let grantable = policy::grantable_roles(&me.actor, tree, group);
        if !grantable.is_empty() {
            out.push(GroupChoice {
                id: group,
                path: directory::path(tree, names, group),
                depth,
                grantable,
            });
        }
        stack.extend(
            by_name(tree.children(group))
                .into_iter()
                .rev()
                .map(|c| (c, depth + 1)),
        );
    }
    out
}

/// The roles grantable in at least one of `choices`, in `GroupRole::ALL`
/// order: the role checkboxes a chooser's form shows.
pub fn offered_roles(choices: &[GroupChoice]) -> Vec<GroupRole> {
    GroupRole::ALL
        .into_iter()
        .filter(|r| choices.iter().any(|c| c.grantable.contains(r)))
        .collect()
}

#[tracing::instrument(
    name = "panels::create_panel",
    skip_all,
    fields(actor = %me.user.id, group = %group_id)
)]
pub async fn create_panel(
    state: &AppState,
    me: &CurrentUser,
    group_id: GroupId,
    directory: &directory::Shared,
) -> AppResult<CreatePanel> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    super::groups::require_user_manager(me, &dir.tree, group_id)?;
    let choices = choosable_groups(me, &dir.tree, &dir.names);
    Ok(CreatePanel {
        group_id,
        group_path: dir.path(group_id),
        roles: offered_roles(&choices),
        groups: choices,
        custom_fields: field_store::list(&mut conn).await?,
        seats: super::seats::usage(&mut conn).await?,
    })
}
