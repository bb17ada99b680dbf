//! The Invitations tab: scope per role, cancel, re-send (and its rate
//! limit), copy-link, bulk actions, filters, paging — on both databases.

mod support;

use app::api::invitation_tab::{BulkSummary, COUNT_CAP, PER_PAGE, TabFilter, TabPage};
use app::domain::{GroupId, GroupRole, InvitationId};
use app::i18n::{Lang, Msg};
use app::server::clock::{DAY, SECOND};
use app::server::mail::worker::LEASE;
use app::server::mail::{Transport, deliver_due};
use app::server::services::auth::CurrentUser;
use app::server::services::directory::Shared;
use app::server::services::invitation_tab::{self as tab, BulkAction, BulkTarget};
use app::server::services::invitations::{self, AcceptInput};
use app::server::store::{audit, outbox};
use app::server::{AppError, Backend, Clock};
use support::TestApp;

async fn invite(app: &TestApp, me: &CurrentUser, group: GroupId, emails: &str) {
    let request = support::invite_request(group, emails, &[GroupRole::Learner]);
    invitations::invite(&app.state, me, request).await.unwrap();
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

async fn mails_queued(app: &TestApp) -> i64 {
    let mut conn = app.conn().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(&mut *conn)
        .await
        .unwrap()
}

async fn audit_count(app: &TestApp, action: &str) -> usize {
    let mut conn = app.conn().await;
    audit::actions(&mut conn)
        .await
        .unwrap()
        .iter()
        .filter(|a| *a == action)
        .count()
}

fn all() -> TabFilter {
    TabFilter {
        page: 1,
        ..Default::default()
    }
}

async fn list(app: &TestApp, me: &CurrentUser, filter: TabFilter) -> TabPage {
    tab::list(&app.state, me, &filter, &Shared::fresh())
        .await
        .unwrap()
}

fn emails(page: &TabPage) -> Vec<&str> {
    let mut emails: Vec<&str> = page.rows.iter().map(|r| r.email.as_str()).collect();
    emails.sort();
    emails
}

async fn id_of(app: &TestApp, email: &str) -> InvitationId {
    let mut conn = app.conn().await;
    sqlx::query_scalar("SELECT id FROM invitations WHERE email = $1 ORDER BY id DESC LIMIT 1")
        .bind(email.to_owned())
        .fetch_one(&mut *conn)
        .await
        .unwrap()
}

async fn each_role_sees_the_invitations_of_the_groups_it_administers(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, paris, support) = app.sample_tree().await;
    invite(&app, &admin, ventes, "v@exemple.fr").await;
    invite(&app, &admin, paris, "p@exemple.fr").await;
    invite(&app, &admin, support, "s@exemple.fr").await;
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
        .await;
    let group_admin_paris = app
        .user_with_roles("ga@exemple.fr", &[(paris, GroupRole::GroupAdmin)])
        .await;
    let learner = app
        .user_with_roles("l@exemple.fr", &[(acme, GroupRole::Learner)])
        .await;
    let trainer = app
        .user_with_roles("t@exemple.fr", &[(ventes, GroupRole::Trainer)])
        .await;

    let everything = list(&app, &admin, all()).await;
    assert_eq!(
        emails(&everything),
        ["p@exemple.fr", "s@exemple.fr", "v@exemple.fr"]
    );
    assert_eq!(everything.total, 3);
    assert_eq!(
        everything
            .groups
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>(),
        // Paths, sorted: names alone could repeat under different parents.
        [
            "Acme",
            "Acme › Support",
            "Acme › Ventes",
            "Acme › Ventes › Paris"
        ]
    );
    assert_eq!(
        everything.inviters,
        [(admin.user.id, "Ada Admin".to_owned())]
    );
    let paris_row = everything
        .rows
        .iter()
        .find(|r| r.email == "p@exemple.fr")
        .unwrap();
    assert_eq!(paris_row.grants, [("Paris".to_owned(), GroupRole::Learner)]);
    assert_eq!(paris_row.invited_by.as_deref(), Some("Ada Admin"));
    assert_eq!(paris_row.delivery, "queued");
    assert!(!paris_row.expired);

    let mine = list(&app, &user_admin, all()).await;
    assert_eq!(emails(&mine), ["p@exemple.fr", "v@exemple.fr"]);
    assert_eq!(mine.total, 2);
    assert_eq!(
        mine.groups,
        [
            (ventes, "Acme › Ventes".to_owned()),
            (paris, "Acme › Ventes › Paris".to_owned())
        ]
    );
    assert_eq!(
        emails(&list(&app, &group_admin_paris, all()).await),
        ["p@exemple.fr"]
    );
    // A group outside the scope filters to nothing rather than leaking.
    let outside = list(
        &app,
        &user_admin,
        TabFilter {
            group_id: Some(support),
            ..all()
        },
    )
    .await;
    assert_eq!((outside.total, outside.rows.len()), (0, 0));

    let support_id = id_of(&app, "s@exemple.fr").await;
    let ventes_id = id_of(&app, "v@exemple.fr").await;
    assert!(matches!(
        tab::cancel(&app.state, &user_admin, support_id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        tab::copy_link(&app.state, &group_admin_paris, ventes_id).await,
        Err(AppError::NotFound)
    ));
    for nobody in [&learner, &trainer] {
        let page = list(&app, nobody, all()).await;
        assert_eq!((page.total, page.rows.len()), (0, 0));
        assert!(page.groups.is_empty() && page.inviters.is_empty());
        assert!(matches!(
            tab::cancel(&app.state, nobody, ventes_id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            tab::resend(&app.state, nobody, ventes_id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            tab::copy_link(&app.state, nobody, ventes_id).await,
            Err(AppError::NotFound)
        ));
        let summary = tab::bulk(
            &app.state,
            nobody,
            BulkAction::Cancel,
            BulkTarget::Ids(vec![ventes_id, support_id]),
        )
        .await
        .unwrap();
        assert_eq!(
            summary,
            BulkSummary {
                done: 0,
                rate_limited: 0,
                skipped: 2,
                partial: 0
            }
        );
    }
    assert_eq!(list(&app, &admin, all()).await.total, 3, "nothing changed");
}

async fn a_cancelled_invitation_is_refused_and_leaves_the_tab(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invite(&app, &admin, paris, "marie@exemple.fr").await;
    let token = app.latest_link_token("marie@exemple.fr").await;
    let id = id_of(&app, "marie@exemple.fr").await;

    tab::cancel(&app.state, &admin, id).await.unwrap();
    // Its link was revoked, yet it says "cancelled", not "replaced".
    assert!(matches!(
        invitations::open_link(&app.state, &token).await,
        Err(AppError::Invalid(Msg::InvitationCancelled))
    ));
    assert!(matches!(
        support::accept(&app.state, &token, accept_input()).await,
        Err(AppError::Invalid(Msg::InvitationCancelled))
    ));
    assert_eq!(list(&app, &admin, all()).await.total, 0);
    assert!(matches!(
        tab::cancel(&app.state, &admin, id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        tab::resend(&app.state, &admin, id).await,
        Err(AppError::NotFound)
    ));
    assert_eq!(audit_count(&app, "invitation.cancelled").await, 1);
    let mut conn = app.conn().await;
    let cancelled_at: Option<i64> =
        sqlx::query_scalar("SELECT cancelled_at FROM invitations WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    assert_eq!(cancelled_at, Some(support::START));
}

async fn a_resend_replaces_the_link_and_renews_the_invitation(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invite(&app, &admin, paris, "marie@exemple.fr").await;
    let old = app.latest_link_token("marie@exemple.fr").await;
    let id = id_of(&app, "marie@exemple.fr").await;
    app.clock.advance(10 * DAY);
    tab::resend(&app.state, &admin, id).await.unwrap();
    let new = app.latest_link_token("marie@exemple.fr").await;
    assert_ne!(old, new);
    assert!(matches!(
        invitations::open_link(&app.state, &old).await,
        Err(AppError::Invalid(Msg::InvitationReplaced))
    ));
    let view = invitations::open_link(&app.state, &new).await.unwrap();
    assert_eq!(view.expires_at, support::START + 10 * DAY + 30 * DAY);
    let row = list(&app, &admin, all()).await.rows.remove(0);
    assert_eq!(
        (row.send_count, row.last_sent_at, row.reminder_sent_at),
        (2, support::START + 10 * DAY, None)
    );
    assert_eq!(audit_count(&app, "invitation.resent").await, 1);
    support::accept(&app.state, &new, accept_input())
        .await
        .unwrap();
    assert_eq!(
        list(&app, &admin, all()).await.total,
        0,
        "an accepted invitation leaves the tab"
    );
}

async fn resending_twice_within_a_minute_is_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invite(&app, &admin, paris, "marie@exemple.fr").await;
    let id = id_of(&app, "marie@exemple.fr").await;
    assert!(
        matches!(
            tab::resend(&app.state, &admin, id).await,
            Err(AppError::Invalid(Msg::ErrResendTooSoon))
        ),
        "the invitation itself was just sent"
    );
    app.clock.advance(61 * SECOND);
    tab::resend(&app.state, &admin, id).await.unwrap();
    app.clock.advance(30 * SECOND);
    assert!(matches!(
        tab::resend(&app.state, &admin, id).await,
        Err(AppError::Invalid(Msg::ErrResendTooSoon))
    ));
    app.clock.advance(31 * SECOND);
    tab::resend(&app.state, &admin, id).await.unwrap();
    assert_eq!(mails_queued(&app).await, 3);
}

async fn a_bulk_resend_of_three_queues_exactly_three_mails(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, ventes, paris, support) = app.sample_tree().await;
    invite(
        &app,
        &admin,
        paris,
        "a@exemple.fr b@exemple.fr c@exemple.fr d@exemple.fr",
    )
    .await;
    invite(&app, &admin, support, "s@exemple.fr").await;
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
        .await;
    let ids = [
        id_of(&app, "a@exemple.fr").await,
        id_of(&app, "b@exemple.fr").await,
        id_of(&app, "c@exemple.fr").await,
    ];
    let d = id_of(&app, "d@exemple.fr").await;
    let s = id_of(&app, "s@exemple.fr").await;
    tab::cancel(&app.state, &admin, d).await.unwrap();
    app.clock.advance(2 * 60 * SECOND);
    let before = mails_queued(&app).await;
    let mut target = ids.to_vec();
    target.extend([d, s, ids[0], InvitationId(999_999)]);
    let summary = tab::bulk(
        &app.state,
        &user_admin,
        BulkAction::Resend,
        BulkTarget::Ids(target),
    )
    .await
    .unwrap();
    assert_eq!(
        summary,
        BulkSummary {
            done: 3,
            rate_limited: 0,
            // cancelled, out of scope, unknown; the repeated id counts once
            skipped: 3,
            partial: 0
        }
    );
    assert_eq!(mails_queued(&app).await, before + 3);
    assert_eq!(audit_count(&app, "invitation.resent").await, 3);

    let again = tab::bulk(
        &app.state,
        &user_admin,
        BulkAction::Resend,
        BulkTarget::Ids(ids.to_vec()),
    )
    .await
    .unwrap();
    assert_eq!(
        again,
        BulkSummary {
            done: 0,
            rate_limited: 3,
            skipped: 0,
            partial: 0
        }
    );
    assert_eq!(mails_queued(&app).await, before + 3);

    let cancelled = tab::bulk(
        &app.state,
        &user_admin,
        BulkAction::Cancel,
        BulkTarget::Ids(vec![ids[0], ids[1], s]),
    )
    .await
    .unwrap();
    assert_eq!(
        cancelled,
        BulkSummary {
            done: 2,
            rate_limited: 0,
            skipped: 1,
            partial: 0
        }
    );
    assert_eq!(
        emails(&list(&app, &admin, all()).await),
        ["c@exemple.fr", "s@exemple.fr"]
    );
    assert_eq!(audit_count(&app, "invitation.cancelled").await, 3);
}

async fn a_bulk_resend_of_everything_expired_reopens_them(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invite(
        &app,
        &admin,
        paris,
        "a@exemple.fr b@exemple.fr c@exemple.fr",
    )
    .await;
    app.clock.advance(10 * DAY);
    invite(&app, &admin, paris, "later1@exemple.fr later2@exemple.fr").await;
    app.clock.advance(21 * DAY);
    let expired = TabFilter {
        status: "expired".into(),
        ..all()
    };
    let page = list(&app, &admin, expired.clone()).await;
    assert_eq!(
        emails(&page),
        ["a@exemple.fr", "b@exemple.fr", "c@exemple.fr"]
    );
    assert!(page.rows.iter().all(|r| r.expired));
    let old = app.latest_link_token("a@exemple.fr").await;
    assert!(matches!(
        invitations::open_link(&app.state, &old).await,
        Err(AppError::Invalid(Msg::InvitationExpired))
    ));
    let before = mails_queued(&app).await;
    let summary = tab::bulk(
        &app.state,
        &admin,
        BulkAction::Resend,
        BulkTarget::Matching(TabFilter {
            page: 7,
            ..expired.clone()
        }),
    )
    .await
    .unwrap();
    assert_eq!(
        summary,
        BulkSummary {
            done: 3,
            rate_limited: 0,
            skipped: 0,
            partial: 0
        }
    );
    assert_eq!(mails_queued(&app).await, before + 3);
    assert_eq!(list(&app, &admin, expired).await.total, 0);
    let pending = TabFilter {
        status: "pending".into(),
        ..all()
    };
    assert_eq!(list(&app, &admin, pending).await.total, 5);
    let fresh = app.latest_link_token("a@exemple.fr").await;
    assert_eq!(
        invitations::open_link(&app.state, &fresh)
            .await
            .unwrap()
            .expires_at,
        support::START + 31 * DAY + 30 * DAY
    );
}

async fn copying_the_link_adds_one_and_keeps_the_mailed_one_without_a_mail(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invite(&app, &admin, paris, "marie@exemple.fr").await;
    let mailed = app.latest_link_token("marie@exemple.fr").await;
    let id = id_of(&app, "marie@exemple.fr").await;
    let before = mails_queued(&app).await;

    let url = tab::copy_link(&app.state, &admin, id).await.unwrap();
    let prefix = "http://127.0.0.1:3000/invitation?token=";
    assert!(url.starts_with(prefix), "{url}");
    let copied = &url[prefix.len()..];
    assert_ne!(copied, mailed);
    // The mailed link keeps working: copying destroys nothing.
    invitations::open_link(&app.state, &mailed).await.unwrap();
    let view = invitations::open_link(&app.state, copied).await.unwrap();
    assert_eq!(view.expires_at, support::START + 30 * DAY, "not renewed");
    assert_eq!(mails_queued(&app).await, before, "no mail");
    assert_eq!(audit_count(&app, "invitation.link_copied").await, 1);

    // An expired invitation gets a new lifetime with its copied link.
    app.clock.advance(31 * DAY);
    let url = tab::copy_link(&app.state, &admin, id).await.unwrap();
    let view = invitations::open_link(&app.state, &url[prefix.len()..])
        .await
        .unwrap();
    assert_eq!(view.expires_at, app.clock.now() + 30 * DAY);
    invitations::open_link(&app.state, copied).await.unwrap();
    invitations::open_link(&app.state, &mailed).await.unwrap();
    assert_eq!(mails_queued(&app).await, before);

    // Re-sending is what replaces every link, the copied ones included.
    app.clock.advance(2 * 60 * SECOND);
    tab::resend(&app.state, &admin, id).await.unwrap();
    for old in [mailed.as_str(), copied] {
        assert!(matches!(
            invitations::open_link(&app.state, old).await,
            Err(AppError::Invalid(Msg::InvitationReplaced))
        ));
    }
}

async fn the_filters_select_what_they_say(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, ventes, paris, support) = app.sample_tree().await;
    invite(&app, &admin, paris, "marie@exemple.fr jean_paul@exemple.fr").await;
    invite(&app, &admin, support, "jeanxpaul@exemple.fr").await;
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
        .await;
    app.clock.advance(DAY);
    invite(&app, &user_admin, ventes, "zoe@exemple.fr").await;

    let search = |term: &str| TabFilter {
        search: term.into(),
        ..all()
    };
    assert_eq!(
        emails(&list(&app, &admin, search("MARIE")).await),
        ["marie@exemple.fr"]
    );
    assert_eq!(
        emails(&list(&app, &admin, search("n_p")).await),
        ["jean_paul@exemple.fr"],
        "`_` is not a wildcard"
    );
    assert_eq!(list(&app, &admin, search("%")).await.total, 0);
    assert_eq!(list(&app, &admin, search("exemple")).await.total, 4);

    let by_group = list(
        &app,
        &admin,
        TabFilter {
            group_id: Some(paris),
            ..all()
        },
    )
    .await;
    assert_eq!(
        emails(&by_group),
        ["jean_paul@exemple.fr", "marie@exemple.fr"]
    );
    let by_inviter = list(
        &app,
        &admin,
        TabFilter {
            inviter_id: Some(user_admin.user.id),
            ..all()
        },
    )
    .await;
    assert_eq!(emails(&by_inviter), ["zoe@exemple.fr"]);
    let everything = list(&app, &admin, all()).await;
    assert_eq!(
        everything.inviters,
        [
            (admin.user.id, "Ada Admin".to_owned()),
            (user_admin.user.id, "Test ua".to_owned())
        ]
    );
    assert_eq!(everything.rows[0].email, "zoe@exemple.fr", "newest first");
    let oldest = list(
        &app,
        &admin,
        TabFilter {
            sort: "oldest".into(),
            ..all()
        },
    )
    .await;
    assert_eq!(oldest.rows[0].email, "marie@exemple.fr");
    // The user admin's inviters: only those of invitations it reaches.
    assert_eq!(list(&app, &user_admin, all()).await.inviters.len(), 2);

    // Expiry.
    app.clock.advance(29 * DAY + 1);
    let status = |s: &str| TabFilter {
        status: s.into(),
        ..all()
    };
    assert_eq!(list(&app, &admin, status("expired")).await.total, 3);
    assert_eq!(
        emails(&list(&app, &admin, status("pending")).await),
        ["zoe@exemple.fr"]
    );

    // Delivery: everything goes out, then one is re-sent (queued) and one
    // mail fails for good.
    let delivery = |d: &str| TabFilter {
        delivery: d.into(),
        ..all()
    };
    assert_eq!(list(&app, &admin, delivery("queued")).await.total, 4);
    let report = deliver_due(&app.state, &Transport::DevMailbox, "test-worker").await;
    assert_eq!(report.sent, 4);
    assert_eq!(list(&app, &admin, delivery("sent")).await.total, 4);
    assert_eq!(list(&app, &admin, delivery("queued")).await.total, 0);
    let marie = id_of(&app, "marie@exemple.fr").await;
    let zoe = id_of(&app, "zoe@exemple.fr").await;
    tab::resend(&app.state, &admin, marie).await.unwrap();
    tab::resend(&app.state, &admin, zoe).await.unwrap();
    assert_eq!(
        emails(&list(&app, &admin, delivery("queued")).await),
        ["marie@exemple.fr", "zoe@exemple.fr"]
    );
    {
        let mut conn = app.conn().await;
        let now = app.clock.now();
        let claimed = outbox::claim_due(&mut conn, "w", now, LEASE, 10)
            .await
            .unwrap();
        assert_eq!(claimed.len(), 2);
        for mail in &claimed {
            if mail.recipient == "zoe@exemple.fr" {
                outbox::mark_attempt_failed(&mut conn, mail.id, "w", "550 no such user", None)
                    .await
                    .unwrap();
            } else {
                outbox::mark_attempt_failed(
                    &mut conn,
                    mail.id,
                    "w",
                    "421 try later",
                    Some(now + 30 * SECOND),
                )
                .await
                .unwrap();
            }
        }
    }
    let failed = list(&app, &admin, delivery("failed")).await;
    assert_eq!(emails(&failed), ["zoe@exemple.fr"]);
    assert_eq!(
        failed.rows[0].delivery_error.as_deref(),
        Some("550 no such user")
    );
    let retrying = list(&app, &admin, delivery("queued")).await;
    assert_eq!(emails(&retrying), ["marie@exemple.fr"]);
    assert_eq!(
        retrying.rows[0].delivery_error.as_deref(),
        Some("421 try later")
    );
    assert_eq!(list(&app, &admin, delivery("sent")).await.total, 2);
    // Combined: expired and sent, in Paris.
    let combined = list(
        &app,
        &admin,
        TabFilter {
            status: "expired".into(),
            delivery: "sent".into(),
            group_id: Some(paris),
            ..all()
        },
    )
    .await;
    assert_eq!(emails(&combined), ["jean_paul@exemple.fr"]);
}

async fn an_older_mail_does_not_overwrite_the_newest_ones_state(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invite(&app, &admin, paris, "marie@exemple.fr").await;
    let id = id_of(&app, "marie@exemple.fr").await;
    let mut conn = app.conn().await;
    let now = app.clock.now();
    let first = outbox::claim_due(&mut conn, "w", now, LEASE, 10)
        .await
        .unwrap();
    drop(conn);
    app.clock.advance(2 * 60 * SECOND);
    tab::resend(&app.state, &admin, id).await.unwrap();
    let mut conn = app.conn().await;
    assert!(
        outbox::mark_sent(&mut conn, first[0].id, "w", app.clock.now())
            .await
            .unwrap()
    );
    drop(conn);
    let row = list(&app, &admin, all()).await.rows.remove(0);
    assert_eq!(row.delivery, "queued", "the re-sent mail is still queued");
}

async fn pages_of_fifty_cover_every_invitation_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    for batch in 0..3 {
        let addresses: Vec<String> = (0..40)
            .map(|i| format!("p{batch}-{i:02}@exemple.fr"))
            .collect();
        invite(&app, &admin, paris, &addresses.join(" ")).await;
        app.clock.advance(SECOND);
    }
    let mut seen = Vec::new();
    for page in 1..=3 {
        let p = list(&app, &admin, TabFilter { page, ..all() }).await;
        assert_eq!((p.total, p.page, p.per_page), (120, page, PER_PAGE));
        assert_eq!(p.rows.len(), [50, 50, 20][page as usize - 1]);
        seen.extend(p.rows.into_iter().map(|r| (r.last_sent_at, r.id)));
    }
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "newest send first, then newest id");
    sorted.dedup();
    assert_eq!(sorted.len(), 120);
    let beyond = list(&app, &admin, TabFilter { page: 4, ..all() }).await;
    assert_eq!((beyond.total, beyond.rows.len()), (120, 0));
    let filtered = list(
        &app,
        &admin,
        TabFilter {
            search: "p1-".into(),
            page: 1,
            ..all()
        },
    )
    .await;
    assert_eq!((filtered.total, filtered.rows.len()), (40, 40));
}

