//! The session cookie: `HttpOnly` (scripts never see it), `SameSite=Lax`
//! (not sent on cross-site POSTs), `Secure` when the site is https.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const SESSION_COOKIE: &str = "onboard_session";
pub const LANG_COOKIE: &str = "onboard_lang";
pub const LOGIN_ID_COOKIE: &str = "onboard_login_id";

/// The longest identifier kept for the sign-in page (an address may be 254).
const LOGIN_ID_MAX: usize = 320;

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

/// The identifier of a sign-in refused to a form posted before the wasm
/// loaded, so the sign-in page the browser is sent back to shows it again
/// (never the password). Only that page gets it (`Path=/login`), for two
/// minutes; in base64url, since an identifier may hold what a cookie may not.
pub fn login_identifier(identifier: &str, secure: bool) -> String {
    use base64::Engine;
    let kept: String = identifier.trim().chars().take(LOGIN_ID_MAX).collect();
    let value = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(kept);
    login_identifier_cookie(&value, 120, secure)
}

pub fn clear_login_identifier(secure: bool) -> String {
    login_identifier_cookie("", 0, secure)
}

fn login_identifier_cookie(value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{LOGIN_ID_COOKIE}={value}; Path=/login; Max-Age={max_age_secs}; HttpOnly; SameSite=Strict{secure}"
    )
}

/// The identifier `login_identifier` kept, if the request carries one.
pub fn read_login_identifier(headers: &HeaderMap) -> Option<String> {
    use base64::Engine;
    let value = read(headers, LOGIN_ID_COOKIE)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(value)
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    (!text.is_empty()).then(|| text.chars().take(LOGIN_ID_MAX).collect())
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

    #[test]
    fn a_refused_identifier_comes_back_as_typed_to_the_sign_in_page_only() {
        let set = login_identifier("  zoë; x=1@exemple.fr ", true);
        assert!(set.contains("Path=/login") && set.contains("HttpOnly"));
        assert!(set.contains("SameSite=Strict") && set.contains("Secure"));
        assert!(set.contains("Max-Age=120"));
        let value = set.split(';').next().unwrap();
        assert!(!value.contains(' ') && !value.contains(','));
        let mut headers = HeaderMap::new();
        headers.append(COOKIE, HeaderValue::from_str(value).unwrap());
        assert_eq!(
            read_login_identifier(&headers).as_deref(),
            Some("zoë; x=1@exemple.fr")
        );
        // Cleared, damaged or absent: nothing to show.
        assert!(clear_login_identifier(false).contains("Max-Age=0"));
        let mut damaged = HeaderMap::new();
        damaged.append(COOKIE, HeaderValue::from_static("onboard_login_id=%%%"));
        assert_eq!(read_login_identifier(&damaged), None);
        assert_eq!(read_login_identifier(&HeaderMap::new()), None);
        let long = login_identifier(&"a".repeat(5000), false);
        let mut headers = HeaderMap::new();
        headers.append(
            COOKIE,
            HeaderValue::from_str(long.split(';').next().unwrap()).unwrap(),
        );
        assert_eq!(read_login_identifier(&headers).unwrap().len(), 320);
    }
}
