//! Replays of attacks on the HTTP layer: forged cross-site posts, malformed
//! and oversized bodies, and the token, escaping and sign-in properties an
//! attacker probes next. Backend-independent, so SQLite only.

mod support;

use app::domain::{GroupId, Visibility};
use app::server::Backend;
use axum::body::Body;
use axum::http::request::Builder;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use support::TestApp;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:3000";
const SITE: &str = "http://127.0.0.1:3000";
const FORM: &str = "application/x-www-form-urlencoded";
const LOGIN: &str = "input[identifier]=ada%40exemple.fr&input[password]=correct+horse+battery";

fn router(app: &TestApp) -> axum::Router {
    server::startup::router(app.state.clone(), server::startup::leptos_options())
}

/// A form post as a script sends it: no Origin, Referer or Sec-Fetch-Site.
fn post(endpoint: &str, session: Option<&str>) -> Builder {
    let mut req = Request::post(format!("/api/{endpoint}"))
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, FORM);
    if let Some(session) = session {
        req = req.header(header::COOKIE, session);
    }
    req
}

/// A form post as our own pages send it.
fn post_from_site(endpoint: &str, session: Option<&str>) -> Builder {
    post(endpoint, session)
        .header(header::ORIGIN, SITE)
        .header("sec-fetch-site", "same-origin")
        .header(header::REFERER, format!("{SITE}/new-group"))
}

