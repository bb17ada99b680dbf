use super::ApiError;
pub use crate::contracts::auth::*;
use leptos::prelude::*;

#[server(endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    use crate::server::{context, services::groups};
    let Some(current) = context::current_user().await? else {
        return Ok(None);
    };
    let state = context::state()?;
    let manages_users = groups::administers_any(&state, &current).await?;
    let dev_mailbox = current.user.platform_admin && state.config.smtp_url.is_none();
    let user = current.user;
    let display_name = user.display_name();
    Ok(Some(Me {
        id: user.id,
        initials: initials(&user.first_name, &user.last_name, &display_name),
        display_name,
        email: user.email,
        platform_admin: user.platform_admin,
        manages_users,
        dev_mailbox,
        lang: crate::i18n::Lang::parse(&user.language).unwrap_or_default(),
    }))
}

/// Signs in with an e-mail address or a login name; on success the session
/// cookie is set, the UI switches to the user's language and the browser
/// goes home.
#[server(endpoint = "auth/login")]
pub async fn login(identifier: String, password: String) -> Result<(), ApiError> {
    use crate::server::context;
    use crate::server::services::auth;
    let state = context::state()?;
    let address = context::client_address();
    let signed_in = auth::login(&state, &identifier, password, address.as_deref()).await?;
    context::signed_in(&state, &signed_in);
    Ok(())
}

#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), ApiError> {
    use crate::server::auth::cookie;
    use crate::server::context;
    use crate::server::services::auth;
    let state = context::state()?;
    if let Some(token) = context::session_token() {
        auth::logout(&state, &token).await?;
    }
    context::set_cookie(&cookie::clear_session(state.config.secure_cookies()));
    leptos_axum::redirect("/login");
    Ok(())
}

/// Switches the UI language; for a signed-in user it also becomes the
/// language of their mails.
#[server(endpoint = "prefs/language")]
pub async fn set_language(lang: String) -> Result<(), ApiError> {
    use crate::server::auth::cookie;
    use crate::server::context;
    use crate::server::services::auth;
    let lang = crate::i18n::Lang::parse(&lang).ok_or(ApiError::NotFound)?;
    let state = context::state()?;
    if let Some(current) = context::current_user().await? {
        auth::set_language(&state, current.user.id, lang).await?;
    }
    context::set_cookie(&cookie::language(
        lang.code(),
        state.config.secure_cookies(),
    ));
    Ok(())
}
