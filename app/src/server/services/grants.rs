//! Applying group roles to an account, with the upward learner propagation.

use crate::domain::{AccountType, Actor, GroupId, GroupRole, GroupTree, UserId, policy};
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
    let account_type = if grants.iter().any(|&(_, r)| r != GroupRole::Learner) {
        users::by_id(conn, user_id)
            .await?
            .ok_or(AppError::NotFound)?
            .account_type
    } else {
        // Any account may be a learner: its type is not read.
        AccountType::Guest
    };
    let granted = Granted {
        user_id,
        account_type,
        grants,
    };
    let mut applied = apply_many(conn, tree, &[granted], granted_by, now).await?;
    Ok(applied.pop().unwrap_or_default())
}

/// One account's share of `apply_many`: its type as the caller knows it
/// (accounts it has just written) and the roles it gets.
pub struct Granted<'a> {
    pub user_id: UserId,
    pub account_type: AccountType,
    pub grants: &'a [(GroupId, GroupRole)],
}

/// `apply` for many accounts, written with multi-row statements; what
/// each got, propagation included, in the order given.
pub async fn apply_many(
    conn: &mut Conn,
    tree: &GroupTree,
    accounts: &[Granted<'_>],
    granted_by: Option<UserId>,
    now: i64,
) -> AppResult<Vec<Vec<(GroupId, GroupRole)>>> {
    let mut all = Vec::new();
    let mut applied = Vec::with_capacity(accounts.len());
    for account in accounts {
        let roles: Vec<GroupRole> = account.grants.iter().map(|&(_, r)| r).collect();
        if !policy::roles_not_held_by(account.account_type, &roles).is_empty() {
            return Err(AppError::Invalid(Msg::ErrGuestLearnerOnly));
        }
        let own = with_propagation(tree, account.grants);
        all.extend(own.iter().map(|&(g, r)| (account.user_id, g, r)));
        applied.push(own);
    }
    memberships::grant_many(conn, &all, granted_by, now).await?;
    Ok(applied)
}

/// The grants with the learner propagation of public groups, each once.
fn with_propagation(
    tree: &GroupTree,
    grants: &[(GroupId, GroupRole)],
) -> Vec<(GroupId, GroupRole)> {
    let mut applied: Vec<(GroupId, GroupRole)> = Vec::new();
    for &(group, role) in grants {
        let targets = if role == GroupRole::Learner {
            tree.learner_propagation(group)
        } else {
            vec![group]
        };
        for target in targets {
            if !applied.contains(&(target, role)) {
                applied.push((target, role));
            }
        }
    }
    applied
}
