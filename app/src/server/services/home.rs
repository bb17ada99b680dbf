//! The signed-in person's own home: what they belong to and who they are.
//! Everyone may see their own; nothing here reaches anyone else's data.

use crate::contracts::auth::MyHome;
use crate::server::error::AppResult;
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory;
use crate::server::state::AppState;

#[tracing::instrument(name = "home::mine", skip_all, fields(user = %me.user.id))]
pub async fn mine(
    state: &AppState,
    me: &CurrentUser,
    directory: &directory::Shared,
) -> AppResult<MyHome> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    // The roles already loaded with the session are the ones held now.
    let groups =
        directory::groups_with_roles(&dir.tree, &dir.names, me.actor.roles.iter().copied());
    let user = &me.user;
    Ok(MyHome {
        first_name: user.first_name.clone(),
        display_name: user.display_name(),
        email: user.email.clone(),
        login_name: user.login_name.clone(),
        language: user.language,
        groups,
    })
}
