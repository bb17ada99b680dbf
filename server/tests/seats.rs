//! Guests, members and the seat limit, on both databases: what a guest may
//! hold on every door, the one seat check on every door that makes a
//! billable member active, the race for the last seat, the invitee who
//! waits for a seat and is let in when one frees, and conversions.

mod support;

use std::time::Duration;

use app::api::accounts::{ConvertOutcome, CreateOutcome};
use app::contracts::error::FormField;
use app::contracts::invitation_tab::{StatusFilter, TabFilter};
use app::contracts::settings::PlatformSettingsInput;
use app::domain::GroupRole::{Learner, Trainer, UserAdmin};
use app::domain::billing::BillingReason;
use app::domain::invitation::InviteOutcome;
use app::domain::{AccountType, GroupId, GroupRole, UserId, Visibility};
use app::i18n::{Lang, Msg};
use app::server::services::accounts::{self, CreateRequest};
use app::server::services::auth::CurrentUser;
use app::server::services::directory::Shared;
use app::server::services::invitations::{self, AcceptInput, AcceptOutcome};
use app::server::services::memberships::{self, AddToGroupsRequest};
use app::server::services::{account_type, auth, invitation_tab, members, platform, seats};
use app::server::store::{memberships as membership_store, outbox, seats as seat_store, users};
use app::server::{AppError, Backend};
use support::{TestApp, invite_request};

fn create_request(
    group: GroupId,
    email: &str,
    kind: AccountType,
    roles: &[GroupRole],
) -> CreateRequest {
    CreateRequest {
        origin_group: group,
        first_name: "Marie".into(),
        last_name: "Curie".into(),
        email: email.into(),
        group_ids: vec![group],
        roles: roles.to_vec(),
        language: Lang::Fr,
        account_type: kind,
        password: "radium polonium 1898".into(),
        password_confirm: "radium polonium 1898".into(),
        ..Default::default()
    }
}

fn accept_input() -> AcceptInput {
    AcceptInput {
        first_name: "Irène".into(),
        last_name: "Joliot".into(),
        password: "radioactivité artificielle".into(),
        password_confirm: "radioactivité artificielle".into(),
        language: Lang::En,
    }
}

async fn set_limit(app: &TestApp, admin: &CurrentUser, limit: &str) {
    platform::update(
        &app.state,
        admin,
        PlatformSettingsInput {
            default_language: "fr".into(),
            seat_limit: Some(limit.into()),
            seat_limit_given: Some("on".into()),
            time_zone: None,
        },
    )
    .await
    .expect("limit saved");
}

async fn used(app: &TestApp) -> i64 {
    let mut conn = app.conn().await;
    seats::usage(&mut conn).await.unwrap().used
}

async fn billing_sum(app: &TestApp, user: UserId) -> i64 {
    let mut conn = app.conn().await;
    sqlx::query_scalar::<_, i64>(
        "SELECT CAST(COALESCE(SUM(change), 0) AS BIGINT) FROM billing_events WHERE user_id = $1",
    )
    .bind(user)
    .fetch_one(&mut *conn)
    .await
    .unwrap()
}

async fn mails(app: &TestApp, address: &str) -> Vec<outbox::OutboxRow> {
    let mut conn = app.conn().await;
    outbox::for_recipient(&mut conn, address).await.unwrap()
}

