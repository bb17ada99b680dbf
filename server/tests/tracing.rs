//! What the server's logs say about a request: the id every answer carries,
//! the route, request id, use case and user on an internal error (in both
//! formats), and no credentials from a sign-in. Backend-independent, so
//! SQLite only.

mod support;

use std::sync::{Arc, Mutex};

use app::server::Backend;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use server::telemetry::{self, LogFormat};
use support::TestApp;
use tower::ServiceExt;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

const ORIGIN: &str = "http://127.0.0.1:3000";
const IDENTIFIER: &str = "ada@exemple.fr";
const PASSWORD: &str = "correct horse battery";

/// Everything the subscriber wrote.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'w> MakeWriter<'w> for Captured {
    type Writer = Captured;

    fn make_writer(&'w self) -> Captured {
        self.clone()
    }
}

/// The server's own subscriber in `format`, at every level (so nothing a
/// dependency logs in detail escapes the checks), writing into `Captured`
/// for as long as the guard lives (on this thread: the test runtime's).
fn capture(format: LogFormat) -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let subscriber =
        telemetry::subscriber(format, EnvFilter::new("trace"), captured.clone(), false);
    let guard = tracing::subscriber::set_default(subscriber);
    (captured, guard)
}

fn router(app: &TestApp) -> axum::Router {
    server::startup::router(app.state.clone(), server::startup::leptos_options())
}

fn post(uri: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(uri)
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

fn login_body(password: &str) -> String {
    format!(
        "input[identifier]={}&input[password]={}",
        IDENTIFIER.replace('@', "%40"),
        password.replace(' ', "+")
    )
}

fn request_id(response: &axum::response::Response) -> String {
    response
        .headers()
        .get("x-request-id")
        .expect("the answer carries x-request-id")
        .to_str()
        .unwrap()
        .to_owned()
}

/// Signs in over HTTP and returns the session cookie (`name=value`).
async fn session_cookie(router: &axum::Router) -> String {
    let response = router
        .clone()
        .oneshot(post("/api/auth/login", &login_body(PASSWORD), None))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("onboard_session="))
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_owned()
}

/// Makes the groups table disappear under the running app: the next
/// service that reads it fails with a database error (an internal one),
/// while sessions, users and memberships still answer.
async fn break_the_groups_table(app: &TestApp) {
    let mut conn = app.conn().await;
    sqlx::query("ALTER TABLE groups RENAME TO groups_gone")
        .execute(&mut *conn)
        .await
        .unwrap();
}

