//! Invite by e-mail: outcomes, merge, existing accounts, the first-login
//! form, link states, reminders and the authorization matrix — on both
//! databases.

mod support;

use app::domain::invitation::InviteOutcome;
use app::domain::{AccountType, EmailError, GroupId, GroupRole, UserId, Visibility, policy};
use app::i18n::{Lang, Msg};
use app::server::clock::{DAY, MINUTE};
use app::server::services::auth::CurrentUser;
use app::server::services::invitations::{self, AcceptInput, InviteRequest};
use app::server::store::{memberships, outbox, users};
use app::server::{AppError, Backend};
use support::TestApp;

fn request(group_id: GroupId, emails: &str, roles: &[GroupRole]) -> InviteRequest {
    support::invite_request(group_id, emails, roles)
}

fn outcomes(lines: &[app::api::invitations::InviteLine]) -> Vec<(&str, &InviteOutcome)> {
    lines
        .iter()
        .map(|l| (l.address.as_str(), &l.outcome))
        .collect()
}

fn accept_input() -> AcceptInput {
    AcceptInput {
        first_name: "Marie".into(),
        last_name: "Curie".into(),
        password: "radium et polonium".into(),
        password_confirm: "radium et polonium".into(),
        language: Lang::Fr,
    }
}

async fn roles_of(app: &TestApp, user_id: UserId) -> Vec<(GroupId, GroupRole)> {
    let mut conn = app.conn().await;
    let mut roles: Vec<(GroupId, GroupRole)> = memberships::roles_of_user(&mut conn, user_id)
        .await
        .unwrap()
        .into_iter()
        .collect();
    roles.sort();
    roles
}

