//! `Créer un compte`, the set-password link, the user's page, and the
//! custom fields settings.

// A form's fields are a server function's arguments: `CRÉER COMPTE` has many.
#![allow(clippy::too_many_arguments)]

use std::collections::HashMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::custom_field::FieldDef;
use crate::domain::{AccountType, GroupRole};
use crate::i18n::Lang;

/// A group the admin may put the new account in, as the chooser shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupChoice {
    pub id: i64,
    /// `Acme › Ventes › Paris`.
    pub path: String,
    /// 0 for a top-level group.
    pub depth: usize,
    /// The roles the admin may grant there.
    pub grantable: Vec<GroupRole>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatePanel {
    pub group_id: i64,
    pub group_name: String,
    /// Tree order (each group after its parent).
    pub groups: Vec<GroupChoice>,
    /// Roles grantable in at least one of those groups.
    pub roles: Vec<GroupRole>,
    pub custom_fields: Vec<FieldDef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreateOutcome {
    Created {
        user_id: i64,
        name: String,
        /// What they sign in with: the address or the login name.
        login: String,
        /// Shown once to the admin (a typed password is never echoed).
        generated_password: Option<String>,
        credentials_mailed: bool,
    },
    /// The address belongs to an account: nothing was created. The
    /// account (id, name) is named only to an admin who reaches it.
    ExistingAccount { account: Option<(i64, String)> },
    /// The address has a pending invitation: nothing was created yet. With
    /// its id (the admin may act on the whole invitation), they may create
    /// anyway (the invitation is used up) or re-send it; without, they may
    /// only add their groups and roles to it.
    PendingInvitation {
        invitation_id: Option<i64>,
        email: String,
    },
    /// The groups and roles of the form were added to the pending
    /// invitation of this address, which was sent again.
    AddedToInvitation { email: String },
}

/// The set-password page's view of a live link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetPasswordView {
    pub login: String,
    pub name: String,
    pub language: Lang,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserProfile {
    pub id: i64,
    pub name: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub account_type: AccountType,
    pub platform_admin: bool,
    pub activated_at: Option<i64>,
    pub deletion_at: Option<i64>,
    pub created_at: i64,
    pub extra_info: String,
    pub language: Lang,
    /// (group id, path, roles there), in path order.
    pub groups: Vec<(i64, String, Vec<GroupRole>)>,
    pub custom_fields: Vec<FieldDef>,
    /// Field id → value held.
    pub custom_values: HashMap<i64, String>,
    /// False while a set-password link waits to be used.
    pub has_password: bool,
    /// Whether the viewer reaches the whole account (`policy::account_reach`):
    /// otherwise only the memberships in their own groups are shown, and
    /// the account-level fields are neither shown nor editable.
    pub whole_account: bool,
}

/// Empty strings and absent checkboxes mean "no".
pub fn checked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty())
}

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
        language: Lang::parse(&language).unwrap_or_default(),
        deletion_at: forms::optional_date(deletion_date.as_deref())?,
        account_type: AccountType::parse(&account_type).unwrap_or(AccountType::Member),
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
pub async fn create_custom_field(
    key: String,
    label_fr: String,
    label_en: String,
    field_type: String,
    choices: Option<String>,
    required: Option<String>,
) -> Result<i64, ApiError> {
    use crate::server::context;
    use crate::server::services::custom_fields::{self, FieldInput};
    let state = context::state()?;
    let me = context::require_user().await?;
    let input = FieldInput {
        key,
        label_fr,
        label_en,
        field_type,
        choices: choices.unwrap_or_default(),
        required: checked(&required),
    };
    Ok(custom_fields::create(&state, &me, input).await?)
}

#[server(endpoint = "custom-fields/delete")]
pub async fn delete_custom_field(id: i64) -> Result<(), ApiError> {
    use crate::server::{context, services::custom_fields};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(custom_fields::delete(&state, &me, id).await?)
}
