//! How the site's files and answers travel: compressed, and cached as a
//! browser expects.
//!
//! - `/pkg/…` (the wasm, its JavaScript, the style sheet) is served from
//!   the site folder, choosing by `Accept-Encoding` the `.br` or `.gz` copy
//!   the release build writes beside each file (`cargo leptos build
//!   --release --precompress`). A name carrying a content hash
//!   (`onboard.<hash>.wasm`) never changes: `immutable` for a year. Any
//!   other is revalidated on each use (`no-cache`), answered `304` by its
//!   `ETag` or date when unchanged.
//! - `/texts/<code>.<hash>.js`, a page language's texts for the wasm, is
//!   written by the server itself, compressed once at the best levels and
//!   cached the same way (`texts_script`).
//! - Pages, server-function answers and exports are compressed on the fly
//!   (brotli or gzip) when they are text and worth it; files already
//!   compressed pass as they are.

use std::io::Write;
use std::sync::LazyLock;

use app::i18n::{Lang, shipped};
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header::{
    ACCEPT_ENCODING, ACCEPT_RANGES, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE,
    ETAG, IF_NONE_MATCH, LAST_MODIFIED, VARY,
};
use axum::http::{Extensions, HeaderMap, HeaderValue, Method, StatusCode, Version};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, DefaultPredicate};
use tower_http::services::ServeDir;

/// A year: what `immutable` files are kept for.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Kept, but asked again (a `304` when unchanged) before each use.
const REVALIDATE: &str = "no-cache";

/// The files of `<site root>/pkg`, with their precompressed copies.
pub fn pkg_files(site_root: &str, pkg_dir: &str) -> ServeDir {
    ServeDir::new(std::path::Path::new(site_root).join(pkg_dir))
        .precompressed_br()
        .precompressed_gzip()
}

/// Whether a file name carries a content hash, as cargo-leptos writes them
/// (`name.<22 characters of base64url>.ext`): its content never changes.
pub fn is_hashed(file_name: &str) -> bool {
    let mut parts = file_name.rsplit('.');
    let (Some(_ext), Some(hash), Some(_stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    hash.len() == 22
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A weak validator for a file's representation: its date, length and
/// encoding (the `.br` and `.gz` copies differ from the plain file).
fn etag_of(headers: &HeaderMap) -> Option<HeaderValue> {
    let modified = headers.get(LAST_MODIFIED)?.to_str().ok()?;
    let length = headers.get(CONTENT_LENGTH)?.to_str().ok()?;
    let encoding = headers
        .get(CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in modified
        .bytes()
        .chain(length.bytes())
        .chain(encoding.bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    HeaderValue::from_str(&format!("W/\"{hash:016x}\"")).ok()
}

fn matches_etag(if_none_match: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(wanted) = if_none_match.to_str() else {
        return false;
    };
    let tag = etag.as_bytes();
    let weak = |s: &str| s.trim().trim_start_matches("W/").to_owned();
    let mine = weak(std::str::from_utf8(tag).unwrap_or_default());
    wanted
        .split(',')
        .any(|candidate| candidate.trim() == "*" || weak(candidate) == mine)
}

/// The caching headers of `/pkg/…` answers, and `304` for a validator the
/// browser already holds.
pub async fn pkg_headers(request: Request, next: Next) -> Response {
    let hashed = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .is_some_and(is_hashed);
    let if_none_match = request.headers().get(IF_NONE_MATCH).cloned();
    let reading = matches!(*request.method(), Method::GET | Method::HEAD);
    let mut response = next.run(request).await;
    let status = response.status();
    if !(status.is_success() || status == StatusCode::NOT_MODIFIED) {
        // A missing file is not cached: the next build may bring it.
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
        return response;
    }
    let headers = response.headers_mut();
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static(if hashed { IMMUTABLE } else { REVALIDATE }),
    );
    headers.append(VARY, HeaderValue::from_static("accept-encoding"));
    if status == StatusCode::OK
        && let Some(etag) = etag_of(headers)
    {
        headers.insert(ETAG, etag.clone());
        if reading && if_none_match.is_some_and(|wanted| matches_etag(&wanted, &etag)) {
            let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
            for name in [CACHE_CONTROL, VARY, ETAG, LAST_MODIFIED] {
                if let Some(value) = response.headers().get(&name) {
                    not_modified.headers_mut().insert(name, value.clone());
                }
            }
            return not_modified;
        }
    }
    response
}

/// A texts script compressed once, at the levels a release gives its
/// files: brotli 11 writes the French script in 8,150 B where the
/// on-the-fly level 4 wrote 9,471 B (and gzip 9,034 B). About 30 ms per
/// language, spent at start-up (`pack_texts`), not on a request.
struct Packed {
    path: &'static str,
    br: Bytes,
    gzip: Bytes,
}

static TEXTS: LazyLock<Vec<Packed>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|&lang| {
            let script = shipped::script(lang);
            let body = script.body.as_bytes();
            let mut br = Vec::new();
            {
                let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
                writer.write_all(body).expect("writing to memory");
            }
            let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gzip.write_all(body).expect("writing to memory");
            Packed {
                path: script.path.as_str(),
                br: br.into(),
                gzip: gzip.finish().expect("writing to memory").into(),
            }
        })
        .collect()
});

/// Compresses the texts scripts now, off the async runtime, so that the
/// first visitor after a start does not wait for it.
pub async fn pack_texts() {
    let _ = tokio::task::spawn_blocking(|| LazyLock::force(&TEXTS)).await;
}

/// Whether `Accept-Encoding` takes `coding` (by name or `*`, and not
/// refused with `q=0`).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q == 0.0))
            });
            (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
        })
}