async fn a_guest_holds_the_learner_role_only_on_every_door(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_, _, paris, support_group) = app.sample_tree().await;

    // INVITER as a guest with a trainer role: refused under the roles.
    let mut req = invite_request(paris, "guest@exemple.fr", &[Learner, Trainer]);
    req.account_type = AccountType::Guest;
    let refused = invitations::invite(&app.state, &admin, req).await;
    assert!(
        matches!(&refused, Err(AppError::InvalidFields(p)) if p[0].field == FormField::Roles && p[0].msg == Msg::ErrGuestLearnerOnly),
        "{refused:?}"
    );
    // … nor platform admin.
    let mut req = invite_request(paris, "guest@exemple.fr", &[Learner]);
    req.account_type = AccountType::Guest;
    req.platform_admin = true;
    assert!(matches!(
        invitations::invite(&app.state, &admin, req).await,
        Err(AppError::Invalid(Msg::ErrGuestNotPlatformAdmin))
    ));

    // CRÉER COMPTE as a guest with a trainer role: refused, nothing created.
    let refused = accounts::create(
        &app.state,
        &admin,
        create_request(paris, "g2@exemple.fr", AccountType::Guest, &[Trainer]),
    )
    .await;
    assert!(
        matches!(&refused, Err(AppError::InvalidFields(p)) if p.iter().any(|p| p.field == FormField::Roles && p.msg == Msg::ErrGuestLearnerOnly)),
        "{refused:?}"
    );
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "g2@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    drop(conn);

    // A guest learner exists; every later door refuses them a trainer role.
    let CreateOutcome::Created { user_id: guest, .. } = accounts::create(
        &app.state,
        &admin,
        create_request(paris, "g3@exemple.fr", AccountType::Guest, &[Learner]),
    )
    .await
    .unwrap() else {
        panic!("guest learner created")
    };
    assert!(matches!(
        members::set_roles(&app.state, &admin, paris, guest, vec![Learner, Trainer]).await,
        Err(AppError::Invalid(Msg::ErrGuestLearnerOnly))
    ));
    assert!(matches!(
        memberships::add_to_groups(
            &app.state,
            &admin,
            AddToGroupsRequest {
                user_id: guest,
                group_ids: vec![paris],
                roles: vec![UserAdmin]
            },
        )
        .await,
        Err(AppError::Invalid(Msg::ErrGuestLearnerOnly))
    ));
    let lines = invitations::invite(
        &app.state,
        &admin,
        invite_request(paris, "g3@exemple.fr", &[Trainer]),
    )
    .await
    .unwrap();
    assert_eq!(
        lines[0].outcome,
        InviteOutcome::GuestCannotHold {
            roles: vec![Trainer]
        }
    );
    assert_eq!(
        app.roles_in(guest, paris).await,
        vec![Learner],
        "nothing changed"
    );

    // A pending guest invitation a narrower admin cannot handle whole (it
    // grants in Support): their trainer role is refused, the type kept.
    let mut req = invite_request(support_group, "g4@exemple.fr", &[Learner]);
    req.account_type = AccountType::Guest;
    invitations::invite(&app.state, &admin, req).await.unwrap();
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(paris, UserAdmin)])
        .await;
    let lines = invitations::invite(
        &app.state,
        &user_admin,
        invite_request(paris, "g4@exemple.fr", &[Trainer]),
    )
    .await
    .unwrap();
    assert_eq!(
        lines[0].outcome,
        InviteOutcome::GuestCannotHold {
            roles: vec![Trainer]
        }
    );
}

