//! The HTTP surface: cross-origin refusal, POST-only server functions,
//! cookies, status codes, redirects. Backend-independent, so SQLite only.

mod support;

use app::server::Backend;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use support::TestApp;
use tower::ServiceExt;

async fn router(app: &TestApp) -> axum::Router {
    server::startup::router(app.state.clone(), server::startup::leptos_options())
}

fn post(uri: &str, origin: Option<&str>, body: &str) -> Request<Body> {
    let mut req = Request::post(uri)
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(origin) = origin {
        req = req.header(header::ORIGIN, origin);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

async fn body_text(response: axum::response::Response) -> String {
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

const LOGIN: &str = "input[identifier]=ada%40exemple.fr&input[password]=correct+horse+battery";

/// Signs in with `LOGIN`: the `name=value` of the session cookie.
async fn session_cookie(router: &axum::Router) -> String {
    let (_, cookies) = sign_in(router).await;
    cookies
        .iter()
        .map(|c| c.split(';').next().unwrap())
        .find(|c| c.starts_with("onboard_session="))
        .expect("session cookie")
        .to_owned()
}

/// Signs in with `LOGIN`: the answer's status and its `Set-Cookie` headers.
async fn sign_in(router: &axum::Router) -> (StatusCode, Vec<String>) {
    let response = router
        .clone()
        .oneshot(post(
            "/api/auth/login",
            Some("http://127.0.0.1:3000"),
            LOGIN,
        ))
        .await
        .unwrap();
    let cookies = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    (response.status(), cookies)
}

#[tokio::test]
async fn cross_site_posts_are_refused_before_reaching_any_function() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app).await;
    let response = router
        .clone()
        .oneshot(post("/api/auth/login", Some("https://evil.example"), LOGIN))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.headers().get(header::SET_COOKIE).is_none());

    let mut no_origin_but_cross_site = post("/api/auth/login", None, LOGIN);
    no_origin_but_cross_site
        .headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().unwrap());
    let response = router.oneshot(no_origin_but_cross_site).await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn server_functions_answer_post_only() {
    let app = TestApp::new(Backend::Sqlite).await;
    let response = router(&app)
        .await
        .oneshot(
            Request::get("/api/auth/login?identifier=a&password=b")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn login_sets_an_http_only_lax_session_cookie_and_the_language() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let (status, cookies) = sign_in(&router(&app).await).await;
    assert_eq!(status, StatusCode::OK);
    let session = cookies
        .iter()
        .find(|c| c.starts_with("onboard_session="))
        .expect("session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(!session.contains("Secure"), "plain http in tests");
    assert!(cookies.iter().any(|c| c.starts_with("onboard_lang=fr")));
}

#[tokio::test]
async fn refusals_carry_a_status_and_a_message_key_not_internals() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app).await;
    let response = router
        .clone()
        .oneshot(post(
            "/api/auth/login",
            Some("http://127.0.0.1:3000"),
            "input[identifier]=ada%40exemple.fr&input[password]=wrong",
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body_text(response).await,
        r#"{"Public":"InvalidCredentials"}"#
    );

    let response = router
        .oneshot(post(
            "/api/groups/sidebar",
            Some("http://127.0.0.1:3000"),
            "",
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body_text(response).await, r#""Unauthenticated""#);
}

#[tokio::test]
async fn pages_send_visitors_without_a_session_to_the_login_page() {
    let app = TestApp::new(Backend::Sqlite).await;
    let response = router(&app)
        .await
        .oneshot(
            Request::get("/")
                .header(header::ACCEPT, "text/html,application/xhtml+xml")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(response.headers().get(header::LOCATION).unwrap(), "/login");
}

#[tokio::test]
async fn the_login_page_follows_the_language_cookie_then_the_browser() {
    let app = TestApp::new(Backend::Sqlite).await;
    let router = router(&app).await;
    let english = router
        .clone()
        .oneshot(
            Request::get("/login")
                .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let html = body_text(english).await;
    assert!(html.contains(r#"<html lang="en""#) && html.contains("Sign in"));
    let french = router
        .oneshot(
            Request::get("/login")
                .header(header::ACCEPT_LANGUAGE, "en-GB")
                .header(header::COOKIE, "onboard_lang=fr")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(body_text(french).await.contains("Connexion"));
}

/// A visitor whose browser asks for none of the platform's languages gets
/// the platform's default language, a setting only platform admins change;
/// the browser's choice and then the visitor's own still come first.
#[tokio::test]
async fn without_a_preference_the_platform_default_language_applies() {
    use app::contracts::settings::PlatformSettingsInput;
    use app::server::services::platform;
    let app = TestApp::new(Backend::Sqlite).await;
    let router = router(&app).await;
    let lang_of = async |accept: &str, cookie: Option<&str>| {
        let mut request = Request::get("/login").header(header::ACCEPT_LANGUAGE, accept);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        let html = body_text(
            router
                .clone()
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap(),
        )
        .await;
        let start = html.find("<html lang=\"").expect("an html tag") + 12;
        html[start..start + 2].to_owned()
    };
    assert_eq!(
        lang_of("de-DE,de;q=0.9", None).await,
        "fr",
        "French out of the box"
    );

    let (_, ventes, _, _) = app.sample_tree().await;
    let user_admin = app
        .user_with_roles(
            "ua@exemple.fr",
            &[(ventes, app::domain::GroupRole::UserAdmin)],
        )
        .await;
    let english = || PlatformSettingsInput {
        default_language: "en".into(),
        seat_limit: None,
        seat_limit_given: None,
        time_zone: None,
    };
    assert!(matches!(
        platform::update(&app.state, &user_admin, english()).await,
        Err(app::server::AppError::Forbidden)
    ));
    assert_eq!(
        lang_of("de-DE", None).await,
        "fr",
        "a refused change changes nothing"
    );

    let admin = app.platform_admin("ada@exemple.fr").await;
    platform::update(&app.state, &admin, english())
        .await
        .unwrap();
    assert_eq!(lang_of("de-DE", None).await, "en");
    assert_eq!(
        lang_of("nl-BE,nl;q=0.9", None).await,
        "nl",
        "the browser's, when offered"
    );
    assert_eq!(
        lang_of("de-DE", Some("onboard_lang=fr")).await,
        "fr",
        "the visitor's choice"
    );
    // Read back from the database, as another instance would.
    app.state.set_default_lang(app::i18n::Lang::Fr);
    platform::load_default_language(&app.state).await.unwrap();
    assert_eq!(lang_of("de-DE", None).await, "en");
}

/// The first-login page speaks the language the admin chose for the
/// invitation, unless the visitor chose one (the language cookie).
#[tokio::test]
async fn the_first_login_page_speaks_the_invitation_language() {
    use app::domain::GroupRole;
    use app::i18n::Lang;
    use app::server::services::invitations::{self, InviteRequest};
    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invitations::invite(
        &app.state,
        &admin,
        InviteRequest {
            language: Lang::Nl,
            ..support::invite_request(paris, "jan@voorbeeld.be", &[GroupRole::Learner])
        },
    )
    .await
    .unwrap();
    let token = app.latest_link_token("jan@voorbeeld.be").await;
    let router = router(&app).await;
    let page = |token: String, cookie: Option<&'static str>| {
        let router = router.clone();
        async move {
            let mut request = Request::get(format!("/invitation?token={token}"))
                .header(header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9");
            if let Some(cookie) = cookie {
                request = request.header(header::COOKIE, cookie);
            }
            let response = router
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            body_text(response).await
        }
    };
    let dutch = page(token.clone(), None).await;
    assert!(dutch.contains(r#"<html lang="nl""#), "{dutch}");
    assert!(dutch.contains("Welkom bij Onboard"));
    let chosen = page(token, Some("onboard_lang=en")).await;
    assert!(
        chosen.contains(r#"<html lang="en""#),
        "the visitor's choice wins"
    );
    let unknown = page("not-a-token".into(), None).await;
    assert!(unknown.contains(r#"<html lang="fr""#), "else the browser's");
}

#[tokio::test]
async fn an_unknown_page_is_a_404() {
    let app = TestApp::new(Backend::Sqlite).await;
    let response = router(&app)
        .await
        .oneshot(Request::get("/no/such/page").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

/// The anonymous row of the authorization matrix, over HTTP: every server
/// function behind a session answers 401 without one, before touching
/// anything (the per-role rows are the service tests').
#[tokio::test]
async fn every_signed_in_function_refuses_an_anonymous_caller() {
    let app = TestApp::new(Backend::Sqlite).await;
    let router = router(&app).await;
    let signed_in_only: &[(&str, &str)] = &[
        ("groups/sidebar", ""),
        ("groups/page", "id=1"),
        (
            "groups/create",
            "input[name]=X&input[parent]=&input[visibility]=public",
        ),
        (
            "groups/update",
            "input[id]=1&input[name]=X&input[parent]=&input[visibility]=public",
        ),
        ("groups/delete", "id=1"),
        ("groups/member-roles", "input[group_id]=1&input[user_id]=1"),
        ("groups/member-remove", "input[group_id]=1&input[user_id]=1"),
        ("invitations/panel", "group_id=1"),
        (
            "invitations/invite",
            "input[group_id]=1&input[emails]=a%40b.fr&input[language]=fr&input[account_type]=member",
        ),
        (
            "invitations/list",
            "input[search]=&input[status]=&input[delivery]=&input[group]=&input[inviter]=&input[sort]=&input[page]=1",
        ),
        ("invitations/cancel", "id=1"),
        ("invitations/resend", "id=1"),
        ("invitations/copy-link", "id=1"),
        (
            "invitations/bulk",
            "input[action]=resend&input[ids]=1&input[all_matching]=false&input[search]=&input[status]=&input[delivery]=&input[group]=&input[inviter]=",
        ),
        ("accounts/panel", "group_id=1"),
        (
            "accounts/create",
            "input[group_id]=1&input[first_name]=A&input[last_name]=B&input[language]=fr&input[account_type]=member",
        ),
        ("password-link/resend", "user_id=1"),
        ("users/profile", "user_id=1"),
        ("users/update", "input[user_id]=1"),
        ("custom-fields/list", ""),
        (
            "custom-fields/create",
            "input[key]=k&input[labels][fr]=K&input[field_type]=text",
        ),
        ("custom-fields/delete", "id=1"),
        ("auth/home", ""),
        ("settings/platform", ""),
        ("settings/platform/update", "input[default_language]=en"),
        ("users/convert-type", "input[user_id]=1&input[to]=guest"),
        ("invitations/activate", "id=1"),
        ("billing", "query[month]="),
        ("journal", "query[action]="),
    ];
    for (endpoint, body) in signed_in_only {
        let response = router
            .clone()
            .oneshot(post(
                &format!("/api/{endpoint}"),
                Some("http://127.0.0.1:3000"),
                body,
            ))
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{endpoint} must refuse an anonymous caller"
        );
    }
    // The one-time links answer without a session, and say a bad token is bad.
    let response = router
        .oneshot(post(
            "/api/password-link/open",
            Some("http://127.0.0.1:3000"),
            "token=nope",
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body_text(response).await,
        r#"{"Public":"PasswordLinkInvalid"}"#
    );
}

/// Our wasm asks for postcard and gets it, errors included; every other
/// client (scripts, curl) gets the same answer in JSON; a form posted
/// before the wasm loaded gets a redirect whose error the next page reads
/// back and shows.
#[tokio::test]
async fn answers_are_postcard_for_the_wasm_json_for_other_clients_and_a_redirect_for_forms() {
    use app::api::ApiError;
    use app::api::auth::Me;
    use app::contracts::wire::Wire;
    use app::i18n::Msg;
    use leptos::server_fn::{Bytes, ContentType, Decodes};

    let app = TestApp::new(Backend::Sqlite).await;
    app.platform_admin("ada@exemple.fr").await;
    let router = router(&app).await;
    let session = session_cookie(&router).await;
    let me = |accept: Option<&str>| {
        let mut req = post("/api/auth/me", Some("http://127.0.0.1:3000"), "");
        req.headers_mut()
            .insert(header::COOKIE, session.parse().unwrap());
        if let Some(accept) = accept {
            req.headers_mut()
                .insert(header::ACCEPT, accept.parse().unwrap());
        }
        router.clone().oneshot(req)
    };
    let content_type = |r: &axum::response::Response| {
        r.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_owned()
    };

    let binary = me(Some(Wire::CONTENT_TYPE)).await.unwrap();
    assert_eq!(binary.status(), StatusCode::OK);
    assert_eq!(content_type(&binary), Wire::CONTENT_TYPE);
    let bytes = binary.into_body().collect().await.unwrap().to_bytes();
    let from_postcard: Option<Me> = <Wire as Decodes<Option<Me>>>::decode(bytes).unwrap();
    assert_eq!(
        from_postcard.as_ref().and_then(|m| m.email.as_deref()),
        Some("ada@exemple.fr")
    );

    let text = me(None).await.unwrap();
    assert_eq!(content_type(&text), "application/json");
    let json: serde_json::Value = serde_json::from_str(&body_text(text).await).unwrap();
    assert_eq!(json["email"], "ada@exemple.fr");
    assert_eq!(
        json["display_name"],
        from_postcard.unwrap().display_name.as_str()
    );

    // A refusal, to the wasm: its status, and the error in postcard.
    let wrong = "input[identifier]=ada%40exemple.fr&input[password]=wrong";
    let mut req = post("/api/auth/login", Some("http://127.0.0.1:3000"), wrong);
    req.headers_mut()
        .insert(header::ACCEPT, Wire::CONTENT_TYPE.parse().unwrap());
    let refused = router.clone().oneshot(req).await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type(&refused), Wire::CONTENT_TYPE);
    let bytes = refused.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        <Wire as Decodes<ApiError>>::decode(bytes).unwrap(),
        ApiError::Public(Msg::InvalidCredentials)
    );

    // The same refusal to a form posted by a browser without the wasm:
    // back to the sign-in page, which shows why.
    let mut req = post("/api/auth/login", Some("http://127.0.0.1:3000"), wrong);
    req.headers_mut().insert(
        header::ACCEPT,
        "text/html,application/xhtml+xml".parse().unwrap(),
    );
    req.headers_mut().insert(
        header::REFERER,
        "http://127.0.0.1:3000/login".parse().unwrap(),
    );
    let redirected = router.clone().oneshot(req).await.unwrap();
    assert_eq!(redirected.status(), StatusCode::FOUND);
    // The identifier (never the password) waits for the sign-in page alone.
    let kept = redirected
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("onboard_login_id="))
        .expect("the identifier is kept for the page");
    assert!(kept.contains("Path=/login") && kept.contains("HttpOnly"));
    assert!(!kept.contains("wrong") && !kept.contains("ada"));
    let kept = kept.split(';').next().unwrap().to_owned();
    let location = redirected.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let url = url::Url::parse(&location).unwrap();
    let err = url
        .query_pairs()
        .find(|(k, _)| k == "__err")
        .map(|(_, v)| v.into_owned())
        .expect("the error travels in the URL");
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(err)
        .unwrap();
    assert_eq!(
        <Wire as Decodes<ApiError>>::decode(Bytes::from(bytes)).unwrap(),
        ApiError::Public(Msg::InvalidCredentials)
    );
    let page = router
        .clone()
        .oneshot(
            Request::get(&location[url.origin().ascii_serialization().len()..])
                .header(header::ACCEPT_LANGUAGE, "fr")
                .header(header::COOKIE, &kept)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = body_text(page).await;
    assert!(
        page.contains("Identifiant ou mot de passe incorrect."),
        "the sign-in page shows the refusal"
    );
    // ...with the identifier filled in again, and the focus on the password.
    assert!(page.contains(r#"value="ada@exemple.fr""#), "{page}");
    assert!(page.contains(r#"autocomplete="current-password" required autofocus"#));
    // Written as text into the attribute, whatever was typed.
    let typed = r#"x"><script>alert(1)</script>"#;
    let crafted = app::server::auth::cookie::login_identifier(typed, false);
    let page = router
        .clone()
        .oneshot(
            Request::get("/login")
                .header(header::COOKIE, crafted.split(';').next().unwrap())
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let page = body_text(page).await;
    assert!(!page.contains("<script>alert(1)"), "{page}");
    assert!(page.contains(r#"value="x&quot;>"#) || page.contains(r#"value="x&quot;&gt;"#));

    // The wasm's own refusal keeps its form as typed: no cookie.
    let mut req = post("/api/auth/login", Some("http://127.0.0.1:3000"), wrong);
    req.headers_mut()
        .insert(header::ACCEPT, Wire::CONTENT_TYPE.parse().unwrap());
    let refused = router.clone().oneshot(req).await.unwrap();
    assert!(refused.headers().get(header::SET_COOKIE).is_none());

    // A form's sign-in drops the identifier.
    let mut req = post("/api/auth/login", Some("http://127.0.0.1:3000"), LOGIN);
    req.headers_mut().insert(
        header::ACCEPT,
        "text/html,application/xhtml+xml".parse().unwrap(),
    );
    let signed_in = router.clone().oneshot(req).await.unwrap();
    assert!(
        signed_in
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("onboard_login_id=;")
                && c.to_str().unwrap().contains("Max-Age=0"))
    );
}

/// A group of 60 renders 50 members a page: page 2 holds the last ten, says
/// the count of all and links back to page 1. Page 1 lists 20 of the 21
/// pending invitations and links to the tab that has them all.
#[tokio::test]
async fn a_group_page_shows_its_members_fifty_at_a_time() {
    use app::domain::GroupRole::Learner;
    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    app.many_members(paris, 60, &[Learner]).await;
    let addresses: Vec<String> = (0..21).map(|n| format!("jean{n:02}@exemple.fr")).collect();
    let request = support::invite_request(paris, &addresses.join("; "), &[Learner]);
    app::server::services::invitations::invite(&app.state, &admin, request)
        .await
        .unwrap();
    let router = router(&app).await;
    let session = session_cookie(&router).await;
    let page = |n: u32| {
        let request = Request::get(format!("/groups/{paris}?page={n}"))
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::ACCEPT, "text/html")
            .header(header::COOKIE, &session)
            .body(Body::empty())
            .unwrap();
        let router = router.clone();
        async move { body_text(router.oneshot(request).await.unwrap()).await }
    };
    let second = page(2).await;
    assert!(second.contains("60 utilisateurs"), "{second}");
    assert!(second.contains("Anne nom 50") && second.contains("Anne NOM 59"));
    assert!(!second.contains("Anne nom 00") && !second.contains("Anne NOM 49"));
    assert!(second.contains(r#"<a href="?page=1" rel="prev">Précédent"#));
    assert!(!second.contains(r#"rel="next""#));
    let first = page(1).await;
    assert!(first.contains("Anne nom 00") && first.contains("Anne NOM 49"));
    assert!(!first.contains("Anne nom 50"));
    // One editor for the table, opened by each row's button: not one per row.
    assert_eq!(first.matches("<dialog").count(), 1, "{first}");
    assert_eq!(
        first
            .matches(r#"aria-label="Modifier les rôles de "#)
            .count(),
        50
    );
    assert!(first.contains(r#"<a href="?page=2" rel="next">Suivant"#));
    assert!(first.contains(r#"aria-label="Pages" class="pager""#));
    assert!(first.contains("jean19@exemple.fr") && !first.contains("jean20@exemple.fr"));
    assert!(first.contains(&format!(
        r#"<a href="/groups/{paris}/users/invitations">Toutes les invitations en attente"#
    )));
    assert!(!second.contains("jean00@exemple.fr") && !second.contains("Toutes les invitations"));
}
