use super::{Answer, ApiError};
pub use crate::contracts::groups::*;
use crate::domain::GroupId;
use leptos::prelude::*;

#[server(endpoint = "groups/sidebar", output = Answer)]
pub async fn get_sidebar() -> Result<Sidebar, ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(groups::sidebar(&state, &me, &context::directory()).await?)
}

/// A group's page, with one page of its members (`page` from 1; the
/// first when not given).
#[server(endpoint = "groups/page", output = Answer)]
pub async fn get_group_page(id: GroupId, page: Option<i64>) -> Result<GroupPage, ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    let page = page.unwrap_or(1);
    Ok(groups::page(&state, &me, id, page, &context::directory()).await?)
}

/// Creates a group, then goes to its page.
#[server(endpoint = "groups/create", output = Answer)]
pub async fn create_group(input: CreateGroupInput) -> Result<GroupId, ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    let id = groups::create(&state, &me, input.parse()?).await?;
    leptos_axum::redirect(&format!("/groups/{id}"));
    Ok(id)
}

/// Renames, moves (new parent) and changes visibility in one go.
#[server(endpoint = "groups/update", output = Answer)]
pub async fn update_group(input: UpdateGroupInput) -> Result<(), ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    groups::update(&state, &me, input.id, input.parse()?).await?;
    Ok(())
}

#[server(endpoint = "groups/delete", output = Answer)]
pub async fn delete_group(id: GroupId) -> Result<(), ApiError> {
    use crate::server::{context, services::groups};
    let state = context::state()?;
    let me = context::require_user().await?;
    groups::delete(&state, &me, id).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Sets a member's roles in a group to the ticked ones; none ticked
/// removes them from the group.
#[server(endpoint = "groups/member-roles", output = Answer)]
pub async fn set_member_roles(input: MemberRolesInput) -> Result<(), ApiError> {
    use crate::server::{context, services::members};
    let state = context::state()?;
    let me = context::require_user().await?;
    let roles = input.roles.ticked();
    members::set_roles(&state, &me, input.group_id, input.user_id, roles).await?;
    Ok(())
}

#[server(endpoint = "groups/member-remove", output = Answer)]
pub async fn remove_member(input: MemberInput) -> Result<(), ApiError> {
    use crate::server::{context, services::members};
    let state = context::state()?;
    let me = context::require_user().await?;
    members::remove(&state, &me, input.group_id, input.user_id).await?;
    Ok(())
}
