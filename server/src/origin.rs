//! Refuses state-changing requests (anything but GET, HEAD, OPTIONS) that
//! another site could have made a browser send (CSRF), in depth behind the
//! `SameSite=Lax` session cookie:
//!
//! - an `Origin` that is not the site's own (its public URL, or the `Host`
//!   the request was sent to) → 403;
//! - `Sec-Fetch-Site: cross-site` → 403, whatever the `Origin` says;
//!   `same-site` (a sibling subdomain, which `SameSite` cookies do not keep
//!   out) → 403 unless an `Origin` of ours came with it; a value no browser
//!   sends → 403;
//! - no `Origin` but a `Referer` from elsewhere → 403 (browsers that omit
//!   `Origin` on a form post still send the referring page);
//! - a body of a type no server function reads → 415. The functions take
//!   `application/x-www-form-urlencoded` only (leptos's default `PostUrl`
//!   encoding, which `ActionForm` and the hydrated client both send);
//!   `text/plain` and `multipart/form-data` are what a cross-site HTML form
//!   can send without a preflight. No `Content-Type` is accepted only with
//!   an empty body.
//!
//! Requests with none of these headers (curl, scripts) are let through:
//! only browsers carry ambient cookies, and every browser sends `Origin` or
//! `Sec-Fetch-Site` with a cross-site post.

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN, REFERER};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use app::i18n::Msg;
use app::server::error::refusal;

/// The only body type the server functions read.
const FORM: &str = "application/x-www-form-urlencoded";

#[derive(Clone, Debug)]
pub struct AllowedOrigin(pub String);

impl AllowedOrigin {
    pub fn from_url(url: &url::Url) -> Self {
        AllowedOrigin(url.origin().ascii_serialization())
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn same_origin(origin: &str, allowed: &AllowedOrigin, host: Option<&str>) -> bool {
    if origin == allowed.0 {
        return true;
    }
    // Reached under another name (a LAN address, a test port): the browser's
    // Origin then names the host it sent the request to.
    let Some(host) = host else { return false };
    origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .is_some_and(|rest| rest.eq_ignore_ascii_case(host))
}

/// Why a state-changing request looks sent from another site, if it does.
fn foreign_reason(headers: &HeaderMap, allowed: &AllowedOrigin) -> Option<&'static str> {
    let host = headers.get(HOST).and_then(|h| h.to_str().ok());
    let ours = |origin: &str| same_origin(origin, allowed, host);
    let origin = match headers.get(ORIGIN).map(|o| o.to_str()) {
        None => None,
        Some(Ok(origin)) if ours(origin) => Some(origin),
        Some(_) => return Some("Origin of another site"),
    };
    match headers.get("sec-fetch-site").map(|v| v.to_str()) {
        None | Some(Ok("same-origin" | "none")) => {}
        // The Origin, when present, was found ours just above.
        Some(Ok("same-site")) if origin.is_some() => {}
        Some(Ok("same-site")) => return Some("same-site without an Origin of ours"),
        Some(_) => return Some("Sec-Fetch-Site not ours"),
    }
    if origin.is_none()
        && let Some(referer) = headers.get(REFERER)
    {
        let referer_ours = referer
            .to_str()
            .ok()
            .and_then(|r| url::Url::parse(r).ok())
            .is_some_and(|url| ours(&url.origin().ascii_serialization()));
        if !referer_ours {
            return Some("Referer of another site");
        }
    }
    None
}

fn is_form(content_type: &[u8]) -> bool {
    std::str::from_utf8(content_type)
        .ok()
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case(FORM))
}

/// The import's upload is the one route that reads a file.
fn is_upload(request: &Request<Body>, content_type: &[u8]) -> bool {
    request.uri().path() == crate::imports::UPLOAD_PATH
        && std::str::from_utf8(content_type)
            .ok()
            .and_then(|value| value.split(';').next())
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("multipart/form-data"))
}

fn body_type_accepted(request: &Request<Body>) -> bool {
    match request.headers().get(CONTENT_TYPE) {
        Some(content_type) => {
            is_form(content_type.as_bytes()) || is_upload(request, content_type.as_bytes())
        }
        None => request.body().size_hint().upper() == Some(0),
    }
}

pub async fn same_origin_only(
    State(allowed): State<AllowedOrigin>,
    request: Request<Body>,
    next: Next,
) -> Response {
    if !is_safe(request.method()) {
        let headers = request.headers();
        if let Some(reason) = foreign_reason(headers, &allowed) {
            let host = headers.get(HOST).and_then(|h| h.to_str().ok());
            tracing::warn!(?host, reason, "refused a cross-site request");
            return refusal(StatusCode::FORBIDDEN, Msg::ErrCrossSite, headers);
        }
        if !body_type_accepted(&request) {
            return refusal(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Msg::ErrUnsupportedMediaType,
                headers,
            );
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn the_public_origin_and_the_requested_host_are_the_site() {
        let allowed = AllowedOrigin("https://onboard.example".into());
        assert!(same_origin("https://onboard.example", &allowed, None));
        assert!(same_origin(
            "http://127.0.0.1:4000",
            &allowed,
            Some("127.0.0.1:4000")
        ));
        assert!(!same_origin(
            "https://evil.example",
            &allowed,
            Some("onboard.example")
        ));
        assert!(!same_origin(
            "https://onboard.example.evil",
            &allowed,
            Some("onboard.example")
        ));
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(HOST, HeaderValue::from_static("onboard.example"));
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_requests_that_vouch_for_this_site_or_say_nothing_pass() {
        let allowed = AllowedOrigin("https://onboard.example".into());
        let passes = |pairs: &[(&'static str, &'static str)]| {
            foreign_reason(&headers(pairs), &allowed).is_none()
        };
        assert!(passes(&[]), "curl and scripts");
        assert!(passes(&[
            ("origin", "https://onboard.example"),
            ("sec-fetch-site", "same-origin"),
        ]));
        assert!(passes(&[("referer", "https://onboard.example/groups/1")]));
        assert!(passes(&[
            ("origin", "https://onboard.example"),
            ("sec-fetch-site", "same-site"),
        ]));

        assert!(!passes(&[("origin", "null")]));
        assert!(!passes(&[
            ("origin", "https://onboard.example"),
            ("sec-fetch-site", "cross-site"),
        ]));
        assert!(!passes(&[("sec-fetch-site", "same-site")]));
        assert!(!passes(&[("sec-fetch-site", "something-new")]));
        assert!(!passes(&[("referer", "https://evil.example/page")]));
        assert!(!passes(&[("referer", "https://onboard.example.evil/")]));
        assert!(!passes(&[("referer", "not a url")]));
    }

    #[test]
    fn only_form_bodies_are_read() {
        assert!(is_form(b"application/x-www-form-urlencoded"));
        assert!(is_form(b"Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
        assert!(!is_form(b"text/plain"));
        assert!(!is_form(b"multipart/form-data; boundary=x"));
        assert!(!is_form(b"application/json"));
        assert!(!is_form(b"application/x-www-form-urlencodedx"));
    }
}
