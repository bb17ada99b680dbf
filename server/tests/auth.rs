//! Sign-in, sessions and the first platform admin, on both databases.

mod support;

use app::api::setup::SetupStatus;
use app::i18n::{Lang, Msg};
use app::server::clock::DAY;
use app::server::services::{auth, setup};
use app::server::store::users;
use app::server::{AppError, Backend};
use support::TestApp;

fn admin_input(email: &str) -> setup::AdminInput {
    setup::AdminInput {
        email: email.into(),
        first_name: " Ada ".into(),
        last_name: "Lovelace".into(),
        password: "une phrase secrète".into(),
        password_confirm: "une phrase secrète".into(),
        language: Lang::En,
    }
}

async fn setup_link_creates_the_first_platform_admin_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let token = setup::issue_token(&app.state)
        .await
        .unwrap()
        .expect("no admin yet");
    assert_eq!(
        setup::status(&app.state, "forged").await.unwrap(),
        SetupStatus::InvalidLink
    );
    assert_eq!(
        setup::status(&app.state, &token).await.unwrap(),
        SetupStatus::Open
    );

    let signed_in = setup::create_first_admin(&app.state, &token, admin_input("Ada@Exemple.fr"))
        .await
        .unwrap();
    assert!(signed_in.user.platform_admin);
    assert_eq!(signed_in.user.email.as_deref(), Some("ada@exemple.fr"));
    assert_eq!(signed_in.user.first_name, "Ada");
    assert_eq!(signed_in.user.language, "en");
    assert_eq!(signed_in.user.activated_at, Some(support::START));
    assert!(
        auth::current_user(&app.state, &signed_in.session_token)
            .await
            .unwrap()
            .is_some()
    );

    // The link is spent, and no new one is issued while an admin exists.
    assert_eq!(
        setup::status(&app.state, &token).await.unwrap(),
        SetupStatus::Done
    );
    let again = setup::create_first_admin(&app.state, &token, admin_input("eve@exemple.fr")).await;
    assert!(matches!(again, Err(AppError::Invalid(Msg::SetupDone))));
    assert_eq!(setup::issue_token(&app.state).await.unwrap(), None);
    let mut conn = app.conn().await;
    assert_eq!(users::count_platform_admins(&mut conn).await.unwrap(), 1);
}

