//! What the `+ → Utilisateur` panels offer the current admin.

use crate::api::invitations::InvitePanel;
use crate::domain::{GroupId, policy};
use crate::server::error::AppResult;
use crate::server::services::auth::CurrentUser;
use crate::server::state::AppState;
use crate::server::store::groups;

pub async fn invite_panel(
    state: &AppState,
    me: &CurrentUser,
    group_id: i64,
) -> AppResult<InvitePanel> {
    let mut conn = state.db.pool.acquire().await?;
    let all = groups::all(&mut conn).await?;
    let tree = groups::tree(&all);
    let group = GroupId(group_id);
    super::groups::require_user_manager(me, &tree, group_id)?;
    let name = all
        .iter()
        .find(|g| g.id == group_id)
        .map(|g| g.name.clone())
        .unwrap_or_default();
    Ok(InvitePanel {
        group_id,
        group_name: name,
        grantable_roles: policy::grantable_roles(&me.actor, &tree, group),
        may_grant_platform_admin: policy::may_grant_platform_admin(&me.actor),
        custom_fields: crate::server::store::custom_fields::list(&mut conn).await?,
    })
}
