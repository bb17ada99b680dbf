//! Guest ↔ member: `Passer en membre` / `Passer en invité` on the user's
//! page and in bulk from a group's members list. An account-level action
//! (`profiles::managed_user`): the admin must reach the whole account.
//! Guest → member takes a seat (`seats::start_billing`); member → guest
//! frees one (and the invitees waiting for one are then let in), and is
//! refused while the person holds a role a guest cannot hold, unless the
//! admin confirms removing those roles in the same step.

use crate::contracts::accounts::{BlockingRole, ConvertLine, ConvertOutcome};
use crate::domain::audit::AuditAction;
use crate::domain::billing::BillingReason;
use crate::domain::{AccountType, GroupId, GroupRole, GroupTree, UserId, policy};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::services::{profiles, seats};
use crate::server::state::AppState;
use crate::server::store::users::UserRecord;
use crate::server::store::{Conn, audit, memberships, users};

/// At most this many accounts per bulk request.
pub const MAX_BULK: usize = 500;

/// Converts each account, each in its own transaction, so one refusal
/// (no seat left, a role to confirm) does not undo the others.
#[tracing::instrument(
    name = "account_type::convert",
    skip_all,
    fields(actor = %me.user.id, accounts = ids.len(), to = %to)
)]
pub async fn convert(
    state: &AppState,
    me: &CurrentUser,
    ids: &[UserId],
    to: AccountType,
    remove_roles: bool,
) -> AppResult<Vec<ConvertLine>> {
    if ids.is_empty() {
        return Err(AppError::Invalid(Msg::ErrNothingSelected));
    }
    if ids.len() > MAX_BULK {
        return Err(AppError::Invalid(Msg::ErrTooManySelected));
    }
    let mut lines = Vec::with_capacity(ids.len());
    let mut freed = false;
    for &id in ids {
        // A single account's refusal is the request's answer; in bulk it
        // is that line's (someone out of reach stays unnamed).
        let (name, outcome) = match convert_one(state, me, id, to, remove_roles).await {
            Ok(done) => done,
            Err(e) if ids.len() == 1 => return Err(e),
            Err(AppError::SeatsFull { limit, used }) => {
                (String::new(), ConvertOutcome::NoSeat { limit, used })
            }
            Err(AppError::NotFound) => (String::new(), ConvertOutcome::Refused(Msg::ErrNotFound)),
            Err(AppError::Forbidden) => (String::new(), ConvertOutcome::Refused(Msg::ErrForbidden)),
            Err(AppError::Invalid(msg)) => (String::new(), ConvertOutcome::Refused(msg)),
            Err(e) => return Err(e),
        };
        freed |= to == AccountType::Guest && matches!(outcome, ConvertOutcome::Converted { .. });
        lines.push(ConvertLine {
            user_id: id,
            name,
            outcome,
        });
    }
    if freed && let Err(e) = seats::activate_waiting(state).await {
        tracing::warn!(error = %e, "waiting invitees not activated after a seat freed");
    }
    Ok(lines)
}

async fn convert_one(
    state: &AppState,
    me: &CurrentUser,
    id: UserId,
    to: AccountType,
    remove_roles: bool,
) -> AppResult<(String, ConvertOutcome)> {
    // Said before the reach is looked up: one's own account is never
    // "out of reach".
    if !policy::may_change_grants_of(&me.actor, id) {
        return Err(AppError::Invalid(Msg::ErrOwnAccountType));
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let user = profiles::managed_user(&mut tx, me, id).await?;
    let name = user.display_name();
    let Directory { tree, names, .. } = Directory::load(&mut tx).await?;
    let said = |grants: &[(GroupId, GroupRole)]| -> Vec<BlockingRole> {
        grants
            .iter()
            .map(|&(g, role)| BlockingRole {
                group: directory::path(&tree, &names, g),
                role,
            })
            .collect()
    };
    match change(&mut tx, me, &tree, &user, to, remove_roles, now).await? {
        Change::Blocked(roles) => Ok((
            name,
            ConvertOutcome::Blocked {
                roles: said(&roles),
            },
        )),
        Change::Converted(removed) => {
            tx.commit().await?;
            Ok((
                name,
                ConvertOutcome::Converted {
                    to,
                    removed: said(&removed),
                },
            ))
        }
    }
}

/// What [`change`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// The account has the new type (or had it already); the roles a
    /// guest cannot hold that were removed on the way.
    Converted(Vec<(GroupId, GroupRole)>),
    /// Nothing written: the person holds these roles a guest cannot hold
    /// and the admin did not confirm removing them.
    Blocked(Vec<(GroupId, GroupRole)>),
}

/// Changes an account's type inside the caller's transaction: the one
/// path of the user's page, the bulk action and the import's "create or
/// update". The caller has checked that `me` reaches the whole account
/// (`profiles::managed_user`, or the import's reach); a seat is taken or
/// freed here, and the waiting invitees are the caller's to let in once
/// its transaction commits (`seats::activate_waiting`).
pub async fn change(
    tx: &mut Conn,
    me: &CurrentUser,
    tree: &GroupTree,
    user: &UserRecord,
    to: AccountType,
    remove_roles: bool,
    now: i64,
) -> AppResult<Change> {
    let id = user.id;
    if !policy::may_change_grants_of(&me.actor, id) {
        return Err(AppError::Invalid(Msg::ErrOwnAccountType));
    }
    if user.account_type == to {
        return Ok(Change::Converted(Vec::new()));
    }
    let mut removed: Vec<(GroupId, GroupRole)> = Vec::new();
    match to {
        AccountType::Guest => {
            if !policy::may_be_platform_admin(to) && user.platform_admin {
                return Err(AppError::Invalid(Msg::ErrGuestNotPlatformAdmin));
            }
            let held = memberships::roles_of_user(tx, id).await?;
            let blocking: Vec<(GroupId, GroupRole)> = held
                .into_iter()
                .filter(|&(_, r)| !policy::may_hold(to, r))
                .collect();
            if !blocking.is_empty() && !remove_roles {
                return Ok(Change::Blocked(blocking));
            }
            for &(group, role) in &blocking {
                if !policy::may_grant(&me.actor, tree, group, role) {
                    return Err(AppError::Forbidden);
                }
                memberships::revoke(tx, id, group, role).await?;
            }
            users::set_account_type(tx, id, to, now).await?;
            users::record_billing_stop(
                tx,
                id,
                AccountType::Member,
                user.activated_at.is_some(),
                BillingReason::ConvertedToGuest,
                now,
            )
            .await?;
            removed = blocking;
        }
        AccountType::Member => {
            users::set_account_type(tx, id, to, now).await?;
            if user.activated_at.is_some() {
                seats::start_billing(tx, id, to, BillingReason::ConvertedToMember, now).await?;
            }
        }
    }
    audit::record(
        tx,
        AuditAction::AccountTypeChanged,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            target_user_id: Some(id),
            target_email: user.email.clone(),
            details: serde_json::json!({
                "from": user.account_type.as_str(),
                "to": to.as_str(),
                "removed": removed.iter().map(|(g, r)| (g, r.as_str())).collect::<Vec<_>>(),
            })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    Ok(Change::Converted(removed))
}