async fn every_door_checks_the_seat_limit_and_a_refusal_keeps_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    app.user_with_roles("m1@exemple.fr", &[(paris, Learner)])
        .await;
    assert_eq!(used(&app).await, 2, "the admin and one member");
    set_limit(&app, &admin, "2").await;

    // CRÉER COMPTE as a member: refused with the limit and the count.
    let refused = accounts::create(
        &app.state,
        &admin,
        create_request(paris, "m2@exemple.fr", AccountType::Member, &[Learner]),
    )
    .await;
    assert!(
        matches!(refused, Err(AppError::SeatsFull { limit: 2, used: 2 })),
        "{refused:?}"
    );
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "m2@exemple.fr")
            .await
            .unwrap()
            .is_none(),
        "nothing kept"
    );
    drop(conn);

    // A guest takes no seat.
    let CreateOutcome::Created { user_id: guest, .. } = accounts::create(
        &app.state,
        &admin,
        create_request(paris, "g@exemple.fr", AccountType::Guest, &[Learner]),
    )
    .await
    .unwrap() else {
        panic!("guest created")
    };
    assert_eq!(used(&app).await, 2);

    // Guest → member: refused, the guest stays a guest, no billing event.
    let refused =
        account_type::convert(&app.state, &admin, &[guest], AccountType::Member, false).await;
    assert!(
        matches!(refused, Err(AppError::SeatsFull { limit: 2, used: 2 })),
        "{refused:?}"
    );
    let mut conn = app.conn().await;
    let still = users::by_id(&mut conn, guest).await.unwrap().unwrap();
    assert_eq!(still.account_type, AccountType::Guest);
    drop(conn);
    assert_eq!(billing_sum(&app, guest).await, 0);

    // With a seat more, the same conversion goes through and bills.
    set_limit(&app, &admin, "3").await;
    let lines = account_type::convert(&app.state, &admin, &[guest], AccountType::Member, false)
        .await
        .unwrap();
    assert!(matches!(
        lines[0].outcome,
        ConvertOutcome::Converted {
            to: AccountType::Member,
            ..
        }
    ));
    assert_eq!(billing_sum(&app, guest).await, 1);
    assert_eq!(used(&app).await, 3);
    // Each event says how it came about.
    let mut conn = app.conn().await;
    let reasons: Vec<String> =
        sqlx::query_scalar("SELECT reason FROM billing_events WHERE user_id = $1 ORDER BY id")
            .bind(guest)
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    assert_eq!(reasons, vec!["converted_to_member"]);
    let first_admin: Vec<String> =
        sqlx::query_scalar("SELECT reason FROM billing_events WHERE user_id = $1 ORDER BY id")
            .bind(admin.user.id)
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    assert_eq!(
        first_admin,
        vec!["created"],
        "the first admin bills from the start"
    );
    drop(conn);

    // An invalid limit is refused and changes nothing.
    let refused = platform::update(
        &app.state,
        &admin,
        PlatformSettingsInput {
            default_language: "fr".into(),
            seat_limit: Some("-1".into()),
            seat_limit_given: Some("on".into()),
            time_zone: None,
        },
    )
    .await;
    assert!(matches!(
        refused,
        Err(AppError::Invalid(Msg::ErrSeatLimitInvalid))
    ));
    let mut conn = app.conn().await;
    assert_eq!(seat_store::limit(&mut conn).await.unwrap(), Some(3));
}

/// Two transactions want the last seat: the second one's turn waits for
/// the first to commit (PostgreSQL's row lock; SQLite's write lock), then
/// counts the seat the first took and is refused.
async fn two_transactions_racing_for_the_last_seat_have_exactly_one_winner(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    set_limit(&app, &admin, "2").await;
    let new_member = |email: &'static str| users::NewUser {
        email: Some(email.into()),
        login_name: None,
        first_name: "A".into(),
        last_name: "B".into(),
        password_hash: None,
        platform_admin: false,
        account_type: AccountType::Member,
        language: Lang::Fr,
        activated_at: Some(support::START),
        created_by: None,
        extra_info: String::new(),
        deletion_at: None,
    };
    let now = support::START;
    let mut first = app.state.db.begin().await.unwrap();
    let a = users::insert(&mut first, &new_member("a@exemple.fr"), now)
        .await
        .unwrap();
    seats::start_billing(
        &mut first,
        a,
        AccountType::Member,
        BillingReason::Created,
        now,
    )
    .await
    .expect("the first takes the last seat");
    let state = app.state.clone();
    let second = tokio::spawn(async move {
        let mut tx = state.db.begin().await.unwrap();
        let b = users::insert(&mut tx, &new_member("b@exemple.fr"), now)
            .await
            .unwrap();
        let result =
            seats::start_billing(&mut tx, b, AccountType::Member, BillingReason::Created, now)
                .await;
        if result.is_ok() {
            tx.commit().await.unwrap();
        }
        result
    });
    // Long enough for the second to reach its turn and wait there.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !second.is_finished(),
        "the second transaction waits for the first"
    );
    first.commit().await.unwrap();
    let second = second.await.unwrap();
    assert!(
        matches!(second, Err(AppError::SeatsFull { limit: 2, used: 2 })),
        "{second:?}"
    );
    assert_eq!(used(&app).await, 2);
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "b@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
}

