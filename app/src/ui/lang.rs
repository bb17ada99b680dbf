//! What a page takes from the request it is rendered for — its language and
//! its status code — the only place the UI looks at the server side.
//!
//! The UI language of this page view. The server decides it per request and
//! writes it into `<html lang>`; the browser reads it back from there when
//! hydrating, so both render the same texts.

use leptos::prelude::*;

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug)]
struct UiLang(Lang);

#[cfg(feature = "ssr")]
pub fn initial() -> Lang {
    crate::server::context::request_lang()
}

#[cfg(not(feature = "ssr"))]
pub fn initial() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_default()
}

pub fn provide_lang() -> Lang {
    let lang = initial();
    provide_context(UiLang(lang));
    lang
}

pub fn use_lang() -> Lang {
    use_context::<UiLang>().map(|l| l.0).unwrap_or_default()
}

/// Answers 404 for a page that does not exist (the server renders it; the
/// browser has no status to set).
pub fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
}
