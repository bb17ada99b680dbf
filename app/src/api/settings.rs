//! The platform's settings (platform admins).

use super::{Answer, ApiError};
pub use crate::contracts::settings::*;
use leptos::prelude::*;

#[server(endpoint = "settings/platform", output = Answer)]
pub async fn get_platform_settings() -> Result<PlatformSettings, ApiError> {
    use crate::server::{context, services::platform};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(platform::get(&state, &me).await?)
}

#[server(endpoint = "settings/platform/update", output = Answer)]
pub async fn update_platform_settings(input: PlatformSettingsInput) -> Result<(), ApiError> {
    use crate::server::{context, services::platform};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(platform::update(&state, &me, input).await?)
}