async fn an_invitee_without_a_seat_waits_with_their_form_and_is_let_in_when_one_frees(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let member = app
        .user_with_roles("m1@exemple.fr", &[(paris, Trainer)])
        .await;
    set_limit(&app, &admin, "2").await;
    invitations::invite(
        &app.state,
        &admin,
        invite_request(paris, "irene@exemple.fr", &[Learner]),
    )
    .await
    .unwrap();
    let token = app.latest_link_token("irene@exemple.fr").await;

    // The form is completed: no account, the invitation waits, admins are told once.
    let outcome = invitations::accept(&app.state, &token, accept_input())
        .await
        .unwrap();
    assert!(matches!(outcome, AcceptOutcome::AwaitingSeat));
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "irene@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    drop(conn);
    let told =
        |rows: Vec<outbox::OutboxRow>| rows.iter().filter(|m| m.kind == "seat_waiting").count();
    assert_eq!(told(mails(&app, "admin@exemple.fr").await), 1);
    // The link now shows the waiting page; a second submission changes nothing.
    assert!(
        invitations::open_link(&app.state, &token)
            .await
            .unwrap()
            .awaiting_seat
    );
    let again = invitations::accept(&app.state, &token, accept_input())
        .await
        .unwrap();
    assert!(matches!(again, AcceptOutcome::AwaitingSeat));
    assert_eq!(
        told(mails(&app, "admin@exemple.fr").await),
        1,
        "mailed once"
    );

    // The Invitations tab shows it under its own filter; a wait never expires.
    app.clock.advance(40 * app::server::clock::DAY);
    let waiting = invitation_tab::list(
        &app.state,
        &admin,
        &TabFilter {
            status: StatusFilter::AwaitingSeat,
            page: 1,
            ..Default::default()
        },
        &Shared::fresh(),
    )
    .await
    .unwrap();
    assert_eq!(waiting.total, 1);
    assert!(waiting.rows[0].awaiting_seat_since.is_some() && !waiting.rows[0].expired);
    let expired = invitation_tab::list(
        &app.state,
        &admin,
        &TabFilter {
            status: StatusFilter::Expired,
            page: 1,
            ..Default::default()
        },
        &Shared::fresh(),
    )
    .await
    .unwrap();
    assert_eq!(expired.total, 0);
    // A new link would only show the waiting page: re-sending is refused,
    // and a bulk re-send skips it.
    assert!(matches!(
        invitation_tab::resend(&app.state, &admin, waiting.rows[0].id).await,
        Err(AppError::Invalid(Msg::ErrResendAwaitingSeat))
    ));

    // No seat yet: the job lets nobody in, the manual activation says why.
    assert_eq!(seats::activate_waiting(&app.state).await.unwrap(), 0);
    let id = waiting.rows[0].id;
    assert!(matches!(
        seats::activate_by_hand(&app.state, &admin, id).await,
        Err(AppError::SeatsFull { limit: 2, used: 2 })
    ));

    // Member → guest is refused while they hold a trainer role, then done
    // with the roles removed; the seat it frees lets the invitee in.
    let lines = account_type::convert(
        &app.state,
        &admin,
        &[member.user.id],
        AccountType::Guest,
        false,
    )
    .await
    .unwrap();
    assert!(
        matches!(&lines[0].outcome, ConvertOutcome::Blocked { roles } if roles.len() == 1 && roles[0].role == Trainer),
        "{lines:?}"
    );
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "irene@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    drop(conn);
    let billed_before = billing_sum(&app, member.user.id).await;
    let lines = account_type::convert(
        &app.state,
        &admin,
        &[member.user.id],
        AccountType::Guest,
        true,
    )
    .await
    .unwrap();
    assert!(matches!(
        lines[0].outcome,
        ConvertOutcome::Converted {
            to: AccountType::Guest,
            ..
        }
    ));
    assert!(
        app.roles_in(member.user.id, paris).await.is_empty(),
        "the trainer role went"
    );
    assert_eq!(
        billing_sum(&app, member.user.id).await,
        billed_before - 1,
        "billing stopped"
    );

    let mut conn = app.conn().await;
    let irene = users::by_email(&mut conn, "irene@exemple.fr")
        .await
        .unwrap()
        .expect("the waiting invitee's account is open");
    assert_eq!(
        (irene.first_name.as_str(), irene.language),
        ("Irène", Lang::En)
    );
    assert_eq!(
        membership_store::roles_in_group(&mut conn, irene.id, paris)
            .await
            .unwrap(),
        vec![Learner]
    );
    drop(conn);
    assert_eq!(billing_sum(&app, irene.id).await, 1);
    assert!(
        mails(&app, "irene@exemple.fr")
            .await
            .iter()
            .any(|m| m.kind == "account_opened")
    );
    // They sign in with the password they chose while waiting.
    auth::login(
        &app.state,
        "irene@exemple.fr",
        "radioactivité artificielle".into(),
        None,
    )
    .await
    .expect("signs in with the password chosen");
    assert!(
        invitations::open_link(&app.state, &token).await.is_err(),
        "the link is used up"
    );
}