#[tokio::test]
async fn every_answer_carries_a_request_id() {
    let app = TestApp::new(Backend::Sqlite).await;
    let router = router(&app);
    let page = router
        .clone()
        .oneshot(Request::get("/login").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let refused = router
        .clone()
        .oneshot(post("/api/groups/sidebar", "", None))
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let (first, second) = (request_id(&page), request_id(&refused));
    assert_eq!(first.len(), 36, "a UUID: {first}");
    assert_ne!(first, second, "one id per request");

    // A proxy's plain id is kept; anything else is replaced.
    let from_proxy = router
        .clone()
        .oneshot(
            Request::get("/login")
                .header("x-request-id", "proxy-42.a:b_c")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(request_id(&from_proxy), "proxy-42.a:b_c");
    for odd in ["a b", "x\"=y", &"y".repeat(65)] {
        let response = router
            .clone()
            .oneshot(
                Request::get("/login")
                    .header("x-request-id", odd)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let id = request_id(&response);
        assert_ne!(id, odd);
        assert_eq!(id.len(), 36, "a new UUID instead of {odd:?}: {id}");
    }
}

#[tokio::test]
async fn an_internal_error_is_logged_with_route_request_id_use_case_and_user() {
    let (captured, _guard) = capture(LogFormat::Text);
    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin(IDENTIFIER).await;
    let router = router(&app);
    let cookie = session_cookie(&router).await;
    break_the_groups_table(&app).await;

    let response = router
        .oneshot(post("/api/groups/sidebar", "", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let id = request_id(&response);
    let logs = captured.text();
    let line = logs
        .lines()
        .find(|l| l.contains("internal error"))
        .unwrap_or_else(|| panic!("no internal error logged:\n{logs}"));
    for expected in [
        "ERROR",
        r#"path="/api/groups/sidebar""#,
        &format!("request_id={id}"),
        &format!("groups::sidebar{{actor={}}}", admin.user.id),
        "groups",
    ] {
        assert!(line.contains(expected), "{expected:?} missing from {line}");
    }
    let access = logs
        .lines()
        .find(|l| l.contains("response") && l.contains(&id) && l.contains("status=500"))
        .unwrap_or_else(|| panic!("no access line for {id}:\n{logs}"));
    assert!(
        access.contains("ERROR") && access.contains("latency_ms="),
        "{access}"
    );
}

#[tokio::test]
async fn in_json_the_internal_error_line_carries_the_same_spans() {
    let (captured, _guard) = capture(LogFormat::Json);
    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin(IDENTIFIER).await;
    let router = router(&app);
    let cookie = session_cookie(&router).await;
    break_the_groups_table(&app).await;

    let response = router
        .oneshot(post("/api/groups/sidebar", "", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let id = request_id(&response);
    let logs = captured.text();
    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let line = lines
        .iter()
        .find(|l| l["message"] == "internal error")
        .unwrap_or_else(|| panic!("no internal error logged:\n{logs}"));
    assert_eq!(line["level"], "ERROR");
    assert!(
        line["error"].as_str().is_some_and(|e| e.contains("groups")),
        "{line}"
    );
    let spans = line["spans"].as_array().expect("the span list");
    let request = spans
        .iter()
        .find(|s| s["name"] == "request")
        .unwrap_or_else(|| panic!("no request span: {line}"));
    assert_eq!(request["method"], "POST");
    assert_eq!(request["path"], "/api/groups/sidebar");
    assert_eq!(request["request_id"], id.as_str());
    let use_case = spans
        .iter()
        .find(|s| s["name"] == "groups::sidebar")
        .unwrap_or_else(|| panic!("no use case span: {line}"));
    assert_eq!(use_case["actor"], admin.user.id.to_string());
}

/// Page resources run in tasks leptos spawns; they keep the request's span.
#[tokio::test]
async fn a_page_whose_data_fails_logs_in_its_request_span() {
    let (captured, _guard) = capture(LogFormat::Text);
    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin(IDENTIFIER).await;
    let router = router(&app);
    let cookie = session_cookie(&router).await;
    break_the_groups_table(&app).await;

    let response = router
        .oneshot(
            Request::get("/")
                .header(header::ACCEPT, "text/html")
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let id = request_id(&response);
    let logs = captured.text();
    let line = logs
        .lines()
        .find(|l| l.contains("internal error"))
        .unwrap_or_else(|| panic!("no internal error logged:\n{logs}"));
    for expected in [
        r#"path="/""#,
        &format!("request_id={id}"),
        &format!("groups::sidebar{{actor={}}}", admin.user.id),
    ] {
        assert!(line.contains(expected), "{expected:?} missing from {line}");
    }
}

#[tokio::test]
async fn signing_in_logs_neither_the_identifier_nor_the_password() {
    let (captured, _guard) = capture(LogFormat::Text);
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin(IDENTIFIER).await;
    let router = router(&app);
    let wrong = "Wrong-Secret-Attempt 99";
    let refused = router
        .clone()
        .oneshot(post("/api/auth/login", &login_body(wrong), None))
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let _ = session_cookie(&router).await;

    let (captured_json, _json_guard) = capture(LogFormat::Json);
    let _ = router
        .oneshot(post("/api/auth/login", &login_body(PASSWORD), None))
        .await
        .unwrap();
    drop(_json_guard);

    for logs in [captured.text(), captured_json.text()] {
        assert!(
            logs.contains("/api/auth/login") && logs.contains("response"),
            "the sign-ins were logged:\n{logs}"
        );
        for secret in [
            IDENTIFIER,
            "ada%40exemple.fr",
            "exemple",
            PASSWORD,
            "correct+horse",
            "horse",
            wrong,
            "Wrong-Secret",
        ] {
            assert!(!logs.contains(secret), "{secret:?} in the logs:\n{logs}");
        }
    }
}