/// Past 1,000 matches the tab stops counting and says "more than"; the
/// pages go on, and the last one is counted when asked for.
async fn past_the_cap_the_count_says_more_than_and_the_pages_go_on(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    invite(&app, &admin, paris, "premiere@exemple.fr").await;
    let now = app.state.now();
    let mut conn = app.conn().await;
    // 1,059 more, written directly: the tab reads them as any other.
    sqlx::query(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 1059) \
         INSERT INTO invitations (email, status, invited_by, created_at, last_sent_at, \
         expires_at) SELECT 'masse' || k || '@exemple.fr', 'pending', $1, $2, $2 - k, $3 FROM n",
    )
    .bind(admin.user.id)
    .bind(now)
    .bind(now + 30 * 86_400_000)
    .execute(&mut *conn)
    .await
    .unwrap();
    drop(conn);
    let first = list(&app, &admin, all()).await;
    assert_eq!((first.total, first.capped), (COUNT_CAP, true));
    assert_eq!(first.rows.len(), 50);
    assert_eq!(first.inviters.len(), 1, "Ada, once");
    let far = list(&app, &admin, TabFilter { page: 21, ..all() }).await;
    assert_eq!(far.rows.len(), 50, "the page after the cap exists");
    assert!(far.capped);
    let last = list(&app, &admin, TabFilter { page: 22, ..all() }).await;
    assert_eq!(
        (last.total, last.capped),
        (1_060, false),
        "counted to the end"
    );
    assert_eq!(last.rows.len(), 10);
    let narrow = list(
        &app,
        &admin,
        TabFilter {
            search: "premiere".into(),
            ..all()
        },
    )
    .await;
    assert_eq!((narrow.total, narrow.capped), (1, false));
}

on_both_backends!(
    past_the_cap_the_count_says_more_than_and_the_pages_go_on,
    each_role_sees_the_invitations_of_the_groups_it_administers,
    a_cancelled_invitation_is_refused_and_leaves_the_tab,
    a_resend_replaces_the_link_and_renews_the_invitation,
    resending_twice_within_a_minute_is_refused,
    a_bulk_resend_of_three_queues_exactly_three_mails,
    a_bulk_resend_of_everything_expired_reopens_them,
    copying_the_link_adds_one_and_keeps_the_mailed_one_without_a_mail,
    the_filters_select_what_they_say,
    an_older_mail_does_not_overwrite_the_newest_ones_state,
    pages_of_fifty_cover_every_invitation_once,
);
