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
use crate::domain::{AccountType, GroupId, GroupRole, UserId, policy};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::services::{profiles, seats};
use crate::server::state::AppState;
use crate::server::store::{audit, memberships, users};

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
    if !policy::may_change_grants_of(&me.actor, id) {
        return Err(AppError::Invalid(Msg::ErrOwnAccountType));
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let user = profiles::managed_user(&mut tx, me, id).await?;
    let name = user.display_name();
    if user.account_type == to {
        return Ok((
            name,
            ConvertOutcome::Converted {
                to,
                removed: Vec::new(),
            },
        ));
    }
    let Directory { tree, names, .. } = Directory::load(&mut tx).await?;
    let mut removed: Vec<(GroupId, GroupRole)> = Vec::new();
    match to {
        AccountType::Guest => {
            if !policy::may_be_platform_admin(to) && user.platform_admin {
                return Err(AppError::Invalid(Msg::ErrGuestNotPlatformAdmin));
            }
            let held = memberships::roles_of_user(&mut tx, id).await?;
            let blocking: Vec<(GroupId, GroupRole)> = held
                .into_iter()
                .filter(|&(_, r)| !policy::may_hold(to, r))
                .collect();
            let said = |grants: &[(GroupId, GroupRole)]| -> Vec<BlockingRole> {
                grants
                    .iter()
                    .map(|&(g, role)| BlockingRole {
                        group: directory::path(&tree, &names, g),
                        role,
                    })
                    .collect()
            };
            if !blocking.is_empty() && !remove_roles {
                return Ok((
                    name,
                    ConvertOutcome::Blocked {
                        roles: said(&blocking),
                    },
                ));
            }
            for &(group, role) in &blocking {
                if !policy::may_grant(&me.actor, &tree, group, role) {
                    return Err(AppError::Forbidden);
                }
                memberships::revoke(&mut tx, id, group, role).await?;
            }
            users::set_account_type(&mut tx, id, to, now).await?;
            users::record_billing_stop(
                &mut tx,
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
            users::set_account_type(&mut tx, id, to, now).await?;
            if user.activated_at.is_some() {
                seats::start_billing(&mut tx, id, to, BillingReason::ConvertedToMember, now)
                    .await?;
            }
        }
    }
    audit::record(
        &mut tx,
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
    tx.commit().await?;
    let removed = removed
        .iter()
        .map(|&(g, role)| BlockingRole {
            group: directory::path(&tree, &names, g),
            role,
        })
        .collect();
    Ok((name, ConvertOutcome::Converted { to, removed }))
}
