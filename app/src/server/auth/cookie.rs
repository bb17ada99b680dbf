//! The session cookie: `HttpOnly` (scripts never see it), `SameSite=Lax`
//! (not sent on cross-site POSTs), `Secure` when the site is https.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const SESSION_COOKIE: &str = "onboard_session";
pub const LANG_COOKIE: &str = "onboard_lang";

pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

pub fn session(token: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}"
    )
}

pub fn clear_session(secure: bool) -> String {
    session("", 0, secure)
}

/// The UI language for visitors who are not signed in (and a fast path for
/// those who are). Readable by scripts: it is not a secret.
pub fn language(code: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{LANG_COOKIE}={code}; Path=/; Max-Age=31536000; SameSite=Lax{secure}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn reads_one_cookie_among_several_headers() {
        let mut headers = HeaderMap::new();
        headers.append(COOKIE, HeaderValue::from_static("a=1; onboard_lang=en"));
        headers.append(COOKIE, HeaderValue::from_static("onboard_session=tok"));
        assert_eq!(read(&headers, SESSION_COOKIE).as_deref(), Some("tok"));
        assert_eq!(read(&headers, LANG_COOKIE).as_deref(), Some("en"));
        assert_eq!(read(&headers, "missing"), None);
    }

    #[test]
    fn session_cookie_is_http_only_lax_and_secure_on_https() {
        let c = session("tok", 60, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(!session("tok", 60, false).contains("Secure"));
    }
}
