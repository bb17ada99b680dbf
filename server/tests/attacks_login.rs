//! Replays of attacks on sign-in through the real router, on both
//! databases: a locked-out account must stay locked under every spelling
//! of its address that sign-in accepts.

mod support;

use app::server::Backend;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use support::TestApp;
use tower::ServiceExt;

/// `u@\u{ff45}xemple.fr` (full-width `e`) and `u@exem\u{ad}ple.fr` (soft
/// hyphen), form-encoded: IDNA maps both to `u@exemple.fr`.
const FULL_WIDTH: &str = "u%40%EF%BD%85xemple.fr";
const SOFT_HYPHEN: &str = "u%40exem%C2%ADple.fr";
const RIGHT: &str = "correct+horse+battery";

struct Answer {
    status: StatusCode,
    session_cookie: bool,
    body: String,
}

async fn sign_in(router: &axum::Router, identifier: &str, password: &str) -> Answer {
    let request = Request::post("/api/auth/login")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, "http://127.0.0.1:3000")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "input[identifier]={identifier}&input[password]={password}"
        )))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let session_cookie = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| {
            v.to_str()
                .unwrap_or_default()
                .starts_with("onboard_session=")
        });
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        session_cookie,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn other_spellings_do_not_escape_a_lock_out(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    let router = server::startup::router(app.state.clone(), server::startup::leptos_options());

    // Both spellings reach the account: the refusals below are the lock's.
    for spelling in [FULL_WIDTH, SOFT_HYPHEN] {
        let answer = sign_in(&router, spelling, RIGHT).await;
        assert_eq!(answer.status, StatusCode::OK, "{spelling}: {}", answer.body);
        assert!(answer.session_cookie, "{spelling}");
    }

    for _ in 0..5 {
        let answer = sign_in(&router, "u%40exemple.fr", "wrong").await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer.body, r#"{"Public":"InvalidCredentials"}"#);
        assert!(!answer.session_cookie);
    }

    for spelling in [FULL_WIDTH, SOFT_HYPHEN, "U%40EXEMPLE.FR", "u%40exemple.fr"] {
        let answer = sign_in(&router, spelling, RIGHT).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{spelling}"
        );
        assert_eq!(answer.body, r#"{"Public":"TooManyAttempts"}"#, "{spelling}");
        assert!(!answer.session_cookie, "{spelling} must not sign in");
    }
}

async fn failures_spread_over_spellings_lock_the_account(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    let router = server::startup::router(app.state.clone(), server::startup::leptos_options());
    let spellings = [FULL_WIDTH, SOFT_HYPHEN, "U%40exemple.FR"];
    for spelling in spellings.iter().cycle().take(5) {
        let answer = sign_in(&router, spelling, "wrong").await;
        assert_eq!(answer.body, r#"{"Public":"InvalidCredentials"}"#);
    }
    let answer = sign_in(&router, "u%40exemple.fr", RIGHT).await;
    assert_eq!(answer.body, r#"{"Public":"TooManyAttempts"}"#);
    assert!(!answer.session_cookie);
}

on_both_backends!(
    other_spellings_do_not_escape_a_lock_out,
    failures_spread_over_spellings_lock_the_account,
);
