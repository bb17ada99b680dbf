//! A group's members: changing someone's roles there, or removing them
//! from the group. The rule is `policy::may_change_roles`; this module
//! loads what it needs, applies the difference in one transaction and
//! writes the audit log.

use crate::domain::audit::AuditAction;
use crate::domain::policy::{self, RoleChangeRefusal};
use crate::domain::{GroupId, GroupRole, UserId};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::Directory;
use crate::server::services::grants;
use crate::server::state::AppState;
use crate::server::store::{audit, memberships};

/// Sets `member`'s roles in `group` to exactly `roles`; an empty list
/// removes them from the group. Roles in other groups are left alone: a
/// learner role that propagated upward stays where it is, as it was given
/// there in its own right. An added learner role in a public group
/// propagates upward like on every other way in.
#[tracing::instrument(
    name = "members::set_roles",
    skip_all,
    fields(actor = %me.user.id, group = %group, user = %member, roles = roles.len())
)]
pub async fn set_roles(
    state: &AppState,
    me: &CurrentUser,
    group: GroupId,
    member: UserId,
    roles: Vec<GroupRole>,
) -> AppResult<()> {
    let (group_id, user_id) = (group, member);
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let Directory { tree, .. } = Directory::load(&mut tx).await?;
    super::groups::require_user_manager(me, &tree, group)?;
    let from = memberships::roles_in_group(&mut tx, user_id, group_id).await?;
    if from.is_empty() {
        return Err(AppError::Invalid(Msg::ErrNotAMember));
    }
    let mut to = roles;
    to.sort();
    to.dedup();
    if from == to {
        return Ok(());
    }
    policy::may_change_roles(&me.actor, &tree, group, user_id, &from, &to).map_err(|refusal| {
        match refusal {
            RoleChangeRefusal::OwnRoles => AppError::Invalid(Msg::ErrOwnRoles),
            RoleChangeRefusal::RoleNotGrantable => AppError::Invalid(Msg::ErrRoleNotAllowed),
        }
    })?;
    for role in from.iter().filter(|r| !to.contains(r)) {
        memberships::revoke(&mut tx, user_id, group_id, *role).await?;
    }
    let added: Vec<(GroupId, GroupRole)> = to
        .iter()
        .filter(|r| !from.contains(r))
        .map(|&r| (group_id, r))
        .collect();
    let applied = grants::apply(&mut tx, &tree, user_id, &added, Some(me.user.id), now).await?;
    let as_str = |roles: &[GroupRole]| roles.iter().map(|r| r.as_str()).collect::<Vec<_>>();
    audit::record(
        &mut tx,
        if to.is_empty() {
            AuditAction::MemberRemoved
        } else {
            AuditAction::MemberRolesChanged
        },
        audit::Entry {
            actor_user_id: Some(me.user.id),
            target_user_id: Some(user_id),
            group_id: Some(group_id),
            details: serde_json::json!({
                "from": as_str(&from),
                "to": as_str(&to),
                "propagated": applied
                    .iter()
                    .filter(|(g, _)| *g != group_id)
                    .map(|(g, r)| (g, r.as_str()))
                    .collect::<Vec<_>>(),
            })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes `user_id` from `group_id` (every role they hold there).
#[tracing::instrument(
    name = "members::remove",
    skip_all,
    fields(actor = %me.user.id, group = %group, user = %member)
)]
pub async fn remove(
    state: &AppState,
    me: &CurrentUser,
    group: GroupId,
    member: UserId,
) -> AppResult<()> {
    set_roles(state, me, group, member, Vec::new()).await
}
