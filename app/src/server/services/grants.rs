//! Applying group roles to an account, with the upward learner propagation.

use crate::domain::{Actor, GroupId, GroupRole, GroupTree, UserId, policy};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::store::{Conn, memberships, users};

/// The rights `user_id` holds now, as the policy sees them; `None` when
/// the account is gone. Used to check a grant again against what its
/// granter may still give.
pub async fn actor_of(conn: &mut Conn, user_id: UserId) -> Result<Option<Actor>, sqlx::Error> {
    let Some(user) = users::by_id(conn, user_id).await? else {
        return Ok(None);
    };
    Ok(Some(Actor {
        user_id: user.id,
        platform_admin: user.platform_admin,
        roles: memberships::roles_of_user(conn, user.id).await?,
    }))
}

/// Grants each (group, role); a learner role in a public group also makes
/// the user learner of the ancestors the rule names. Returns the groups
/// and roles actually applied, propagation included. Every door goes
/// through here, so here a guest account is refused any role but learner
/// (`policy::may_hold`), whatever the door checked before.
pub async fn apply(
    conn: &mut Conn,
    tree: &GroupTree,
    user_id: UserId,
    grants: &[(GroupId, GroupRole)],
    granted_by: Option<UserId>,
    now: i64,
) -> AppResult<Vec<(GroupId, GroupRole)>> {
    let roles: Vec<GroupRole> = grants.iter().map(|&(_, r)| r).collect();
    if roles.iter().any(|&r| r != GroupRole::Learner) {
        let user = users::by_id(conn, user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !policy::roles_not_held_by(user.account_type, &roles).is_empty() {
            return Err(AppError::Invalid(Msg::ErrGuestLearnerOnly));
        }
    }
    let mut applied: Vec<(GroupId, GroupRole)> = Vec::new();
    for &(group, role) in grants {
        let targets = if role == GroupRole::Learner {
            tree.learner_propagation(group)
        } else {
            vec![group]
        };
        for target in targets {
            if !applied.contains(&(target, role)) {
                memberships::grant(conn, user_id, target, role, granted_by, now).await?;
                applied.push((target, role));
            }
        }
    }
    Ok(applied)
}
