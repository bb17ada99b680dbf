//! `Créer un compte`, the set-password link, the user's page (and its
//! `Ajouter à des groupes`), and the custom fields settings.

use super::{Answer, ApiError};
pub use crate::contracts::accounts::*;
use crate::domain::custom_field::FieldDef;
use crate::domain::{FieldId, GroupId, UserId};
use leptos::prelude::*;

#[server(endpoint = "accounts/panel", output = Answer)]
pub async fn get_create_panel(group_id: GroupId) -> Result<CreatePanel, ApiError> {
    use crate::server::{context, services::panels};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(panels::create_panel(&state, &me, group_id, &context::directory()).await?)
}

/// `CRÉER COMPTE`: the form is `input` (`CreateAccountInput`), custom
/// field values included (`input[custom][<key>]`).
#[server(endpoint = "accounts/create", output = Answer)]
pub async fn create_account(input: CreateAccountInput) -> Result<CreateOutcome, ApiError> {
    use crate::server::{context, services::accounts};
    let state = context::state()?;
    let me = context::require_user().await?;
    let request = input.into_request()?;
    Ok(accounts::create(&state, &me, request).await?)
}

#[server(endpoint = "password-link/open", output = Answer)]
pub async fn get_password_link(token: String) -> Result<SetPasswordView, ApiError> {
    use crate::server::{context, services::password_links};
    let state = context::state()?;
    Ok(password_links::open(&state, &token).await?)
}

/// The set-password form: sets the password, signs in, goes home.
#[server(endpoint = "password-link/set", output = Answer)]
pub async fn set_password(input: SetPasswordInput) -> Result<(), ApiError> {
    use crate::server::{context, services::password_links};
    let state = context::state()?;
    let signed_in =
        password_links::set(&state, &input.token, input.password, input.password_confirm).await?;
    context::signed_in(&state, &signed_in);
    Ok(())
}

#[server(endpoint = "password-link/resend", output = Answer)]
pub async fn resend_password_link(user_id: UserId) -> Result<(), ApiError> {
    use crate::server::{context, services::password_links};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(password_links::resend(&state, &me, user_id).await?)
}

#[server(endpoint = "users/profile", output = Answer)]
pub async fn get_user_profile(user_id: UserId) -> Result<UserProfile, ApiError> {
    use crate::server::{context, services::profiles};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(profiles::profile(&state, &me, user_id, &context::directory()).await?)
}

/// The profile's editable part: extra information, deletion date and custom
/// field values.
#[server(endpoint = "users/update", output = Answer)]
pub async fn update_user_profile(input: ProfileInput) -> Result<(), ApiError> {
    use crate::server::{context, services::profiles};
    let state = context::state()?;
    let me = context::require_user().await?;
    let user_id = input.user_id;
    Ok(profiles::update(&state, &me, user_id, input.into_update()?).await?)
}

/// The user's page `AJOUTER`: every ticked role in every chosen group;
/// answers what is new for the person, group by group.
#[server(endpoint = "users/add-to-groups", output = Answer)]
pub async fn add_to_groups(input: AddToGroupsInput) -> Result<Vec<AddedGroup>, ApiError> {
    use crate::server::{context, services::memberships};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(memberships::add_to_groups(&state, &me, input.into_request()).await?)
}

/// `Passer en membre` / `Passer en invité`: one account (the user's page)
/// or a selection (the members list); one line per account.
#[server(endpoint = "users/convert-type", output = Answer)]
pub async fn convert_account_type(input: ConvertInput) -> Result<Vec<ConvertLine>, ApiError> {
    use crate::server::{context, services::account_type};
    let state = context::state()?;
    let me = context::require_user().await?;
    let (ids, to, remove_roles) = input.into_request()?;
    Ok(account_type::convert(&state, &me, &ids, to, remove_roles).await?)
}

#[server(endpoint = "custom-fields/list", output = Answer)]
pub async fn get_custom_fields() -> Result<Vec<FieldDef>, ApiError> {
    use crate::server::{context, services::custom_fields};
    let state = context::state()?;
    context::require_user().await?;
    Ok(custom_fields::list(&state).await?)
}

#[server(endpoint = "custom-fields/create", output = Answer)]
pub async fn create_custom_field(input: CustomFieldInput) -> Result<FieldId, ApiError> {
    use crate::server::{context, services::custom_fields};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(custom_fields::create(&state, &me, input).await?)
}

#[server(endpoint = "custom-fields/delete", output = Answer)]
pub async fn delete_custom_field(id: FieldId) -> Result<(), ApiError> {
    use crate::server::{context, services::custom_fields};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(custom_fields::delete(&state, &me, id).await?)
}