async fn send(router: &axum::Router, req: Request<Body>) -> (StatusCode, String) {
    let response = router.clone().oneshot(req).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn body(text: &str) -> Body {
    Body::from(text.to_owned())
}

/// Signs Ada in over HTTP and returns her session cookie (`name=value`).
async fn sign_in(router: &axum::Router) -> String {
    let response = router
        .clone()
        .oneshot(
            post_from_site("auth/login", None)
                .body(body(LOGIN))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("onboard_session="))
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

async fn groups_named(app: &TestApp, name: &str) -> i64 {
    let mut conn = app.conn().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM groups WHERE name = $1")
        .bind(name)
        .fetch_one(&mut *conn)
        .await
        .unwrap()
}

async fn accounts_with(app: &TestApp, email: &str) -> i64 {
    let mut conn = app.conn().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&mut *conn)
        .await
        .unwrap()
}

/// True while `session` still opens the signed-in API.
async fn session_alive(router: &axum::Router, session: &str) -> bool {
    let (status, _) = send(
        router,
        post("groups/sidebar", Some(session))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    status == StatusCode::OK
}

const PIRATES: &str = "input[name]=Pirates&input[parent]=&input[visibility]=public";

#[tokio::test]
async fn a_signed_in_post_without_origin_but_with_a_foreign_referer_is_refused() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;

    let (status, text) = send(
        &router,
        post("groups/create", Some(&session))
            .header(header::REFERER, "https://evil.example/free-gift")
            .body(body(PIRATES))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        text.contains("Requête refusée : elle ne vient pas de ce site."),
        "{text}"
    );
    assert_eq!(groups_named(&app, "Pirates").await, 0);

    // A look-alike host is another site too.
    let (status, _) = send(
        &router,
        post("auth/logout", Some(&session))
            .header(header::REFERER, "http://127.0.0.1:3000.evil.example/")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(session_alive(&router, &session).await, "not signed out");
}

#[tokio::test]
async fn a_post_the_browser_calls_cross_site_is_refused_whatever_its_origin() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;

    for (origin, site) in [
        (None, "cross-site"),
        (Some(SITE), "cross-site"),
        // A sibling subdomain: same site for cookies, so it must show an
        // Origin of ours.
        (None, "same-site"),
        (Some("http://uploads.127.0.0.1:3000"), "same-site"),
    ] {
        let mut req = post("groups/create", Some(&session)).header("sec-fetch-site", site);
        if let Some(origin) = origin {
            req = req.header(header::ORIGIN, origin);
        }
        let (status, _) = send(&router, req.body(body(PIRATES)).unwrap()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin:?} {site}");
    }
    assert_eq!(groups_named(&app, "Pirates").await, 0);
}

#[tokio::test]
async fn a_body_no_function_reads_is_refused_as_an_unsupported_type() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;

    // What `<form enctype="text/plain">` on another site sends, without a
    // preflight and, in old browsers, without an Origin.
    for content_type in [
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/json",
    ] {
        let (status, text) = send(
            &router,
            Request::post("/api/groups/create")
                .header(header::HOST, HOST)
                .header(header::COOKIE, format!("{session}; onboard_lang=en"))
                .header(header::CONTENT_TYPE, content_type)
                .body(body(PIRATES))
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{content_type}");
        assert!(
            text.contains("Request refused: this data format is not accepted."),
            "{text}"
        );
    }
    // A body without any type is refused too; an empty one is not a body.
    let (status, _) = send(
        &router,
        Request::post("/api/groups/create")
            .header(header::HOST, HOST)
            .header(header::COOKIE, &session)
            .body(body(PIRATES))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(groups_named(&app, "Pirates").await, 0);
}

#[tokio::test]
async fn posts_from_the_site_itself_and_from_scripts_still_work() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;

    let (status, _) = send(
        &router,
        post_from_site("groups/create", Some(&session))
            .body(body(
                "input[name]=Ours&input[parent]=&input[visibility]=public",
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(groups_named(&app, "Ours").await, 1);

    let (status, _) = send(
        &router,
        post("groups/create", Some(&session))
            .header(
                header::CONTENT_TYPE,
                "application/x-www-form-urlencoded; charset=UTF-8",
            )
            .body(body(
                "input[name]=Scripted&input[parent]=&input[visibility]=private",
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(groups_named(&app, "Scripted").await, 1);

    // `curl -X POST` with only the cookie: no type, no body.
    let (status, _) = send(
        &router,
        Request::post("/api/auth/logout")
            .header(header::HOST, HOST)
            .header(header::COOKIE, &session)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!session_alive(&router, &session).await, "signed out");
}

#[tokio::test]
async fn malformed_arguments_are_a_400_in_the_callers_language_without_the_parser_text() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;
    let marker = format!("id=1+OR+1%3D1{}", "Z".repeat(300));

    let cases: &[(&str, &str)] = &[
        ("groups/page", "id=1 OR 1=1"),
        ("groups/page", &marker),
        ("groups/page", ""),
        ("groups/page", "id=99999999999999999999999"),
        ("groups/create", "input[name]=X"),
        (
            "groups/update",
            "input[id]=abc&input[name]=X&input[parent]=&input[visibility]=public",
        ),
        (
            "invitations/invite",
            "input[group_id]=%3Cscript%3E&input[emails]=a%40b.fr&input[language]=fr&input[account_type]=member",
        ),
        ("invitations/accept", "input[token]=abc"),
        ("invitations/list", "input[page]=-x"),
    ];
    for (endpoint, form) in cases {
        let (status, text) = send(
            &router,
            post(endpoint, Some(&session)).body(body(form)).unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{endpoint} {form}");
        assert!(text.contains("Requête invalide."), "{endpoint}: {text}");
        for leak in [
            "invalid digit",
            "ParseInt",
            "Deserializ",
            "missing field",
            "OR 1=1",
            "ZZZZ",
        ] {
            assert!(!text.contains(leak), "{endpoint} leaks {leak:?}: {text}");
        }
    }

    let (status, text) = send(
        &router,
        post("groups/page", Some(&session))
            .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
            .body(body("id=1 OR 1=1"))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("Invalid request."), "{text}");

    // Not UTF-8.
    let (status, text) = send(
        &router,
        post("groups/page", Some(&session))
            .body(Body::from(vec![b'i', b'd', b'=', 0xff, 0xfe]))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("Requête invalide."), "{text}");
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413_in_the_callers_language() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let paris = app.group("Paris", None, Visibility::Public).await;
    let router = router(&app);
    let session = sign_in(&router).await;
    let two_mib = format!(
        "input[group_id]={paris}&input[emails]={}",
        "a".repeat(2 * 1024 * 1024)
    );

    // Streamed (no length announced), then announced.
    let (status, text) = send(
        &router,
        post("invitations/invite", Some(&session))
            .body(body(&two_mib))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text.contains("Requête trop volumineuse."), "{text}");
    let (status, text) = send(
        &router,
        post("invitations/invite", Some(&session))
            .header(header::CONTENT_LENGTH, two_mib.len())
            .header(header::ACCEPT_LANGUAGE, "en")
            .body(body(&two_mib))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text.contains("Request too large."), "{text}");

    // Just under the limit is read as usual.
    let padded = format!(
        "id={paris}&padding={}",
        "p".repeat(server::startup::API_BODY_LIMIT - 100)
    );
    let (status, _) = send(
        &router,
        post("groups/page", Some(&session))
            .body(body(&padded))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

// Cases that already held when the attacks above were replayed; kept so
// they stay held.

/// Invites `address` into a new group over HTTP and returns the mailed token.
async fn invite_over_http(
    app: &TestApp,
    router: &axum::Router,
    session: &str,
    address: &str,
) -> (GroupId, String) {
    let paris = app.group("Paris", None, Visibility::Public).await;
    let (status, text) = send(
        router,
        post_from_site("invitations/invite", Some(session))
            .body(body(&format!(
                "input[group_id]={paris}&input[emails]={}&input[roles][learner]=on\
                 &input[language]=fr&input[account_type]=member",
                address.replace('@', "%40")
            )))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    (paris, app.latest_link_token(address).await)
}

fn accept_form(token: &str, first_name: &str) -> String {
    format!(
        "input[token]={token}&input[first_name]={first_name}&input[last_name]=Curie\
         &input[password]=radium+et+polonium&input[password_confirm]=radium+et+polonium\
         &input[language]=fr"
    )
}

#[tokio::test]
async fn a_mail_scanner_consumes_nothing_and_a_link_works_once() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;
    let (_, token) = invite_over_http(&app, &router, &session, "marie@exemple.fr").await;

    // What a mail scanner does: fetch the link, more than once.
    for _ in 0..2 {
        let (status, html) = send(
            &router,
            Request::get(format!("/invitation?token={token}"))
                .header(header::HOST, HOST)
                .header(header::ACCEPT, "text/html")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("marie@exemple.fr"));
    }
    assert_eq!(accounts_with(&app, "marie@exemple.fr").await, 0);

    let accept = || {
        post_from_site("invitations/accept", None)
            .body(body(&accept_form(&token, "Marie")))
            .unwrap()
    };
    let (status, _) = send(&router, accept()).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the link still works after the scan"
    );
    let (status, text) = send(&router, accept()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(text, r#"{"Public":"InvitationUsed"}"#);
    assert_eq!(accounts_with(&app, "marie@exemple.fr").await, 1);
}

#[tokio::test]
async fn two_concurrent_acceptances_of_one_link_make_one_account() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;
    let (_, token) = invite_over_http(&app, &router, &session, "marie@exemple.fr").await;

    let accept = |name: &str| {
        post_from_site("invitations/accept", None)
            .body(body(&accept_form(&token, name)))
            .unwrap()
    };
    let (a, b) = tokio::join!(
        send(&router, accept("Marie")),
        send(&router, accept("Pierre"))
    );
    let statuses = [a.0, b.0];
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(accounts_with(&app, "marie@exemple.fr").await, 1);
}

#[tokio::test]
async fn forged_invitation_tokens_all_get_the_same_answer() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;
    let (_, real) = invite_over_http(&app, &router, &session, "marie@exemple.fr").await;

    let mut one_off = real.clone().into_bytes();
    let last = one_off.len() - 1;
    one_off[last] = if one_off[last] == b'A' { b'B' } else { b'A' };
    let forged = [
        String::from_utf8(one_off).unwrap(),
        app::server::auth::token::generate(),
        "x".into(),
        String::new(),
        "%27+OR+%271%27%3D%271".into(),
        "A".repeat(4000),
    ];
    let mut answers = Vec::new();
    for token in &forged {
        for (endpoint, form) in [
            ("invitations/link", format!("token={token}")),
            ("invitations/accept", accept_form(token, "Marie")),
        ] {
            let (status, text) = send(
                &router,
                post_from_site(endpoint, None).body(body(&form)).unwrap(),
            )
            .await;
            answers.push((endpoint, status, text));
        }
    }
    for (endpoint, status, text) in &answers {
        let first = answers.iter().find(|(e, ..)| e == endpoint).unwrap();
        assert_eq!((status, text), (&first.1, &first.2), "{endpoint}");
    }
    assert_eq!(answers[0].1, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answers[0].2, answers[1].2, "link and accept say the same");
    assert_eq!(accounts_with(&app, "marie@exemple.fr").await, 0);
}

#[tokio::test]
async fn a_name_carrying_a_script_is_shown_as_text() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let session = sign_in(&router).await;
    let (paris, token) = invite_over_http(&app, &router, &session, "marie@exemple.fr").await;
    let payload = "%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let (status, _) = send(
        &router,
        post_from_site("invitations/accept", None)
            .body(body(&accept_form(&token, payload)))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let (status, html) = send(
        &router,
        Request::get(format!("/groups/{paris}"))
            .header(header::HOST, HOST)
            .header(header::ACCEPT, "text/html")
            .header(header::COOKIE, &session)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the name is on the page, as text"
    );
    assert!(!html.contains("<script>alert(1)"));
}

#[tokio::test]
async fn sign_in_answers_alike_for_an_unknown_account_and_a_wrong_password() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app);
    let mut answers = Vec::new();
    for form in [
        "input[identifier]=ada%40exemple.fr&input[password]=wrong+password",
        "input[identifier]=nobody%40exemple.fr&input[password]=wrong+password",
        "input[identifier]=nobody&input[password]=correct+horse+battery",
    ] {
        let response = router
            .clone()
            .oneshot(post_from_site("auth/login", None).body(body(form)).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let cookies = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .count();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        answers.push((status, cookies, bytes));
    }
    assert_eq!(answers[0].0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answers[0].1, 0, "no cookie on a failed sign-in");
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
}
