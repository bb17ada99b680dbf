//! How files and answers travel: precompressed assets chosen by
//! `Accept-Encoding`, pages compressed on the fly, `immutable` for hashed
//! names, `ETag` / `304` for the others. Backend-independent: SQLite only.

mod support;

use std::io::{Read, Write};

use app::server::Backend;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use support::TestApp;
use tower::ServiceExt;

const HASHED: &str = "onboard.AbCdEfGhIjKlMnOpQrStUv.wasm";

/// A site folder like a release build's: a plain file with its `.br` and
/// `.gz` copies, and a hashed one.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let js = "console.log('onboard');\n".repeat(100);
    std::fs::write(pkg.join("onboard.js"), &js).unwrap();
    std::fs::write(pkg.join("onboard.js.br"), b"brotli bytes of onboard.js").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, js.as_bytes()).unwrap();
    std::fs::write(pkg.join("onboard.js.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(pkg.join(HASHED), b"\0asm\x01\0\0\0").unwrap();
    dir
}

async fn router(app: &TestApp, site: &tempfile::TempDir) -> axum::Router {
    let mut options = server::startup::leptos_options();
    options.site_root = site.path().to_string_lossy().as_ref().into();
    server::startup::router(app.state.clone(), options)
}

fn get(uri: &str, headers: &[(header::HeaderName, &str)]) -> Request<Body> {
    let mut request = Request::get(uri).header(header::HOST, "127.0.0.1:3000");
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    request.body(Body::empty()).unwrap()
}

fn header_of(response: &axum::response::Response, name: header::HeaderName) -> String {
    response
        .headers()
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn bytes(response: axum::response::Response) -> Vec<u8> {
    response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec()
}

#[tokio::test]
async fn assets_come_precompressed_as_the_browser_accepts() {
    let app = TestApp::new(Backend::Sqlite).await;
    let site = site();
    let router = router(&app, &site).await;

    let br = router
        .clone()
        .oneshot(get(
            "/pkg/onboard.js",
            &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
        ))
        .await
        .unwrap();
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(header_of(&br, header::CONTENT_ENCODING), "br");
    assert!(header_of(&br, header::VARY).contains("accept-encoding"));
    assert!(header_of(&br, header::CONTENT_TYPE).contains("javascript"));
    assert_eq!(bytes(br).await, b"brotli bytes of onboard.js");

    let gz = router
        .clone()
        .oneshot(get("/pkg/onboard.js", &[(header::ACCEPT_ENCODING, "gzip")]))
        .await
        .unwrap();
    assert_eq!(header_of(&gz, header::CONTENT_ENCODING), "gzip");
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&bytes(gz).await[..])
        .read_to_string(&mut plain)
        .unwrap();
    assert!(plain.starts_with("console.log('onboard');"));

    let identity = router
        .clone()
        .oneshot(get("/pkg/onboard.js", &[]))
        .await
        .unwrap();
    assert!(identity.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(bytes(identity).await.len(), 2400);
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_the_others_revalidate_with_a_304() {
    let app = TestApp::new(Backend::Sqlite).await;
    let site = site();
    let router = router(&app, &site).await;

    for _ in 0..2 {
        let hashed = router
            .clone()
            .oneshot(get(&format!("/pkg/{HASHED}"), &[]))
            .await
            .unwrap();
        assert_eq!(hashed.status(), StatusCode::OK);
        assert_eq!(
            header_of(&hashed, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(header_of(&hashed, header::CONTENT_TYPE), "application/wasm");
    }

    let first = router
        .clone()
        .oneshot(get("/pkg/onboard.js", &[(header::ACCEPT_ENCODING, "br")]))
        .await
        .unwrap();
    assert_eq!(header_of(&first, header::CACHE_CONTROL), "no-cache");
    let etag = header_of(&first, header::ETAG);
    assert!(etag.starts_with("W/\""), "{etag}");
    let again = router
        .clone()
        .oneshot(get(
            "/pkg/onboard.js",
            &[
                (header::ACCEPT_ENCODING, "br"),
                (header::IF_NONE_MATCH, etag.as_str()),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header_of(&again, header::ETAG), etag);
    assert!(bytes(again).await.is_empty());
    // The gzip copy is another representation: the brotli tag does not
    // validate it.
    let other = router
        .clone()
        .oneshot(get(
            "/pkg/onboard.js",
            &[
                (header::ACCEPT_ENCODING, "gzip"),
                (header::IF_NONE_MATCH, etag.as_str()),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::OK);

    let missing = router
        .clone()
        .oneshot(get("/pkg/onboard.ZZZZZZZZZZZZZZZZZZZZZZ.wasm", &[]))
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(header_of(&missing, header::CACHE_CONTROL), "no-cache");
}

#[tokio::test]
async fn pages_are_compressed_on_the_fly_and_not_cached_by_others() {
    let app = TestApp::new(Backend::Sqlite).await;
    let site = site();
    let router = router(&app, &site).await;

    let gz = router
        .clone()
        .oneshot(get("/login", &[(header::ACCEPT_ENCODING, "gzip")]))
        .await
        .unwrap();
    assert_eq!(gz.status(), StatusCode::OK);
    assert_eq!(header_of(&gz, header::CONTENT_ENCODING), "gzip");
    assert!(header_of(&gz, header::VARY).contains("accept-encoding"));
    assert_eq!(header_of(&gz, header::CACHE_CONTROL), "private, no-cache");
    let mut page = String::new();
    flate2::read::GzDecoder::new(&bytes(gz).await[..])
        .read_to_string(&mut page)
        .unwrap();
    assert!(page.contains("<html"), "{page}");

    let br = router
        .clone()
        .oneshot(get("/login", &[(header::ACCEPT_ENCODING, "br")]))
        .await
        .unwrap();
    assert_eq!(header_of(&br, header::CONTENT_ENCODING), "br");
    let compressed = bytes(br).await;
    let plain = router.clone().oneshot(get("/login", &[])).await.unwrap();
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    let plain = bytes(plain).await;
    assert!(
        compressed.len() * 2 < plain.len(),
        "brotli {} B, plain {} B",
        compressed.len(),
        plain.len()
    );
}

/// The journal streams its export; compressed, the stream is read to its
/// end and once past it (a compressing layer polls again): the file
/// arrives whole instead of a download cut short.
#[tokio::test]
async fn a_streamed_export_arrives_whole_when_compressed() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let site = site();
    let router = router(&app, &site).await;
    let login = router
        .clone()
        .oneshot(
            Request::post("/api/auth/login")
                .header(header::HOST, "127.0.0.1:3000")
                .header(header::ORIGIN, "http://127.0.0.1:3000")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(
                    "input[identifier]=ada%40exemple.fr&input[password]=correct+horse+battery",
                ))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let cookie: String = login
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join("; ");
    let export = router
        .clone()
        .oneshot(get(
            "/journal/export.csv",
            &[
                (header::COOKIE, cookie.as_str()),
                (header::ACCEPT_ENCODING, "gzip"),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    assert_eq!(header_of(&export, header::CONTENT_ENCODING), "gzip");
    assert_eq!(header_of(&export, header::CACHE_CONTROL), "no-store");
    let mut csv = String::new();
    flate2::read::GzDecoder::new(&bytes(export).await[..])
        .read_to_string(&mut csv)
        .expect("a complete gzip stream");
    assert!(csv.starts_with("\u{feff}Quand,Qui,Action"), "{csv}");
    assert!(csv.contains("ada@exemple.fr"), "{csv}");
}

/// A server started directly uses the hashed names only when the hash file
/// beside it names the files of the site it serves.
#[test]
fn hashed_names_are_used_only_when_the_site_has_them() {
    let site = site();
    let mut options = server::startup::leptos_options();
    options.site_root = site.path().to_string_lossy().as_ref().into();
    let hashes = site.path().join("hash.txt");
    assert!(
        !server::startup::hashes_match_site(&options, &hashes),
        "no hash file"
    );
    std::fs::write(
        &hashes,
        "js: AbCdEfGhIjKlMnOpQrStUv\nwasm: AbCdEfGhIjKlMnOpQrStUv\n",
    )
    .unwrap();
    assert!(server::startup::hashes_match_site(&options, &hashes));
    std::fs::write(&hashes, "wasm: ZZZZZZZZZZZZZZZZZZZZZZ\n").unwrap();
    assert!(
        !server::startup::hashes_match_site(&options, &hashes),
        "a stale hash file names a file that is gone"
    );
}

/// The page names its language's texts script, which the browser gets
/// compressed and keeps for a year; another language's page names another
/// script, and a name this build did not write is not found.
#[tokio::test]
async fn a_page_names_its_language_texts_script_which_is_immutable_and_compressed() {
    let app = TestApp::new(Backend::Sqlite).await;
    let site = site();
    let router = router(&app, &site).await;
    let script_of = |html: &str| {
        let start = html
            .find("src=\"/texts/")
            .expect("the page names its texts")
            + 5;
        let end = start + html[start..].find('"').unwrap();
        html[start..end].to_owned()
    };

    let page = router
        .clone()
        .oneshot(get("/login", &[(header::ACCEPT_LANGUAGE, "fr-FR")]))
        .await
        .unwrap();
    let french = script_of(&String::from_utf8(bytes(page).await).unwrap());
    assert!(french.starts_with("/texts/fr."), "{french}");
    let page = router
        .clone()
        .oneshot(get("/login", &[(header::ACCEPT_LANGUAGE, "nl-BE")]))
        .await
        .unwrap();
    let dutch = script_of(&String::from_utf8(bytes(page).await).unwrap());
    assert!(dutch.starts_with("/texts/nl."), "{dutch}");

    let gz = router
        .clone()
        .oneshot(get(&french, &[(header::ACCEPT_ENCODING, "gzip")]))
        .await
        .unwrap();
    assert_eq!(gz.status(), StatusCode::OK);
    assert_eq!(header_of(&gz, header::CONTENT_ENCODING), "gzip");
    assert_eq!(
        header_of(&gz, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert!(header_of(&gz, header::CONTENT_TYPE).starts_with("text/javascript"));
    let mut body = String::new();
    flate2::read::GzDecoder::new(&bytes(gz).await[..])
        .read_to_string(&mut body)
        .unwrap();
    assert!(
        body.starts_with("window.__onboardTexts=\""),
        "{}",
        &body[..40]
    );
    // French texts, their markers escaped: one string literal.
    assert!(body.contains("Connexion"));
    assert!(body.contains("\\u0000"));

    let br = router
        .clone()
        .oneshot(get(&dutch, &[(header::ACCEPT_ENCODING, "br")]))
        .await
        .unwrap();
    assert_eq!(header_of(&br, header::CONTENT_ENCODING), "br");
    // Compressed once at brotli's best level: smaller than the on-the-fly
    // level (4) would write it.
    let packed = bytes(br).await;
    let mut script = Vec::new();
    brotli::BrotliDecompress(&mut &packed[..], &mut script).unwrap();
    assert!(script.starts_with(b"window.__onboardTexts=\""));
    let mut on_the_fly = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut on_the_fly, 4096, 4, 22);
        writer.write_all(&script).unwrap();
    }
    assert!(
        packed.len() < on_the_fly.len(),
        "{} against {}",
        packed.len(),
        on_the_fly.len()
    );

    // A client that refuses both gets the script as it is.
    let plain = router
        .clone()
        .oneshot(get(
            &dutch,
            &[(header::ACCEPT_ENCODING, "br;q=0, gzip;q=0")],
        ))
        .await
        .unwrap();
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(bytes(plain).await, script);

    let unknown = router
        .clone()
        .oneshot(get("/texts/fr.AAAAAAAAAAAAAAAAAAAAAA.js", &[]))
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(header_of(&unknown, header::CACHE_CONTROL), "no-cache");
}
