use super::{Answer, ApiError};
pub use crate::contracts::setup::*;
use leptos::prelude::*;

#[server(endpoint = "setup/status", output = Answer)]
pub async fn get_setup_status(token: String) -> Result<SetupStatus, ApiError> {
    use crate::server::{context, services::setup};
    let state = context::state()?;
    Ok(setup::status(&state, &token).await?)
}

/// Creates the first platform admin from the one-time setup link, then
/// signs them in.
#[server(endpoint = "setup/admin", output = Answer)]
pub async fn create_first_admin(input: FirstAdminInput) -> Result<(), ApiError> {
    use crate::server::{context, services::setup};
    let state = context::state()?;
    let (token, admin) = input.into_request(context::request_lang());
    let signed_in = setup::create_first_admin(&state, &token, admin).await?;
    context::signed_in(&state, &signed_in);
    Ok(())
}
