use super::{Answer, ApiError};
pub use crate::contracts::auth::*;
use leptos::prelude::*;

#[server(endpoint = "auth/me", output = Answer)]
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    use crate::server::{context, services::auth};
    let Some(current) = context::current_user().await? else {
        return Ok(None);
    };
    let state = context::state()?;
    Ok(Some(
        auth::me(&state, current, &context::directory()).await?,
    ))
}

/// The signed-in person's own groups and profile (the home of someone who
/// administers nothing).
#[server(endpoint = "auth/home", output = Answer)]
pub async fn get_my_home() -> Result<MyHome, ApiError> {
    use crate::server::{context, services::home};
    let me = context::require_user().await?;
    let state = context::state()?;
    Ok(home::mine(&state, &me, &context::directory()).await?)
}

/// Signs in with an e-mail address or a login name; on success the session
/// cookie is set, the UI switches to the user's language and the browser
/// goes home.
#[server(endpoint = "auth/login", output = Answer)]
pub async fn login(input: LoginInput) -> Result<(), ApiError> {
    use crate::server::{context, services::auth};
    let state = context::state()?;
    let from = context::client_address();
    let signed_in = auth::login(&state, &input.identifier, input.password, from.as_deref())
        .await
        .inspect_err(|_| context::keep_refused_identifier(&state, &input.identifier))?;
    context::forget_refused_identifier(&state);
    context::signed_in(&state, &signed_in);
    Ok(())
}

#[server(endpoint = "auth/logout", output = Answer)]
pub async fn logout() -> Result<(), ApiError> {
    use crate::server::{auth::cookie, context, services::auth};
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
#[server(endpoint = "prefs/language", output = Answer)]
pub async fn set_language(lang: String) -> Result<(), ApiError> {
    use crate::server::{context, services::auth};
    let lang = crate::i18n::Lang::parse(&lang).ok_or(ApiError::NotFound)?;
    let state = context::state()?;
    if let Some(current) = context::current_user().await? {
        auth::set_language(&state, current.user.id, lang).await?;
    }
    context::set_language_cookie(&state, lang);
    Ok(())
}