async fn new_addresses_are_invited_and_mailed_and_bad_ones_do_not_block_them(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let lines = invitations::invite(
        &app.state,
        &admin,
        request(
            paris,
            "marie@exemple.fr; Jean Dupont <JEAN@exemple.fr>,\nmarie@exemple.fr\npas une adresse; jean @exemple.fr, @exemple.fr",
            &[GroupRole::Learner],
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        outcomes(&lines),
        [
            ("marie@exemple.fr", &InviteOutcome::Invited),
            ("jean@exemple.fr", &InviteOutcome::Invited),
            ("marie@exemple.fr", &InviteOutcome::Duplicate),
            (
                "pas une adresse",
                &InviteOutcome::Invalid(EmailError::MissingAt)
            ),
            // A space inside one entry is refused, not split into a
            // `jean` and an address nobody typed.
            (
                "jean @exemple.fr",
                &InviteOutcome::Invalid(EmailError::Whitespace)
            ),
            (
                "@exemple.fr",
                &InviteOutcome::Invalid(EmailError::EmptyLocal)
            ),
        ]
    );
    let mut conn = app.conn().await;
    let mails = outbox::for_recipient(&mut conn, "marie@exemple.fr")
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "Ada Admin vous invite sur Onboard");
    assert!(mails[0].body_text.contains("Acme › Ventes › Paris"));
    assert!(
        mails[0]
            .body_text
            .contains("http://127.0.0.1:3000/invitation?token=")
    );
    assert_eq!(
        outbox::for_recipient(&mut conn, "jean@exemple.fr")
            .await
            .unwrap()
            .len(),
        1
    );
    // Not an account yet, and so not billable.
    assert!(
        users::by_email(&mut conn, "marie@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
}

async fn a_second_invitation_merges_renews_and_replaces_the_link(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, ventes, paris, support) = app.sample_tree().await;
    invitations::invite(
        &app.state,
        &admin,
        request(paris, "marie@exemple.fr", &[GroupRole::Learner]),
    )
    .await
    .unwrap();
    let first_link = app.latest_link_token("marie@exemple.fr").await;
    app.clock.advance(10 * DAY);
    let lines = invitations::invite(
        &app.state,
        &admin,
        request(support, "Marie@Exemple.fr", &[GroupRole::Trainer]),
    )
    .await
    .unwrap();
    assert_eq!(
        outcomes(&lines),
        [(
            "marie@exemple.fr",
            &InviteOutcome::Merged {
                added: vec![GroupRole::Trainer]
            }
        )]
    );
    let view = invitations::open_link(&app.state, &app.latest_link_token("marie@exemple.fr").await)
        .await
        .unwrap();
    assert_eq!(
        view.expires_at,
        support::START + 10 * DAY + 30 * DAY,
        "expiry renewed"
    );
    assert!(
        view.groups.contains(&"Paris".to_owned()) && view.groups.contains(&"Support".to_owned())
    );
    assert!(matches!(
        invitations::open_link(&app.state, &first_link).await,
        Err(AppError::Invalid(Msg::InvitationReplaced))
    ));
    let mut conn = app.conn().await;
    assert_eq!(
        outbox::for_recipient(&mut conn, "marie@exemple.fr")
            .await
            .unwrap()
            .len(),
        2
    );
    drop(conn);

    let signed_in = support::accept(
        &app.state,
        &app.latest_link_token("marie@exemple.fr").await,
        accept_input(),
    )
    .await
    .unwrap();
    let roles = roles_of(&app, signed_in.user.id).await;
    assert!(roles.contains(&(support, GroupRole::Trainer)));
    assert!(
        roles.contains(&(paris, GroupRole::Learner))
            && roles.contains(&(ventes, GroupRole::Learner))
    );
}

/// Asked again for the same grants a few minutes later, an invitation is
/// left alone: no second mail, the first link still works, and the admin
/// is told when it went. Later, the same request sends it again.
async fn an_unchanged_reinvite_within_minutes_mails_nothing_and_keeps_the_link(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let ask = || request(paris, "marie@exemple.fr", &[GroupRole::Learner]);
    invitations::invite(&app.state, &admin, ask())
        .await
        .unwrap();
    let first_link = app.latest_link_token("marie@exemple.fr").await;
    let mails = async || {
        let mut conn = app.conn().await;
        outbox::for_recipient(&mut conn, "marie@exemple.fr")
            .await
            .unwrap()
            .len()
    };

    app.clock.advance(2 * MINUTE);
    let lines = invitations::invite(&app.state, &admin, ask())
        .await
        .unwrap();
    assert_eq!(
        outcomes(&lines),
        [(
            "marie@exemple.fr",
            &InviteOutcome::AlreadyInvited { minutes_ago: 2 }
        )]
    );
    assert_eq!(mails().await, 1, "no second mail");
    invitations::open_link(&app.state, &first_link)
        .await
        .expect("the first link still works");

    // A role it did not carry is a change: merged, said, and sent again.
    let lines = invitations::invite(
        &app.state,
        &admin,
        request(
            paris,
            "marie@exemple.fr",
            &[GroupRole::Learner, GroupRole::Trainer],
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        outcomes(&lines),
        [(
            "marie@exemple.fr",
            &InviteOutcome::Merged {
                added: vec![GroupRole::Trainer]
            }
        )]
    );
    assert_eq!(mails().await, 2);

    // Unchanged again, long after the last mail: sent again.
    app.clock.advance(DAY);
    let lines = invitations::invite(&app.state, &admin, ask())
        .await
        .unwrap();
    assert_eq!(
        outcomes(&lines),
        [("marie@exemple.fr", &InviteOutcome::Resent)]
    );
    assert_eq!(mails().await, 3);
}

async fn an_active_account_is_added_to_the_group_instead_of_invited(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, paris, _) = app.sample_tree().await;
    let existing = app.user_with_roles("pierre@exemple.fr", &[]).await;
    let lines = invitations::invite(
        &app.state,
        &admin,
        request(paris, "PIERRE@exemple.fr", &[GroupRole::Learner]),
    )
    .await
    .unwrap();
    assert_eq!(
        outcomes(&lines),
        [(
            "pierre@exemple.fr",
            &InviteOutcome::ExistingAccountAdded {
                roles: vec![GroupRole::Learner]
            }
        )]
    );
    assert_eq!(
        roles_of(&app, existing.user.id).await,
        [
            (acme, GroupRole::Learner),
            (ventes, GroupRole::Learner),
            (paris, GroupRole::Learner)
        ]
    );
    let mut conn = app.conn().await;
    assert!(
        outbox::for_recipient(&mut conn, "pierre@exemple.fr")
            .await
            .unwrap()
            .is_empty()
    );
}

async fn accepting_creates_an_active_member_with_the_propagated_roles(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, paris, _) = app.sample_tree().await;
    invitations::invite(
        &app.state,
        &admin,
        request(paris, "marie@exemple.fr", &[GroupRole::Learner]),
    )
    .await
    .unwrap();
    let token = app.latest_link_token("marie@exemple.fr").await;
    let view = invitations::open_link(&app.state, &token).await.unwrap();
    assert_eq!(view.email, "marie@exemple.fr");
    assert_eq!(view.inviter.as_deref(), Some("Ada Admin"));

    app.clock.advance(DAY);
    let signed_in = support::accept(&app.state, &token, accept_input())
        .await
        .unwrap();
    let user = &signed_in.user;
    assert_eq!(user.email.as_deref(), Some("marie@exemple.fr"));
    assert_eq!(
        (user.first_name.as_str(), user.last_name.as_str()),
        ("Marie", "Curie")
    );
    assert_eq!(
        user.activated_at,
        Some(support::START + DAY),
        "billing starts on completion"
    );
    assert_eq!(user.account_type, AccountType::Member);
    // Root (private) › Sales (public) › Paris (public): learner of all three.
    assert_eq!(
        roles_of(&app, user.id).await,
        [
            (acme, GroupRole::Learner),
            (ventes, GroupRole::Learner),
            (paris, GroupRole::Learner)
        ]
    );
    assert!(
        app::server::services::auth::current_user(&app.state, &signed_in.session_token)
            .await
            .unwrap()
            .is_some(),
        "signed in"
    );
    let mut conn = app.conn().await;
    let billed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM billing_events WHERE user_id = $1")
        .bind(user.id)
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(billed, 1);
}

