//! What a server function needs from the request it serves: the shared
//! state, the caller's session, cookies to set. Server functions call these
//! first and then hand plain values to a service.

use std::sync::Arc;

use axum::extract::ConnectInfo;
use axum::http::header::{ACCEPT_LANGUAGE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use tokio::sync::OnceCell;

use super::auth::cookie;
use super::error::{AppError, AppResult};
use super::services::auth::{self as auth_service, CurrentUser, SESSION_LIFETIME, SignedIn};
use super::services::directory;
use super::state::AppState;
use crate::i18n::Lang;

pub fn state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

pub fn session_token() -> Option<String> {
    parts().and_then(|p| cookie::read(&p.headers, cookie::SESSION_COOKIE))
}

/// What the server functions of one page render would each read again.
/// A page (a GET) calls several — the frame's user, the sidebar, the
/// screen's own data — and each authenticated with queries of its own (the
/// Invitations tab's page made nine). A GET changes nothing, so the
/// caller found once holds for the whole answer. A server function called
/// by the browser is a POST of its own and reads afresh (a sign-in or a
/// sign-out must not answer with what the request began with).
/// The group directory likewise: the sidebar and the screen share one load.
#[derive(Clone)]
pub struct RequestMemo {
    user: Arc<OnceCell<Option<CurrentUser>>>,
    directory: directory::Shared,
}

impl Default for RequestMemo {
    fn default() -> Self {
        RequestMemo {
            user: Arc::default(),
            directory: directory::Shared::once(),
        }
    }
}

/// The memo of this request, when it is a page render (a GET).
fn page_memo() -> Option<RequestMemo> {
    let is_page = parts().is_some_and(|p| p.method == Method::GET);
    use_context::<RequestMemo>().filter(|_| is_page)
}

/// Where the use case takes the group directory from: the page render's
/// shared load, or a fresh one for a server function called on its own.
pub fn directory() -> directory::Shared {
    page_memo().map_or_else(directory::Shared::fresh, |memo| memo.directory)
}

/// The signed-in user, if the session cookie names a live session.
pub async fn current_user() -> AppResult<Option<CurrentUser>> {
    let state = state()?;
    let Some(token) = session_token() else {
        return Ok(None);
    };
    match page_memo() {
        Some(memo) => memo
            .user
            .get_or_try_init(|| auth_service::current_user(&state, &token))
            .await
            .cloned(),
        None => auth_service::current_user(&state, &token).await,
    }
}

pub async fn require_user() -> AppResult<CurrentUser> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

pub fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// Hands the browser the new session (and the account's language) and
/// sends it home: the end of every way of signing in.
pub fn signed_in(state: &AppState, signed_in: &SignedIn) {
    set_session_cookies(state, signed_in);
    leptos_axum::redirect("/");
}

/// The cookies of a sign-in, for an answer that has something to say
/// before going home (the page then links home itself).
pub fn set_session_cookies(state: &AppState, signed_in: &SignedIn) {
    let secure = state.config.secure_cookies();
    set_cookie(&cookie::session(
        &signed_in.session_token,
        SESSION_LIFETIME / 1000,
        secure,
    ));
    set_cookie(&cookie::language(signed_in.user.language.code(), secure));
}

/// A sign-in refused to a form posted before the wasm loaded: the sign-in
/// page the browser is sent back to fills the identifier in again. (The
/// wasm keeps its form as typed, and other clients have no page.)
pub fn keep_refused_identifier(state: &AppState, identifier: &str) {
    if posted_by_a_form() {
        set_cookie(&cookie::login_identifier(
            identifier,
            state.config.secure_cookies(),
        ));
    }
}

/// After a sign-in by a form: the kept identifier is dropped. (The request
/// cannot say whether it carries one, which only the sign-in page is sent.)
pub fn forget_refused_identifier(state: &AppState) {
    if posted_by_a_form() {
        set_cookie(&cookie::clear_login_identifier(
            state.config.secure_cookies(),
        ));
    }
}

fn posted_by_a_form() -> bool {
    use crate::contracts::wire::{Reader, reader};
    reader() == Reader::Form
}

/// The identifier `keep_refused_identifier` kept, for the sign-in page.
pub fn refused_identifier() -> Option<String> {
    parts().and_then(|p| cookie::read_login_identifier(&p.headers))
}

/// Remembers the UI language chosen by the switch.
pub fn set_language_cookie(state: &AppState, lang: Lang) {
    set_cookie(&cookie::language(
        lang.code(),
        state.config.secure_cookies(),
    ));
}

/// The peer address of the TCP connection. Forwarded-for headers are not
/// trusted: anyone can write them.
pub fn client_address() -> Option<String> {
    parts()?
        .extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
}

/// The language a page itself asks for when the visitor has chosen none
/// (the first-login page: the invitation's language), put in the request's
/// extensions by the server's `page_lang` layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageLang(pub Lang);

/// The language of the UI for this request: the language cookie (set at
/// sign-in from the user's profile, or by the switch), else the page's own
/// (`PageLang`), else the browser's preference among the languages
/// offered, else the platform's default language (a setting, French out of
/// the box).
/// The browser's time zone, as the page's cookie says (IANA name).
pub fn browser_zone() -> Option<String> {
    parts().and_then(|p| zone_of(&p.headers))
}

/// The same, from a request's headers (the download routes).
pub fn zone_of(headers: &axum::http::HeaderMap) -> Option<String> {
    use crate::server::tz;
    cookie::read(headers, tz::ZONE_COOKIE).map(|raw| tz::from_cookie(&raw))
}

pub fn request_lang() -> Lang {
    let Some(parts) = parts() else {
        return Lang::default();
    };
    cookie::read(&parts.headers, cookie::LANG_COOKIE)
        .and_then(|code| Lang::parse(&code))
        .or_else(|| parts.extensions.get::<PageLang>().map(|page| page.0))
        .or_else(|| {
            parts
                .headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .or_else(|| use_context::<AppState>().map(|state| state.default_lang()))
        .unwrap_or_default()
}
