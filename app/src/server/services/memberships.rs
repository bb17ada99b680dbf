//! The user's page `AJOUTER`: an admin adds an existing account to groups
//! of theirs. The rule is `policy::may_add_to_groups` (all or nothing,
//! never one's own account); the grants go through `grants::apply`, the
//! one path with the learner propagation, so the result is the same as by
//! any other way in.

use crate::contracts::accounts::AddedGroup;
use crate::domain::audit::AuditAction;
use crate::domain::policy::{self, AddRefusal};
use crate::domain::{GroupId, GroupRole, UserId};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::services::{grants, profiles};
use crate::server::state::AppState;
use crate::server::store::{audit, memberships};

/// Every role of `roles` in every group of `group_ids`.
#[derive(Clone, Debug, Default)]
pub struct AddToGroupsRequest {
    pub user_id: UserId,
    pub group_ids: Vec<GroupId>,
    pub roles: Vec<GroupRole>,
}

/// Adds the account to the groups with the roles, in one transaction with
/// its audit entry. Returns what is new for the person (roles they held
/// already are left out), group by group in path order, the learner
/// propagation's parents included; empty when they had it all.
#[tracing::instrument(
    name = "memberships::add_to_groups",
    skip_all,
    fields(
        actor = %me.user.id,
        user = %req.user_id,
        groups = req.group_ids.len(),
        roles = req.roles.len(),
    )
)]
pub async fn add_to_groups(
    state: &AppState,
    me: &CurrentUser,
    req: AddToGroupsRequest,
) -> AppResult<Vec<AddedGroup>> {
    if req.group_ids.is_empty() {
        return Err(AppError::Invalid(Msg::ErrNoGroup));
    }
    if req.roles.is_empty() {
        return Err(AppError::Invalid(Msg::ErrNoRole));
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    // An account the actor does not reach is not found, as on its page.
    let (user, _) = profiles::reached_user(&mut tx, me, req.user_id).await?;
    let directory = Directory::load(&mut tx).await?;
    let wanted: Vec<(GroupId, GroupRole)> = req
        .group_ids
        .iter()
        .flat_map(|&g| req.roles.iter().map(move |&r| (g, r)))
        .collect();
    policy::may_add_to_groups(&me.actor, &directory.tree, user.id, &wanted)
        .map_err(|refusal| AppError::Invalid(refusal_message(refusal)))?;
    let held = memberships::roles_of_user(&mut tx, user.id).await?;
    let applied = grants::apply(
        &mut tx,
        &directory.tree,
        user.id,
        &wanted,
        Some(me.user.id),
        now,
    )
    .await?;
    let added: Vec<(GroupId, GroupRole)> = applied
        .into_iter()
        .filter(|grant| !held.contains(grant))
        .collect();
    audit::record(
        &mut tx,
        AuditAction::AccountGroupsAdded,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            target_user_id: Some(user.id),
            details: serde_json::json!({
                "grants": added.iter().map(|(g, r)| (g, r.as_str())).collect::<Vec<_>>(),
            })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(by_group(&directory, added))
}

fn refusal_message(refusal: AddRefusal) -> Msg {
    match refusal {
        AddRefusal::OwnAccount => Msg::ErrAddSelfToGroups,
        AddRefusal::GroupOutOfReach => Msg::ErrAddGroupOutOfReach,
        AddRefusal::RoleNotGrantable => Msg::ErrAddRoleNotGrantable,
    }
}

/// The grants as the page says them: one line a group, by path.
fn by_group(directory: &Directory, grants: Vec<(GroupId, GroupRole)>) -> Vec<AddedGroup> {
    directory::groups_with_roles(&directory.tree, &directory.names, grants)
        .into_iter()
        .map(|(id, path, roles)| AddedGroup { id, path, roles })
        .collect()
}