/// A page language's texts script (`app::i18n::shipped`), at
/// `/texts/<code>.<hash>.js`: its name changes with its content, so it is
/// `immutable` like the hashed files of `/pkg/`, and it comes in the
/// brotli or gzip copy `Accept-Encoding` takes (`vary_on_encoding` says
/// so to caches).
pub async fn texts_script(uri: axum::http::Uri, headers: HeaderMap) -> Response {
    let Some(script) = shipped::script_at(uri.path()) else {
        return (
            StatusCode::NOT_FOUND,
            [(CACHE_CONTROL, REVALIDATE)],
            "not found",
        )
            .into_response();
    };
    let packed = TEXTS.iter().find(|p| p.path == script.path);
    let (encoding, body) = match packed {
        Some(p) if accepts(&headers, "br") => (Some("br"), p.br.clone()),
        Some(p) if accepts(&headers, "gzip") => (Some("gzip"), p.gzip.clone()),
        _ => (None, Bytes::from_static(script.body.as_bytes())),
    };
    let mut response = (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, IMMUTABLE),
        ],
        body,
    )
        .into_response();
    if let Some(encoding) = encoding {
        response
            .headers_mut()
            .insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

/// Text worth compressing on the fly: pages, JSON, style, scripts, CSV.
/// Not images, archives or spreadsheets (already compressed), nor small
/// answers, nor the wasm: the release build ships it precompressed, and
/// compressing the 19 MB unoptimised one of a debug build on every first
/// visit would cost more than it saves on a local machine.
fn compressible(
    _status: StatusCode,
    _version: Version,
    headers: &HeaderMap,
    _extensions: &Extensions,
) -> bool {
    let Some(content_type) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(
        essence.as_str(),
        "text/html"
            | "text/plain"
            | "text/css"
            | "text/csv"
            | "text/javascript"
            | "application/javascript"
            | "application/json"
            | "image/svg+xml"
    )
}

/// The compression of dynamic answers. Brotli at its default level here
/// (4) compresses a page in well under a millisecond; an answer that
/// already carries a `Content-Encoding` (a precompressed file) passes as
/// it is.
pub fn compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new().compress_when(
        DefaultPredicate::new()
            .and(SizeAbove::new(512))
            .and(compressible as fn(StatusCode, Version, &HeaderMap, &Extensions) -> bool),
    )
}

/// A precompressed file's answer says it varies by `Accept-Encoding`, as
/// the compressed answers do, so a shared cache never hands brotli to a
/// browser that asked for gzip.
pub async fn vary_on_encoding(request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let varies = headers.get_all(VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    });
    if headers.contains_key(CONTENT_ENCODING) && !varies {
        headers.append(VARY, HeaderValue::from_static("accept-encoding"));
    }
    // Ranges of a compressed body are not ranges of the file.
    if headers.contains_key(CONTENT_ENCODING) {
        headers.remove(ACCEPT_RANGES);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("onboard.AbCdEfGhIjKlMnOpQrStUv.wasm"));
        assert!(is_hashed("onboard.a-b_c-d_e-f_g-h_i-j_kl.js"));
        assert!(!is_hashed("onboard.wasm"));
        assert!(!is_hashed("onboard.js"));
        assert!(!is_hashed("onboard.short.css"));
        assert!(!is_hashed("AbCdEfGhIjKlMnOpQrStUv.wasm"));
    }

    #[test]
    fn etags_match_weakly_and_in_lists() {
        let etag = HeaderValue::from_static("W/\"0123456789abcdef\"");
        for wanted in [
            "W/\"0123456789abcdef\"",
            "\"0123456789abcdef\"",
            "\"other\", W/\"0123456789abcdef\"",
            "*",
        ] {
            assert!(
                matches_etag(&HeaderValue::from_static(wanted), &etag),
                "{wanted}"
            );
        }
        assert!(!matches_etag(
            &HeaderValue::from_static("W/\"other\""),
            &etag
        ));
    }

    #[test]
    fn each_encoding_of_a_file_has_its_own_etag() {
        let mut headers = HeaderMap::new();
        headers.insert(
            LAST_MODIFIED,
            HeaderValue::from_static("Sun, 06 Dec 2026 09:00:00 GMT"),
        );
        headers.insert(CONTENT_LENGTH, HeaderValue::from_static("1000"));
        let plain = etag_of(&headers).unwrap();
        headers.insert(CONTENT_ENCODING, HeaderValue::from_static("br"));
        let br = etag_of(&headers).unwrap();
        assert_ne!(plain, br);
        assert!(plain.to_str().unwrap().starts_with("W/\""));
    }
}