async fn propagation_stops_at_the_first_private_group(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let root = app.group("Root", None, Visibility::Private).await;
    let sales = app.group("Sales", Some(root), Visibility::Private).await;
    let paris = app.group("Paris", Some(sales), Visibility::Public).await;
    invitations::invite(
        &app.state,
        &admin,
        request(paris, "marie@exemple.fr", &[GroupRole::Learner]),
    )
    .await
    .unwrap();
    let token = app.latest_link_token("marie@exemple.fr").await;
    let user = support::accept(&app.state, &token, accept_input())
        .await
        .unwrap()
        .user;
    assert_eq!(
        roles_of(&app, user.id).await,
        [(sales, GroupRole::Learner), (paris, GroupRole::Learner)]
    );
}

async fn used_expired_and_cancelled_links_are_refused_with_their_reason(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invitations::invite(
        &app.state,
        &admin,
        request(
            paris,
            "used@exemple.fr late@exemple.fr gone@exemple.fr",
            &[GroupRole::Learner],
        ),
    )
    .await
    .unwrap();
    let used = app.latest_link_token("used@exemple.fr").await;
    let late = app.latest_link_token("late@exemple.fr").await;
    let gone = app.latest_link_token("gone@exemple.fr").await;

    support::accept(&app.state, &used, accept_input())
        .await
        .unwrap();
    let again = support::accept(&app.state, &used, accept_input()).await;
    assert!(matches!(again, Err(AppError::Invalid(Msg::InvitationUsed))));

    let mut conn = app.conn().await;
    sqlx::query("UPDATE invitations SET status = 'cancelled' WHERE email = 'gone@exemple.fr'")
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    assert!(matches!(
        support::accept(&app.state, &gone, accept_input()).await,
        Err(AppError::Invalid(Msg::InvitationCancelled))
    ));

    app.clock.advance(30 * DAY - 1);
    assert!(invitations::open_link(&app.state, &late).await.is_ok());
    app.clock.advance(1);
    assert!(matches!(
        support::accept(&app.state, &late, accept_input()).await,
        Err(AppError::Invalid(Msg::InvitationExpired))
    ));
    assert!(matches!(
        invitations::open_link(&app.state, "not-a-token").await,
        Err(AppError::Invalid(Msg::InvitationInvalid))
    ));
}

