//! Sign-in, sessions and the first platform admin, on both databases.

mod support;

use std::sync::Arc;

use app::api::setup::SetupStatus;
use app::domain::GroupRole::{Learner, Trainer};
use app::i18n::{Lang, Msg};
use app::server::auth::rate_limit::WINDOW;
use app::server::clock::{DAY, MINUTE};
use app::server::services::directory::Shared;
use app::server::services::{auth, home, setup};
use app::server::store::users;
use app::server::{AppError, AppState, Backend};
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
    assert_eq!(signed_in.user.language, Lang::En);
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
        // Each refusal is said on its input.
        match setup::create_first_admin(&app.state, &token, input).await {
            Err(AppError::InvalidFields(problems)) => {
                assert_eq!(
                    problems.iter().map(|p| p.msg).collect::<Vec<_>>(),
                    [expected]
                );
            }
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

const RIGHT: &str = "correct horse battery";
/// `u@exemple.fr` as a guesser may type it: upper case, a full-width `e`, a
/// soft hyphen. Sign-in reaches the same account under each.
const SPELLINGS: [&str; 4] = [
    "u@exemple.fr",
    "U@EXEMPLE.FR",
    "u@\u{ff45}xemple.fr",
    "u@exem\u{00ad}ple.fr",
];

async fn attempt(
    state: &AppState,
    identifier: &str,
    password: &str,
    client: Option<&str>,
) -> Result<(), Msg> {
    match auth::login(state, identifier, password.into(), client).await {
        Ok(_) => Ok(()),
        Err(AppError::Invalid(msg)) => Err(msg),
        Err(other) => panic!("unexpected error: {other:?}"),
    }
}

async fn a_lock_out_holds_under_every_spelling_of_the_address(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    // Each spelling does reach the account (and a success clears nothing
    // that matters here: no failure yet).
    for spelling in SPELLINGS {
        assert_eq!(attempt(&app.state, spelling, RIGHT, None).await, Ok(()));
    }
    for _ in 0..5 {
        assert_eq!(
            attempt(&app.state, "u@exemple.fr", "nope", Some("10.0.0.1")).await,
            Err(Msg::InvalidCredentials)
        );
    }
    for spelling in SPELLINGS {
        assert_eq!(
            attempt(&app.state, spelling, RIGHT, Some("10.0.0.2")).await,
            Err(Msg::TooManyAttempts),
            "{spelling:?}"
        );
    }
    app.clock.advance(WINDOW + 1);
    assert_eq!(
        attempt(&app.state, "u@\u{ff45}xemple.fr", RIGHT, Some("10.0.0.2")).await,
        Ok(())
    );
}

async fn failures_under_different_spellings_count_together(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    for spelling in SPELLINGS.iter().cycle().skip(1).take(5) {
        assert_eq!(
            attempt(&app.state, spelling, "nope", None).await,
            Err(Msg::InvalidCredentials)
        );
    }
    assert_eq!(
        attempt(&app.state, "u@exemple.fr", RIGHT, None).await,
        Err(Msg::TooManyAttempts)
    );
    // The same holds for an address nobody has: the answer stays the same.
    for spelling in [
        "x@exemple.fr",
        "X@\u{ff45}xemple.fr",
        "x@exem\u{00ad}ple.fr",
    ]
    .iter()
    .cycle()
    .take(5)
    {
        assert_eq!(
            attempt(&app.state, spelling, "nope", None).await,
            Err(Msg::InvalidCredentials)
        );
    }
    assert_eq!(
        attempt(&app.state, "x@exemple.fr", "nope", None).await,
        Err(Msg::TooManyAttempts)
    );
}

async fn an_account_is_one_counter_whichever_identifier_reaches_it(backend: Backend) {
    let app = TestApp::new(backend).await;
    let user = app.user_with_roles("jd@exemple.fr", &[]).await;
    let mut conn = app.conn().await;
    sqlx::query("UPDATE users SET login_name = 'jdupont' WHERE id = $1")
        .bind(user.user.id)
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    for identifier in [
        "jd@exemple.fr",
        "JDupont",
        "jd@exemple.fr",
        "jdupont",
        "jdupont",
    ] {
        assert_eq!(
            attempt(&app.state, identifier, "nope", None).await,
            Err(Msg::InvalidCredentials)
        );
    }
    assert_eq!(
        attempt(&app.state, "jd@exemple.fr", RIGHT, None).await,
        Err(Msg::TooManyAttempts)
    );
}

async fn instances_on_one_database_share_the_count(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    // A second server on the same database: its own pool and limiter.
    let other =
        server::startup::build_state((*app.state.config).clone(), Arc::new(app.clock.clone()))
            .await
            .unwrap();
    for _ in 0..5 {
        assert_eq!(
            attempt(&app.state, "u@exemple.fr", "nope", Some("10.0.0.1")).await,
            Err(Msg::InvalidCredentials)
        );
    }
    for spelling in SPELLINGS {
        assert_eq!(
            attempt(&other, spelling, RIGHT, Some("10.0.0.1")).await,
            Err(Msg::TooManyAttempts),
            "{spelling:?}"
        );
    }
    // Spread over both instances, failures add up too.
    app.clock.advance(WINDOW + 1);
    for i in 0..5 {
        let state = if i % 2 == 0 { &app.state } else { &other };
        assert_eq!(
            attempt(state, SPELLINGS[i % 4], "nope", None).await,
            Err(Msg::InvalidCredentials)
        );
    }
    for state in [&app.state, &other] {
        assert_eq!(
            attempt(state, "u@exemple.fr", RIGHT, None).await,
            Err(Msg::TooManyAttempts)
        );
    }
    app.clock.advance(WINDOW + 1);
    assert_eq!(attempt(&other, "U@EXEMPLE.FR", RIGHT, None).await, Ok(()));
}

async fn a_client_address_is_locked_after_twenty_failures_across_accounts(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    for i in 0..19 {
        assert_eq!(
            attempt(
                &app.state,
                &format!("user{i}@x.fr"),
                "nope",
                Some("9.9.9.9")
            )
            .await,
            Err(Msg::InvalidCredentials)
        );
    }
    // A success neither counts against the address nor forgives it.
    assert_eq!(
        attempt(&app.state, "u@exemple.fr", RIGHT, Some("9.9.9.9")).await,
        Ok(())
    );
    assert_eq!(
        attempt(&app.state, "user19@x.fr", "nope", Some("9.9.9.9")).await,
        Err(Msg::InvalidCredentials)
    );
    assert_eq!(
        attempt(&app.state, "u@exemple.fr", RIGHT, Some("9.9.9.9")).await,
        Err(Msg::TooManyAttempts)
    );
    assert_eq!(
        attempt(&app.state, "u@exemple.fr", RIGHT, Some("8.8.8.8")).await,
        Ok(())
    );
}

async fn a_success_forgives_the_accounts_earlier_typos(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    for spelling in SPELLINGS {
        assert_eq!(
            attempt(&app.state, spelling, "nope", None).await,
            Err(Msg::InvalidCredentials)
        );
    }
    assert_eq!(
        attempt(&app.state, "u@\u{ff45}xemple.fr", RIGHT, None).await,
        Ok(())
    );
    for _ in 0..4 {
        assert_eq!(
            attempt(&app.state, "u@exemple.fr", "nope", None).await,
            Err(Msg::InvalidCredentials)
        );
    }
    assert_eq!(
        attempt(&app.state, "u@exemple.fr", RIGHT, None).await,
        Ok(())
    );
}

/// Attempts are counted before the password is checked, so a burst of
/// concurrent guesses cannot all slip past a count none of them is in yet.
async fn concurrent_guesses_never_exceed_the_limit(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user_with_roles("u@exemple.fr", &[]).await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..12 {
        let state = app.state.clone();
        guesses.spawn(async move {
            attempt(&state, SPELLINGS[i % 4], &format!("guess {i}"), None).await
        });
    }
    let mut checked = 0;
    while let Some(outcome) = guesses.join_next().await {
        match outcome.unwrap() {
            Err(Msg::InvalidCredentials) => checked += 1,
            Err(Msg::TooManyAttempts) => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert!(checked <= 5, "{checked} guesses reached the password check");
}

async fn old_failures_are_purged(backend: Backend) {
    let app = TestApp::new(backend).await;
    for i in 0..3 {
        let _ = attempt(
            &app.state,
            &format!("user{i}@x.fr"),
            "nope",
            Some("9.9.9.9"),
        )
        .await;
    }
    app.clock.advance(WINDOW + 2 * MINUTE);
    let _ = attempt(&app.state, "late@x.fr", "nope", None).await;
    let mut conn = app.conn().await;
    let keys: Vec<String> = sqlx::query_scalar("SELECT key FROM login_failures ORDER BY key")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    assert_eq!(keys, ["id:late@x.fr"]);
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

/// A non-admin's home lists their own groups with the roles held, by
/// path, and their own profile — nobody else's.
async fn the_home_shows_ones_own_groups_and_profile(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let lea = app
        .user_with_roles(
            "lea@exemple.fr",
            &[
                (paris, Learner),
                (ventes, Learner),
                (acme, Learner),
                (paris, Trainer),
            ],
        )
        .await;
    app.user_with_roles("autre@exemple.fr", &[(support, Learner)])
        .await;
    let mine = home::mine(&app.state, &lea, &Shared::fresh())
        .await
        .unwrap();
    assert_eq!(mine.email.as_deref(), Some("lea@exemple.fr"));
    assert_eq!(mine.language, Lang::Fr);
    let groups: Vec<(&str, &[app::domain::GroupRole])> = mine
        .groups
        .iter()
        .map(|(_, path, roles)| (path.as_str(), roles.as_slice()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Acme", &[Learner][..]),
            ("Acme › Ventes", &[Learner][..]),
            ("Acme › Ventes › Paris", &[Trainer, Learner][..]),
        ]
    );
}

/// The session's user and roles come in one query: every role held, the
/// account's own columns intact, nobody else's memberships, and an
/// account holding none has none.
async fn a_session_brings_its_user_with_every_role_they_hold(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let lea = app
        .user_with_roles(
            "lea@exemple.fr",
            &[(paris, Learner), (ventes, Learner), (paris, Trainer)],
        )
        .await;
    app.user_with_roles("autre@exemple.fr", &[(support, Learner), (acme, Trainer)])
        .await;
    let nobody = app.user_with_roles("nul@exemple.fr", &[]).await;
    for (expected, email) in [(&lea, "lea@exemple.fr"), (&nobody, "nul@exemple.fr")] {
        let signed_in = auth::login(&app.state, email, "correct horse battery".into(), None)
            .await
            .unwrap();
        let found = auth::current_user(&app.state, &signed_in.session_token)
            .await
            .unwrap()
            .expect("session is live");
        assert_eq!(found.user, expected.user);
        let mut roles = found.actor.roles.clone();
        roles.sort_by_key(|(group, role)| (*group, role.as_str()));
        let mut held = expected.actor.roles.clone();
        held.sort_by_key(|(group, role)| (*group, role.as_str()));
        assert_eq!(roles, held, "{email}");
    }
    assert_eq!(lea.actor.roles.len(), 3);
    assert!(nobody.actor.roles.is_empty());
}

on_both_backends!(
    a_session_brings_its_user_with_every_role_they_hold,
    the_home_shows_ones_own_groups_and_profile,
    setup_link_creates_the_first_platform_admin_once,
    two_racing_setup_submissions_create_one_admin,
    setup_refuses_bad_input_with_a_precise_message,
    login_accepts_the_address_in_any_case_and_opens_a_session,
    wrong_password_and_unknown_account_get_the_same_answer,
    an_account_is_throttled_after_five_failures,
    a_lock_out_holds_under_every_spelling_of_the_address,
    failures_under_different_spellings_count_together,
    an_account_is_one_counter_whichever_identifier_reaches_it,
    instances_on_one_database_share_the_count,
    a_client_address_is_locked_after_twenty_failures_across_accounts,
    a_success_forgives_the_accounts_earlier_typos,
    concurrent_guesses_never_exceed_the_limit,
    old_failures_are_purged,
    sessions_end_at_logout_and_after_fourteen_days,
    the_session_cookie_value_is_not_stored,
);
