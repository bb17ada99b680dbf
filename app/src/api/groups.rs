use super::ApiError;
pub use crate::contracts::groups::*;
use leptos::prelude::*;

#[server(endpoint = "groups/sidebar")]
pub async fn get_sidebar() -> Result<Sidebar, ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(groups::sidebar(&state, &me).await?)
}

#[server(endpoint = "groups/page")]
pub async fn get_group_page(id: i64) -> Result<GroupPage, ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(groups::page(&state, &me, id).await?)
}

/// `parent` is a group id, or empty for a top-level group.
#[server(endpoint = "groups/create")]
pub async fn create_group(
    name: String,
    parent: String,
    visibility: String,
) -> Result<i64, ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    let input = groups::GroupInput::parse(&name, &parent, &visibility)?;
    let id = groups::create(&state, &me, input).await?;
    leptos_axum::redirect(&format!("/groups/{id}"));
    Ok(id)
}

/// Renames, moves (new parent) and changes visibility in one go.
#[server(endpoint = "groups/update")]
pub async fn update_group(
    id: i64,
    name: String,
    parent: String,
    visibility: String,
) -> Result<(), ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    let input = groups::GroupInput::parse(&name, &parent, &visibility)?;
    groups::update(&state, &me, id, input).await?;
    Ok(())
}

#[server(endpoint = "groups/delete")]
pub async fn delete_group(id: i64) -> Result<(), ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    groups::delete(&state, &me, id).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Sets a member's roles in a group to the ticked ones; none ticked
/// removes them from the group.
#[server(endpoint = "groups/member-roles")]
pub async fn set_member_roles(
    group_id: i64,
    user_id: i64,
    role_group_admin: Option<String>,
    role_user_admin: Option<String>,
    role_trainer: Option<String>,
    role_learner: Option<String>,
) -> Result<(), ApiError> {
    use crate::server::{context, forms, services::members};
    let state = context::state()?;
    let me = context::require_user().await?;
    let roles = forms::checked_roles(
        role_group_admin,
        role_user_admin,
        role_trainer,
        role_learner,
    );
    members::set_roles(&state, &me, group_id, user_id, roles).await?;
    Ok(())
}

#[server(endpoint = "groups/member-remove")]
pub async fn remove_member(group_id: i64, user_id: i64) -> Result<(), ApiError> {
    use crate::server::{context, services::members};
    let state = context::state()?;
    let me = context::require_user().await?;
    members::remove(&state, &me, group_id, user_id).await?;
    Ok(())
}
