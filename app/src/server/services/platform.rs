//! The platform's settings: today its default language. Platform admins
//! read and change them (`policy::may_manage_platform_settings`).

use crate::contracts::settings::{PlatformSettings, PlatformSettingsInput};
use crate::domain::policy;
use crate::i18n::{Lang, Msg};
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::state::AppState;
use crate::server::store::{Conn, audit, settings};

/// The stored default language; French when unset. A stored code the
/// code does not know is an error, never a silent default.
async fn stored_default(conn: &mut Conn) -> AppResult<Lang> {
    match settings::get(conn, settings::DEFAULT_LANGUAGE).await? {
        None => Ok(Lang::default()),
        Some(code) => Lang::decode(&code)
            .ok_or_else(|| AppError::internal(format!("unknown stored language {code:?}"))),
    }
}

/// Reads the default language into the state (at start and every minute,
/// so every instance follows a change made on another).
pub async fn load_default_language(state: &AppState) -> AppResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    state.set_default_lang(stored_default(&mut conn).await?);
    Ok(())
}

#[tracing::instrument(name = "platform::settings", skip_all, fields(actor = %me.user.id))]
pub async fn get(state: &AppState, me: &CurrentUser) -> AppResult<PlatformSettings> {
    if !policy::may_manage_platform_settings(&me.actor) {
        return Err(AppError::Forbidden);
    }
    let mut conn = state.db.pool.acquire().await?;
    Ok(PlatformSettings {
        default_language: stored_default(&mut conn).await?,
    })
}

#[tracing::instrument(name = "platform::update", skip_all, fields(actor = %me.user.id))]
pub async fn update(
    state: &AppState,
    me: &CurrentUser,
    input: PlatformSettingsInput,
) -> AppResult<()> {
    if !policy::may_manage_platform_settings(&me.actor) {
        return Err(AppError::Forbidden);
    }
    let lang =
        Lang::parse(&input.default_language).ok_or(AppError::Invalid(Msg::ErrUnknownLanguage))?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let before = stored_default(&mut tx).await?;
    settings::set(&mut tx, settings::DEFAULT_LANGUAGE, lang.code()).await?;
    audit::record(
        &mut tx,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            action: "platform.default_language_set",
            details: serde_json::json!({ "from": before.code(), "to": lang.code() }).to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    state.set_default_lang(lang);
    Ok(())
}
