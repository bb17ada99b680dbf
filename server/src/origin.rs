//! Refuses state-changing requests that come from another site (CSRF): a
//! POST must carry an `Origin` equal to the site's own (its public URL or
//! the `Host` it was sent to). Requests without `Origin` (curl, scripts) are
//! let through unless the browser says it is cross-site: only browsers carry
//! ambient cookies, and every browser sends one of the two headers.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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

pub async fn same_origin_only(
    State(allowed): State<AllowedOrigin>,
    request: Request<Body>,
    next: Next,
) -> Response {
    if !is_safe(request.method()) {
        let headers = request.headers();
        let host = headers.get(HOST).and_then(|h| h.to_str().ok());
        let refused = match headers.get(ORIGIN).map(|o| o.to_str()) {
            Some(Ok(origin)) => !same_origin(origin, &allowed, host),
            Some(Err(_)) => true,
            None => headers
                .get("sec-fetch-site")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|site| site == "cross-site"),
        };
        if refused {
            tracing::warn!(?host, "refused a cross-origin request");
            return (StatusCode::FORBIDDEN, "cross-origin request refused").into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
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
}