async fn two_racing_setup_submissions_create_one_admin(backend: Backend) {
    let app = TestApp::new(backend).await;
    let token = setup::issue_token(&app.state).await.unwrap().unwrap();
    let (a, b) = tokio::join!(
        setup::create_first_admin(&app.state, &token, admin_input("a@exemple.fr")),
        setup::create_first_admin(&app.state, &token, admin_input("b@exemple.fr")),
    );
    assert_eq!([a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(), 1);
    let mut conn = app.conn().await;
    assert_eq!(users::count_platform_admins(&mut conn).await.unwrap(), 1);
}

async fn setup_refuses_bad_input_with_a_precise_message(backend: Backend) {
    let app = TestApp::new(backend).await;
    let token = setup::issue_token(&app.state).await.unwrap().unwrap();
    let cases = [
        (
            setup::AdminInput {
                email: "pas une adresse".into(),
                ..admin_input("")
            },
            Msg::ErrEmailInvalid,
        ),
        (
            setup::AdminInput {
                first_name: "  ".into(),
                ..admin_input("a@x.fr")
            },
            Msg::ErrFirstNameRequired,
        ),
        (
            setup::AdminInput {
                password: "court".into(),
                password_confirm: "court".into(),
                ..admin_input("a@x.fr")
            },
            Msg::ErrPasswordTooShort,
        ),
        (
            setup::AdminInput {
                password: "azertyuiop".into(),
                password_confirm: "azertyuiop".into(),
                ..admin_input("a@x.fr")
            },
            Msg::ErrPasswordCommon,
        ),
        (
            setup::AdminInput {
                password_confirm: "autre chose".into(),
                ..admin_input("a@x.fr")
            },
            Msg::ErrPasswordMismatch,
        ),
    ];
    for (input, expected) in cases {
        match setup::create_first_admin(&app.state, &token, input).await {
            Err(AppError::Invalid(msg)) => assert_eq!(msg, expected),
            other => panic!("expected {expected:?}, got {other:?}"),
        }
    }
    // Refusals do not spend the link.
    assert_eq!(
        setup::status(&app.state, &token).await.unwrap(),
        SetupStatus::Open
    );
}

async fn login_accepts_the_address_in_any_case_and_opens_a_session(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.platform_admin("ada@exemple.fr").await;
    let signed_in = auth::login(
        &app.state,
        "  ADA@Exemple.FR ",
        "correct horse battery".into(),
        None,
    )
    .await
    .unwrap();
    let me = auth::current_user(&app.state, &signed_in.session_token)
        .await
        .unwrap()
        .expect("session is live");
    assert!(me.actor.platform_admin);
}

async fn wrong_password_and_unknown_account_get_the_same_answer(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.platform_admin("ada@exemple.fr").await;
    let wrong = auth::login(&app.state, "ada@exemple.fr", "wrong password".into(), None).await;
    let unknown = auth::login(
        &app.state,
        "nobody@exemple.fr",
        "wrong password".into(),
        None,
    )
    .await;
    let garbage = auth::login(&app.state, "@@@", "x".into(), None).await;
    for outcome in [wrong, unknown, garbage] {
        assert!(matches!(
            outcome,
            Err(AppError::Invalid(Msg::InvalidCredentials))
        ));
    }
}

async fn an_account_is_throttled_after_five_failures(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.platform_admin("ada@exemple.fr").await;
    for _ in 0..5 {
        let _ = auth::login(
            &app.state,
            "ada@exemple.fr",
            "nope".into(),
            Some("10.0.0.1"),
        )
        .await;
    }
    // Even the right password waits: the guesser must not learn it is right.
    let locked = auth::login(
        &app.state,
        "ada@exemple.fr",
        "correct horse battery".into(),
        Some("10.0.0.2"),
    )
    .await;
    assert!(matches!(
        locked,
        Err(AppError::Invalid(Msg::TooManyAttempts))
    ));
    app.clock.advance(16 * 60 * 1000);
    assert!(
        auth::login(
            &app.state,
            "ada@exemple.fr",
            "correct horse battery".into(),
            None
        )
        .await
        .is_ok()
    );
}

async fn sessions_end_at_logout_and_after_fourteen_days(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.platform_admin("ada@exemple.fr").await;
    let first = auth::login(
        &app.state,
        "ada@exemple.fr",
        "correct horse battery".into(),
        None,
    )
    .await
    .unwrap();
    let second = auth::login(
        &app.state,
        "ada@exemple.fr",
        "correct horse battery".into(),
        None,
    )
    .await
    .unwrap();
    auth::logout(&app.state, &first.session_token)
        .await
        .unwrap();
    assert!(
        auth::current_user(&app.state, &first.session_token)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        auth::current_user(&app.state, &second.session_token)
            .await
            .unwrap()
            .is_some()
    );
    app.clock.advance(14 * DAY);
    assert!(
        auth::current_user(&app.state, &second.session_token)
            .await
            .unwrap()
            .is_none()
    );
}

async fn the_session_cookie_value_is_not_stored(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.platform_admin("ada@exemple.fr").await;
    let signed_in = auth::login(
        &app.state,
        "ada@exemple.fr",
        "correct horse battery".into(),
        None,
    )
    .await
    .unwrap();
    let mut conn = app.conn().await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM auth_sessions")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], signed_in.session_token);
    assert_eq!(
        stored[0],
        app::server::auth::token::hash(&signed_in.session_token)
    );
}

on_both_backends!(
    setup_link_creates_the_first_platform_admin_once,
    two_racing_setup_submissions_create_one_admin,
    setup_refuses_bad_input_with_a_precise_message,
    login_accepts_the_address_in_any_case_and_opens_a_session,
    wrong_password_and_unknown_account_get_the_same_answer,
    an_account_is_throttled_after_five_failures,
    sessions_end_at_logout_and_after_fourteen_days,
    the_session_cookie_value_is_not_stored,
);
