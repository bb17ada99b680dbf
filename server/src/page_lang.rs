//! The language of a page whose visitor has not chosen one: the first-login
//! page (`/invitation?token=…`) speaks the language the admin chose for the
//! invitation. A language the visitor picked with the switch (a cookie)
//! still wins, and so does the page's switch afterwards.

use app::server::AppState;
use app::server::auth::cookie;
use app::server::context::PageLang;
use app::server::services::invitations;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

pub async fn invitation_language(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(token) = invitation_token(&request)
        && let Ok(Some(lang)) = invitations::link_language(&state, &token).await
    {
        request.extensions_mut().insert(PageLang(lang));
    }
    next.run(request).await
}

/// The token of a first-login page request that has no language cookie.
fn invitation_token(request: &Request) -> Option<String> {
    if request.method() != Method::GET
        || request.uri().path() != "/invitation"
        || cookie::read(request.headers(), cookie::LANG_COOKIE).is_some()
    {
        return None;
    }
    url::form_urlencoded::parse(request.uri().query()?.as_bytes())
        .find(|(name, _)| name == "token")
        .map(|(_, token)| token.into_owned())
        .filter(|token| !token.is_empty())
}
