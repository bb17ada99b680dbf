//! The user's page: who they are, where they are, the values of the custom
//! fields and the automatic deletion date — and who may see and edit it.

use crate::domain::audit::AuditAction;
use std::collections::HashMap;

use crate::contracts::accounts::UserProfile;
use crate::domain::policy::AccountReach;
use crate::domain::{UserId, policy};
use crate::i18n::Msg;
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::services::{custom_fields, panels};
use crate::server::state::AppState;
use crate::server::store::users::UserRecord;
use crate::server::store::{Conn, audit, custom_fields as field_store, memberships, users};

/// The account and how far `me` reaches it (`policy::account_reach`):
/// platform admins reach everybody; group and user admins reach the
/// memberships in their groups, and the whole account only when every
/// membership is theirs to give. Anyone else gets `NotFound`, as for a
/// missing account.
pub async fn reached_user(
    conn: &mut Conn,
    me: &CurrentUser,
    account: UserId,
) -> AppResult<(UserRecord, AccountReach)> {
    let user_id = account;
    let user = users::by_id(conn, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let tree = Directory::load(conn).await?.tree;
    let roles = memberships::roles_of_user(conn, user_id).await?;
    match policy::account_reach(&me.actor, &tree, user.id, user.platform_admin, &roles) {
        AccountReach::None => Err(AppError::NotFound),
        reach => Ok((user, reach)),
    }
}

/// The account, for an account-level action (deletion date, names, type,
/// custom fields, set-password link): `me` must reach the whole account.
/// One they only share a group with is `Forbidden`.
pub async fn managed_user(
    conn: &mut Conn,
    me: &CurrentUser,
    account: UserId,
) -> AppResult<UserRecord> {
    match reached_user(conn, me, account).await? {
        (user, AccountReach::Account) => Ok(user),
        _ => Err(AppError::Forbidden),
    }
}

#[tracing::instrument(
    name = "profiles::profile",
    skip_all,
    fields(actor = %me.user.id, user = %account)
)]
pub async fn profile(
    state: &AppState,
    me: &CurrentUser,
    account: UserId,
    directory: &directory::Shared,
) -> AppResult<UserProfile> {
    let user_id = account;
    let mut conn = state.db.pool.acquire().await?;
    let (user, reach) = reached_user(&mut conn, me, account).await?;
    let whole = reach == AccountReach::Account;
    let dir = directory.get(&mut conn).await?;
    let (tree, names) = (&dir.tree, &dir.names);
    let held = memberships::roles_of_user(&mut conn, user_id).await?;
    // An admin who shares only some groups with the person sees those.
    let shown = held
        .into_iter()
        .filter(|(g, _)| whole || policy::may_manage_users(&me.actor, tree, *g));
    let groups = directory::groups_with_roles(tree, names, shown);
    // Where the viewer may add the person: the create panel's chooser,
    // never for their own account.
    let addable_groups = if policy::may_change_grants_of(&me.actor, user.id) {
        panels::choosable_groups(me, tree, names)
    } else {
        Vec::new()
    };
    let addable_roles = panels::offered_roles(&addable_groups);
    Ok(UserProfile {
        id: user.id,
        name: user.display_name(),
        first_name: user.first_name.clone(),
        last_name: user.last_name.clone(),
        email: user.email.clone(),
        login_name: user.login_name.clone(),
        account_type: user.account_type,
        platform_admin: user.platform_admin,
        activated_at: user.activated_at,
        deletion_at: user.deletion_at,
        created_at: user.created_at,
        extra_info: if whole {
            users::extra_info(&mut conn, user_id).await?
        } else {
            String::new()
        },
        language: user.language,
        groups,
        custom_fields: field_store::list(&mut conn).await?,
        custom_values: if whole {
            field_store::user_values(&mut conn, user_id)
                .await?
                .into_iter()
                .collect()
        } else {
            HashMap::new()
        },
        has_password: user.password_hash.is_some(),
        whole_account: whole,
        may_convert: whole && policy::may_change_grants_of(&me.actor, user.id),
        addable_groups,
        addable_roles,
    })
}

#[derive(Clone, Debug, Default)]
pub struct ProfileUpdate {
    pub extra_info: String,
    pub deletion_at: Option<i64>,
    pub custom: HashMap<String, String>,
}

#[tracing::instrument(
    name = "profiles::update",
    skip_all,
    fields(actor = %me.user.id, user = %account)
)]
pub async fn update(
    state: &AppState,
    me: &CurrentUser,
    account: UserId,
    update: ProfileUpdate,
) -> AppResult<()> {
    let user_id = account;
    let now = state.now();
    if update.deletion_at.is_some_and(|at| at <= now) {
        return Err(AppError::Invalid(Msg::ErrDeletionInPast));
    }
    if update.extra_info.chars().count() > 2_000 {
        return Err(AppError::Invalid(Msg::ErrExtraInfoTooLong));
    }
    let mut tx = state.db.begin().await?;
    // Account-level: `account_reach` never gives a non-platform admin
    // their own account, so nobody but a platform admin schedules their
    // own deletion.
    managed_user(&mut tx, me, account).await?;
    let defs = field_store::list(&mut tx).await?;
    let values = custom_fields::check(&defs, &update.custom)?;
    users::set_extras(
        &mut tx,
        user_id,
        update.extra_info.trim(),
        update.deletion_at,
        now,
    )
    .await?;
    field_store::set_user_values(&mut tx, user_id, &values).await?;
    audit::record(
        &mut tx,
        AuditAction::AccountUpdated,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            target_user_id: Some(user_id),
            details: serde_json::json!({ "deletion_at": update.deletion_at }).to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