async fn those_waiting_are_let_in_first_completed_first_when_the_limit_is_raised(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let group = app.group("Acme", None, Visibility::Private).await;
    set_limit(&app, &admin, "1").await;
    for who in ["first@exemple.fr", "second@exemple.fr", "third@exemple.fr"] {
        invitations::invite(&app.state, &admin, invite_request(group, who, &[Learner]))
            .await
            .unwrap();
    }
    for who in ["second@exemple.fr", "first@exemple.fr", "third@exemple.fr"] {
        let token = app.latest_link_token(who).await;
        let outcome = invitations::accept(&app.state, &token, accept_input())
            .await
            .unwrap();
        assert!(matches!(outcome, AcceptOutcome::AwaitingSeat));
        app.clock.advance(1_000);
    }
    // One more seat: the one who completed first ("second") gets it.
    set_limit(&app, &admin, "2").await;
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "second@exemple.fr")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        users::by_email(&mut conn, "first@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    drop(conn);
    // No limit at all: everyone left.
    set_limit(&app, &admin, "").await;
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "first@exemple.fr")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        users::by_email(&mut conn, "third@exemple.fr")
            .await
            .unwrap()
            .is_some()
    );
    drop(conn);
    assert_eq!(used(&app).await, 4);
}

async fn conversions_need_the_whole_account_and_never_ones_own(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_, ventes, paris, support_group) = app.sample_tree().await;
    let paris_admin = app
        .user_with_roles(
            "pa@exemple.fr",
            &[(paris, app::domain::GroupRole::GroupAdmin)],
        )
        .await;
    // Someone of Paris and of Support: the Paris admin reaches only part of them.
    let shared = app
        .user_with_roles(
            "shared@exemple.fr",
            &[(paris, Learner), (support_group, Learner)],
        )
        .await;
    let refused = account_type::convert(
        &app.state,
        &paris_admin,
        &[shared.user.id],
        AccountType::Guest,
        false,
    )
    .await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    let own = account_type::convert(
        &app.state,
        &paris_admin,
        &[paris_admin.user.id],
        AccountType::Guest,
        true,
    )
    .await;
    assert!(
        matches!(own, Err(AppError::Invalid(Msg::ErrOwnAccountType))),
        "{own:?}"
    );
    // A platform admin is never a guest.
    let other_admin = app.platform_admin("admin2@exemple.fr").await;
    let refused = account_type::convert(
        &app.state,
        &admin,
        &[other_admin.user.id],
        AccountType::Guest,
        true,
    )
    .await;
    assert!(
        matches!(
            refused,
            Err(AppError::Invalid(Msg::ErrGuestNotPlatformAdmin))
        ),
        "{refused:?}"
    );
    // In bulk, each line says its own outcome; the reachable one is converted.
    let mine = app
        .user_with_roles("mine@exemple.fr", &[(paris, Learner)])
        .await;
    let lines = account_type::convert(
        &app.state,
        &paris_admin,
        &[mine.user.id, shared.user.id],
        AccountType::Guest,
        false,
    )
    .await
    .unwrap();
    assert!(
        matches!(lines[0].outcome, ConvertOutcome::Converted { .. }),
        "{lines:?}"
    );
    assert_eq!(lines[1].outcome, ConvertOutcome::Refused(Msg::ErrForbidden));
    assert_eq!(lines[1].name, "", "someone out of reach stays unnamed");
    let _ = ventes;
}

on_both_backends!(
    a_guest_holds_the_learner_role_only_on_every_door,
    every_door_checks_the_seat_limit_and_a_refusal_keeps_nothing,
    two_transactions_racing_for_the_last_seat_have_exactly_one_winner,
    an_invitee_without_a_seat_waits_with_their_form_and_is_let_in_when_one_frees,
    those_waiting_are_let_in_first_completed_first_when_the_limit_is_raised,
    conversions_need_the_whole_account_and_never_ones_own,
);
