//! `Créer un compte`, the set-password link, the user's page, and the
//! custom fields settings.

// A form's fields are a server function's arguments: `CRÉER COMPTE` has many.
#![allow(clippy::too_many_arguments)]

use super::ApiError;
pub use crate::contracts::accounts::*;
use crate::domain::custom_field::FieldDef;
use leptos::prelude::*;
use std::collections::HashMap;

#[server(endpoint = "accounts/panel")]
pub async fn get_create_panel(group_id: i64) -> Result<CreatePanel, ApiError> {
    use crate::server::{context, services::panels};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(panels::create_panel(&state, &me, group_id).await?)
}

/// `CRÉER COMPTE`. Groups arrive as `groups[<id>]=on` (the chooser's
/// checkboxes), custom values as `custom[<key>]=value`; `if_invited=create`
/// creates the account even though the address has a pending invitation,
/// `if_invited=add` adds the form's groups and roles to that invitation.
#[server(endpoint = "accounts/create")]
pub async fn create_account(
    group_id: i64,
    first_name: String,
    last_name: String,
    email: Option<String>,
    no_email: Option<String>,
    login_name: Option<String>,
    password: Option<String>,
    password_confirm: Option<String>,
    send_credentials: Option<String>,
    groups: Option<HashMap<String, String>>,
    role_group_admin: Option<String>,
    role_user_admin: Option<String>,
    role_trainer: Option<String>,
    role_learner: Option<String>,
    extra_info: Option<String>,
    language: String,
    deletion_date: Option<String>,
    account_type: String,
    custom: Option<HashMap<String, String>>,
    if_invited: Option<String>,
) -> Result<CreateOutcome, ApiError> {
    use crate::server::services::accounts::{self, CreateRequest, IfInvited};
    use crate::server::{context, forms};
    let state = context::state()?;
    let me = context::require_user().await?;
    let mut group_ids: Vec<i64> = groups
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .filter_map(|(k, _)| k.parse().ok())
        .collect();
    group_ids.sort_unstable();
    let req = CreateRequest {
        origin_group: group_id,
        first_name,
        last_name,
        email: email.unwrap_or_default(),
        no_email: checked(&no_email),
        login_name: login_name.unwrap_or_default(),
        password: password.unwrap_or_default(),
        password_confirm: password_confirm.unwrap_or_default(),
        send_credentials: checked(&send_credentials),
        group_ids,
        roles: forms::checked_roles(
            role_group_admin,
            role_user_admin,
            role_trainer,
            role_learner,
        ),
        extra_info: extra_info.unwrap_or_default(),
        language: crate::i18n::Lang::parse(&language).unwrap_or_default(),
        deletion_at: forms::optional_date(deletion_date.as_deref())?,
        account_type: crate::domain::AccountType::parse(&account_type)
            .unwrap_or(crate::domain::AccountType::Member),
        custom: custom.unwrap_or_default(),
        if_invited: match if_invited.as_deref() {
            Some("create") => IfInvited::Create,
            Some("add") => IfInvited::AddGrants,
            _ => IfInvited::Ask,
        },
    };
    Ok(accounts::create(&state, &me, req).await?)
}

#[server(endpoint = "password-link/open")]
pub async fn get_password_link(token: String) -> Result<SetPasswordView, ApiError> {
    use crate::server::{context, services::password_links};
    let state = context::state()?;
    Ok(password_links::open(&state, &token).await?)
}

/// The set-password form: sets the password, signs in, goes home.
#[server(endpoint = "password-link/set")]
pub async fn set_password(
    token: String,
    password: String,
    password_confirm: String,
) -> Result<(), ApiError> {
    use crate::server::context;
    use crate::server::services::password_links;
    let state = context::state()?;
    let signed_in = password_links::set(&state, &token, password, password_confirm).await?;
    context::signed_in(&state, &signed_in);
    Ok(())
}

#[server(endpoint = "password-link/resend")]
pub async fn resend_password_link(user_id: i64) -> Result<(), ApiError> {
    use crate::server::{context, services::password_links};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(password_links::resend(&state, &me, user_id).await?)
}

#[server(endpoint = "users/profile")]
pub async fn get_user_profile(user_id: i64) -> Result<UserProfile, ApiError> {
    use crate::server::{context, services::profiles};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(profiles::profile(&state, &me, user_id).await?)
}

/// The profile's editable part: extra information, deletion date, custom
/// field values.
#[server(endpoint = "users/update")]
pub async fn update_user_profile(
    user_id: i64,
    extra_info: Option<String>,
    deletion_date: Option<String>,
    custom: Option<HashMap<String, String>>,
) -> Result<(), ApiError> {
    use crate::server::services::profiles::{self, ProfileUpdate};
    use crate::server::{context, forms};
    let state = context::state()?;
    let me = context::require_user().await?;
    let update = ProfileUpdate {
        extra_info: extra_info.unwrap_or_default(),
        deletion_at: forms::optional_date(deletion_date.as_deref())?,
        custom: custom.unwrap_or_default(),
    };
    Ok(profiles::update(&state, &me, user_id, update).await?)
}

#[server(endpoint = "custom-fields/list")]
pub async fn get_custom_fields() -> Result<Vec<FieldDef>, ApiError> {
    use crate::server::{context, services::custom_fields};
    let state = context::state()?;
    context::require_user().await?;
    Ok(custom_fields::list(&state).await?)
}

#[server(endpoint = "custom-fields/create")]
pub async fn create_custom_field(input: CustomFieldInput) -> Result<i64, ApiError> {
    use crate::server::{context, services::custom_fields};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(custom_fields::create(&state, &me, input).await?)
}

#[server(endpoint = "custom-fields/delete")]
pub async fn delete_custom_field(id: i64) -> Result<(), ApiError> {
    use crate::server::{context, services::custom_fields};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(custom_fields::delete(&state, &me, id).await?)
}