async fn two_concurrent_submissions_of_the_form_create_one_account(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invitations::invite(
        &app.state,
        &admin,
        request(paris, "marie@exemple.fr", &[GroupRole::Learner]),
    )
    .await
    .unwrap();
    let token = app.latest_link_token("marie@exemple.fr").await;
    let (a, b) = tokio::join!(
        support::accept(&app.state, &token, accept_input()),
        support::accept(&app.state, &token, accept_input()),
    );
    assert_eq!([a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(), 1);
    let mut conn = app.conn().await;
    let accounts: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = 'marie@exemple.fr'")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    assert_eq!(accounts, 1);
}

async fn one_reminder_goes_three_days_after_the_last_send(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invitations::invite(
        &app.state,
        &admin,
        request(paris, "marie@exemple.fr", &[GroupRole::Learner]),
    )
    .await
    .unwrap();
    let first_link = app.latest_link_token("marie@exemple.fr").await;
    app.clock.advance(3 * DAY - 1);
    assert_eq!(
        invitations::send_due_reminders(&app.state).await.unwrap(),
        0
    );
    app.clock.advance(1);
    assert_eq!(
        invitations::send_due_reminders(&app.state).await.unwrap(),
        1
    );
    assert_eq!(
        invitations::send_due_reminders(&app.state).await.unwrap(),
        0
    );
    app.clock.advance(10 * DAY);
    assert_eq!(
        invitations::send_due_reminders(&app.state).await.unwrap(),
        0,
        "exactly once"
    );

    let mut conn = app.conn().await;
    let mails = outbox::for_recipient(&mut conn, "marie@exemple.fr")
        .await
        .unwrap();
    assert_eq!(mails.len(), 2);
    assert!(mails[1].subject.starts_with("Rappel"));
    drop(conn);
    // Both the first mail's link and the reminder's work.
    assert!(
        invitations::open_link(&app.state, &first_link)
            .await
            .is_ok()
    );
    let reminder_link = app.latest_link_token("marie@exemple.fr").await;
    assert_ne!(reminder_link, first_link);
    assert!(
        support::accept(&app.state, &reminder_link, accept_input())
            .await
            .is_ok()
    );
}

async fn options_are_checked_before_anything_is_sent(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let no_role =
        invitations::invite(&app.state, &admin, request(paris, "a@exemple.fr", &[])).await;
    assert!(matches!(no_role, Err(AppError::Invalid(Msg::ErrNoRole))));
    let mut past = request(paris, "a@exemple.fr", &[GroupRole::Learner]);
    past.deletion_at = Some(support::START - 1);
    assert!(matches!(
        invitations::invite(&app.state, &admin, past).await,
        Err(AppError::Invalid(Msg::ErrDeletionInPast))
    ));
    let mut conn = app.conn().await;
    assert!(
        outbox::for_recipient(&mut conn, "a@exemple.fr")
            .await
            .unwrap()
            .is_empty()
    );
}

/// Every actor × every role × every target group: allowed exactly when the
/// policy says so, refused otherwise with nothing queued.
async fn the_authorization_matrix_holds_for_every_role_and_group(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let actors: Vec<(&str, CurrentUser)> = vec![
        ("platform admin", admin),
        (
            "group admin of Ventes",
            app.user_with_roles("ga@exemple.fr", &[(ventes, GroupRole::GroupAdmin)])
                .await,
        ),
        (
            "user admin of Ventes",
            app.user_with_roles("ua@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
                .await,
        ),
        (
            "trainer of Paris",
            app.user_with_roles("t@exemple.fr", &[(paris, GroupRole::Trainer)])
                .await,
        ),
        (
            "learner of Paris",
            app.user_with_roles("l@exemple.fr", &[(paris, GroupRole::Learner)])
                .await,
        ),
        ("nobody", app.user_with_roles("n@exemple.fr", &[]).await),
    ];
    let tree = {
        let mut conn = app.conn().await;
        app::server::store::groups::tree(&app::server::store::groups::all(&mut conn).await.unwrap())
    };
    let mut n = 0;
    for (who, actor) in &actors {
        for group in [acme, ventes, paris, support] {
            for role in GroupRole::ALL {
                n += 1;
                let address = format!("m{n}@exemple.fr");
                let outcome =
                    invitations::invite(&app.state, actor, request(group, &address, &[role])).await;
                let expected = policy::may_manage_users(&actor.actor, &tree, group)
                    && policy::may_grant(&actor.actor, &tree, group, role);
                match (&outcome, expected) {
                    (Ok(lines), true) => assert_eq!(
                        lines[0].outcome,
                        InviteOutcome::Invited,
                        "{who} {group} {role:?}"
                    ),
                    (
                        Err(
                            AppError::Forbidden
                            | AppError::NotFound
                            | AppError::Invalid(Msg::ErrRoleNotAllowed),
                        ),
                        false,
                    ) => {}
                    _ => panic!(
                        "{who} inviting into {group} as {role:?}: expected allowed={expected}, got {outcome:?}"
                    ),
                }
                if !expected {
                    let mut conn = app.conn().await;
                    assert!(
                        outbox::for_recipient(&mut conn, &address)
                            .await
                            .unwrap()
                            .is_empty()
                    );
                }
            }
        }
        let mut as_admin = request(paris, &format!("pa-{n}@exemple.fr"), &[GroupRole::Learner]);
        as_admin.platform_admin = true;
        let outcome = invitations::invite(&app.state, actor, as_admin).await;
        assert_eq!(
            outcome.is_ok(),
            actor.actor.platform_admin,
            "{who} granting platform admin"
        );
    }
    // The spot checks the product text gives.
    let user_admin = &actors[2].1;
    assert!(
        invitations::invite(
            &app.state,
            user_admin,
            request(paris, "x1@exemple.fr", &[GroupRole::Trainer])
        )
        .await
        .is_ok()
    );
    assert!(
        invitations::invite(
            &app.state,
            user_admin,
            request(paris, "x2@exemple.fr", &[GroupRole::GroupAdmin])
        )
        .await
        .is_err()
    );
    assert!(
        invitations::invite(
            &app.state,
            user_admin,
            request(acme, "x3@exemple.fr", &[GroupRole::Learner])
        )
        .await
        .is_err()
    );
}

on_both_backends!(
    new_addresses_are_invited_and_mailed_and_bad_ones_do_not_block_them,
    a_second_invitation_merges_renews_and_replaces_the_link,
    an_unchanged_reinvite_within_minutes_mails_nothing_and_keeps_the_link,
    an_active_account_is_added_to_the_group_instead_of_invited,
    accepting_creates_an_active_member_with_the_propagated_roles,
    propagation_stops_at_the_first_private_group,
    used_expired_and_cancelled_links_are_refused_with_their_reason,
    two_concurrent_submissions_of_the_form_create_one_account,
    one_reminder_goes_three_days_after_the_last_send,
    options_are_checked_before_anything_is_sent,
    the_authorization_matrix_holds_for_every_role_and_group,
);

mod other_doors {
    use super::*;
    use app::server::services::setup::{self, AdminInput};

    async fn an_invited_address_cannot_get_an_account_another_way(backend: Backend) {
        let app = TestApp::new(backend).await;
        let admin = app.platform_admin("ada@exemple.fr").await;
        let (_, _, paris, _) = app.sample_tree().await;
        invitations::invite(
            &app.state,
            &admin,
            request(paris, "marie@exemple.fr", &[GroupRole::Learner]),
        )
        .await
        .unwrap();
        let by_command = setup::create_admin(
            &app.state,
            AdminInput {
                email: "MARIE@exemple.fr".into(),
                first_name: "Eve".into(),
                last_name: "Intruse".into(),
                password: "mot de passe assez long".into(),
                password_confirm: "mot de passe assez long".into(),
                language: Lang::Fr,
            },
        )
        .await;
        assert!(matches!(
            by_command,
            Err(AppError::Invalid(Msg::ErrAddressInvited))
        ));
    }

    on_both_backends!(an_invited_address_cannot_get_an_account_another_way);
}
