//! The platform's settings: its default language, seat limit and time
//! zone. Platform admins
//! read and change them (`policy::may_manage_platform_settings`).

use crate::contracts::accounts::checked;
use crate::contracts::settings::{PlatformSettings, PlatformSettingsInput};
use crate::domain::audit::AuditAction;
use crate::domain::policy;
use crate::i18n::{Lang, Msg};
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::seats as seat_service;
use crate::server::state::AppState;
use crate::server::store::{Conn, audit, seats, settings};
use crate::server::tz;

/// The largest seat limit accepted: beyond, a typo rather than a contract.
const MAX_SEAT_LIMIT: i64 = 100_000_000;

/// The seat limit as typed: empty is unlimited, else a whole number from 0.
fn parse_seat_limit(typed: Option<&str>) -> AppResult<Option<i64>> {
    let typed = typed
        .unwrap_or("")
        .trim()
        .replace([' ', '\u{a0}', '\u{202f}'], "");
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<i64>() {
        Ok(n) if (0..=MAX_SEAT_LIMIT).contains(&n) => Ok(Some(n)),
        _ => Err(AppError::Invalid(Msg::ErrSeatLimitInvalid)),
    }
}

/// The stored default language; French when unset. A stored code the
/// code does not know is an error, never a silent default.
async fn stored_default(conn: &mut Conn) -> AppResult<Lang> {
    match settings::get(conn, settings::DEFAULT_LANGUAGE).await? {
        None => Ok(Lang::default()),
        Some(code) => Lang::decode(&code)
            .ok_or_else(|| AppError::internal(format!("unknown stored language {code:?}"))),
    }
}

/// The platform's time zone, by name; the default when unset or no longer
/// in the zone database.
pub async fn zone(conn: &mut Conn) -> AppResult<(String, jiff::tz::TimeZone)> {
    if let Some(name) = settings::get(conn, settings::TIME_ZONE).await?
        && let Some(zone) = tz::zone(&name)
    {
        return Ok((name, zone));
    }
    let zone = tz::zone(tz::DEFAULT_ZONE)
        .ok_or_else(|| AppError::internal("the bundled zone database lacks the default zone"))?;
    Ok((tz::DEFAULT_ZONE.to_owned(), zone))
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
        seats: seat_service::usage(&mut conn).await?,
        time_zone: zone(&mut conn).await?.0,
        time_zones: tz::names(),
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
    // A form without the field (an older client, a script setting only
    // the language) leaves the limit as it is; an empty one lifts it.
    let limit = checked(&input.seat_limit_given)
        .then(|| parse_seat_limit(input.seat_limit.as_deref()))
        .transpose()?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let before = stored_default(&mut tx).await?;
    if before != lang {
        settings::set(&mut tx, settings::DEFAULT_LANGUAGE, lang.code()).await?;
        audit::record(
            &mut tx,
            AuditAction::PlatformDefaultLanguageSet,
            audit::Entry {
                actor_user_id: Some(me.user.id),
                details: serde_json::json!({ "from": before.code(), "to": lang.code() })
                    .to_string(),
                ..Default::default()
            },
            now,
        )
        .await?;
    }
    if let Some(typed) = input.time_zone.as_deref() {
        let typed = typed.trim();
        if tz::zone(typed).is_none() {
            return Err(AppError::Invalid(Msg::ErrTimeZoneUnknown));
        }
        let (zone_before, _) = zone(&mut tx).await?;
        if zone_before != typed {
            settings::set(&mut tx, settings::TIME_ZONE, typed).await?;
            audit::record(
                &mut tx,
                AuditAction::PlatformTimeZoneSet,
                audit::Entry {
                    actor_user_id: Some(me.user.id),
                    details: serde_json::json!({ "from": zone_before, "to": typed }).to_string(),
                    ..Default::default()
                },
                now,
            )
            .await?;
        }
    }
    let limit_before = seats::limit(&mut tx).await?;
    let limit = limit.unwrap_or(limit_before);
    if limit_before != limit {
        seats::set_limit(&mut tx, limit).await?;
        audit::record(
            &mut tx,
            AuditAction::PlatformSeatLimitSet,
            audit::Entry {
                actor_user_id: Some(me.user.id),
                details: serde_json::json!({ "from": limit_before, "to": limit }).to_string(),
                ..Default::default()
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    state.set_default_lang(lang);
    // A raised (or lifted) limit lets the invitees waiting for a seat in.
    let raised = match (limit_before, limit) {
        (Some(_), None) => true,
        (Some(before), Some(after)) => after > before,
        _ => false,
    };
    if raised && let Err(e) = seat_service::activate_waiting(state).await {
        tracing::warn!(error = %e, "waiting invitees not activated after the limit was raised");
    }
    Ok(())
}
