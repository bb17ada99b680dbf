//! The audit log page on both databases: who reads which entries (platform
//! admins all, group and user admins their groups and the people in them),
//! the filters, paging, the expiry and throttling entries, and the export.

mod support;

use app::contracts::journal::{Detail, JOURNAL_PAGE_SIZE, JournalPage, JournalQuery};
use app::domain::GroupRole::{GroupAdmin, Learner, Trainer, UserAdmin};
use app::domain::audit::AuditAction;
use app::domain::{AccountType, UserId};
use app::i18n::{Lang, Msg};
use app::server::clock::{DAY, MINUTE};
use app::server::services::auth::CurrentUser;
use app::server::services::directory::Shared;
use app::server::services::{account_type, auth, invitations, journal, members};
use app::server::{AppError, Backend};
use support::{TestApp, invite_request};

async fn read(app: &TestApp, me: &CurrentUser, query: JournalQuery) -> JournalPage {
    journal::page(
        &app.state,
        me,
        query,
        Some("Europe/Paris"),
        &Shared::fresh(),
    )
    .await
    .expect("journal page")
}

fn actions(page: &JournalPage) -> Vec<AuditAction> {
    page.entries
        .iter()
        .map(|e| *e.action.as_ref().expect("a known action"))
        .collect()
}

fn about(page: &JournalPage) -> Vec<String> {
    page.entries
        .iter()
        .filter_map(|e| e.target.as_ref().map(|t| t.name.clone()))
        .collect()
}

async fn each_reader_sees_the_entries_of_their_scope(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_acme, ventes, paris, support) = app.sample_tree().await;
    let ventes_admin = app
        .user_with_roles("ga@exemple.fr", &[(ventes, GroupAdmin)])
        .await;
    let support_admin = app
        .user_with_roles("ua@exemple.fr", &[(support, UserAdmin)])
        .await;
    let trainer = app
        .user_with_roles("trainer@exemple.fr", &[(paris, Trainer)])
        .await;
    let both = app
        .user_with_roles("both@exemple.fr", &[(paris, Learner), (support, Learner)])
        .await;

    invitations::invite(
        &app.state,
        &admin,
        invite_request(paris, "paris@exemple.fr", &[Learner]),
    )
    .await
    .unwrap();
    invitations::invite(
        &app.state,
        &admin,
        invite_request(support, "support@exemple.fr", &[Learner]),
    )
    .await
    .unwrap();
    // About the support group, though its person is also in Paris.
    members::set_roles(
        &app.state,
        &admin,
        support,
        both.user.id,
        vec![Learner, Trainer],
    )
    .await
    .unwrap();
    // About the account itself (no group): whoever administers one of its groups.
    account_type::convert(
        &app.state,
        &admin,
        &[both.user.id],
        AccountType::Guest,
        true,
    )
    .await
    .unwrap();

    let all = read(&app, &admin, JournalQuery::default()).await;
    assert!(actions(&all).contains(&AuditAction::PlatformAdminCreated));
    assert_eq!(all.entries.len(), 5, "{:?}", actions(&all));
    assert!(!all.capped);

    let ventes_view = read(&app, &ventes_admin, JournalQuery::default()).await;
    assert_eq!(
        actions(&ventes_view),
        [
            AuditAction::AccountTypeChanged,
            AuditAction::InvitationCreated
        ]
    );
    assert_eq!(about(&ventes_view)[1], "paris@exemple.fr");
    assert!(ventes_view.groups.iter().all(|(g, _)| *g != support));

    let support_view = read(&app, &support_admin, JournalQuery::default()).await;
    assert_eq!(
        actions(&support_view),
        [
            AuditAction::AccountTypeChanged,
            AuditAction::MemberRolesChanged,
            AuditAction::InvitationCreated
        ]
    );
    assert_eq!(about(&support_view)[2], "support@exemple.fr");
    // The roles change reads as a sentence's facts, not as JSON.
    assert!(
        support_view.entries[1]
            .details
            .contains(&Detail::RolesChange {
                from: vec![Learner],
                to: vec![Trainer, Learner],
            })
            || support_view.entries[1]
                .details
                .contains(&Detail::RolesChange {
                    from: vec![Learner],
                    to: vec![Learner, Trainer],
                })
    );

    for outsider in [&trainer, &both] {
        assert!(matches!(
            journal::page(
                &app.state,
                outsider,
                JournalQuery::default(),
                None,
                &Shared::fresh()
            )
            .await,
            Err(AppError::Forbidden)
        ));
    }
    // A group outside the reader's scope is refused as a filter, not
    // quietly widened or emptied.
    let outside = JournalQuery {
        group: Some(support.to_string()),
        ..Default::default()
    };
    assert!(matches!(
        journal::page(&app.state, &ventes_admin, outside, None, &Shared::fresh()).await,
        Err(AppError::Invalid(Msg::ErrJournalGroup))
    ));
}

async fn filters_narrow_the_entries_and_pages_follow_each_other(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_acme, ventes, paris, _support) = app.sample_tree().await;
    let ventes_admin = app
        .user_with_roles("ga@exemple.fr", &[(ventes, GroupAdmin)])
        .await;
    let addresses: Vec<String> = (0..60).map(|i| format!("p{i:02}@exemple.fr")).collect();
    invitations::invite(
        &app.state,
        &admin,
        invite_request(paris, &addresses.join(", "), &[Learner]),
    )
    .await
    .unwrap();
    // The next day, in Paris: one more, by the group admin.
    app.clock.advance(DAY);
    invitations::invite(
        &app.state,
        &ventes_admin,
        invite_request(paris, "late@exemple.fr", &[Learner]),
    )
    .await
    .unwrap();

    let first = read(&app, &admin, JournalQuery::default()).await;
    assert_eq!(first.entries.len(), JOURNAL_PAGE_SIZE);
    assert_eq!(first.total, 62);
    let older = first.older.expect("a second page");
    let second = read(
        &app,
        &admin,
        JournalQuery {
            before: Some(older.to_string()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(second.entries.len(), 12);
    assert!(second.older.is_none());
    assert!(second.entries.iter().all(|e| e.id < older));

    let by_actor = read(
        &app,
        &admin,
        JournalQuery {
            actor: Some(" GA@exemple.fr ".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(about(&by_actor), ["late@exemple.fr"]);

    let by_person = read(
        &app,
        &admin,
        JournalQuery {
            person: Some("p07@exemple.fr".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(about(&by_person), ["p07@exemple.fr"]);

    let by_action = read(
        &app,
        &admin,
        JournalQuery {
            action: Some("platform_admin.created".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(by_action.total, 1);

    // START is 2026-11-21 09:00 in Paris: the day after holds only `late`.
    let next_day = read(
        &app,
        &admin,
        JournalQuery {
            from: Some("2026-11-22".into()),
            to: Some("2026-11-22".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(about(&next_day), ["late@exemple.fr"]);
    assert_eq!(next_day.entries[0].at.offset_s, 3600);
    let first_day = read(
        &app,
        &admin,
        JournalQuery {
            to: Some("2026-11-21".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(first_day.total, 61);

    let unknown = read(
        &app,
        &admin,
        JournalQuery {
            actor: Some("nobody@exemple.fr".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(unknown.unknown_person && unknown.entries.is_empty());
    for bad in [
        JournalQuery {
            from: Some("21/13/2026".into()),
            ..Default::default()
        },
        JournalQuery {
            action: Some("invitation.stolen".into()),
            ..Default::default()
        },
    ] {
        assert!(matches!(
            journal::page(&app.state, &admin, bad, None, &Shared::fresh()).await,
            Err(AppError::Invalid(_))
        ));
    }
}

async fn expiries_and_throttled_sign_ins_are_logged_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_acme, _ventes, paris, _support) = app.sample_tree().await;
    invitations::invite(
        &app.state,
        &admin,
        invite_request(paris, "late@exemple.fr", &[Learner]),
    )
    .await
    .unwrap();
    assert_eq!(invitations::log_expiries(&app.state).await.unwrap(), 0);
    app.clock.advance(31 * DAY);
    assert_eq!(invitations::log_expiries(&app.state).await.unwrap(), 1);
    assert_eq!(
        invitations::log_expiries(&app.state).await.unwrap(),
        0,
        "once"
    );
    let expired = read(
        &app,
        &admin,
        JournalQuery {
            action: Some(AuditAction::InvitationExpired.code().into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(about(&expired), ["late@exemple.fr"]);
    assert!(expired.entries[0].actor.is_none(), "the platform itself");

    for _ in 0..12 {
        let _ = auth::login(
            &app.state,
            "admin@exemple.fr",
            "wrong password".into(),
            Some("203.0.113.9"),
        )
        .await;
        app.clock.advance(MINUTE / 4);
    }
    let throttled = read(
        &app,
        &admin,
        JournalQuery {
            action: Some(AuditAction::LoginThrottled.code().into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        throttled.total, 1,
        "one entry per throttle window, however many refusals"
    );
    assert_eq!(
        throttled.entries[0].target.as_ref().unwrap().user_id,
        Some(admin.user.id)
    );
    assert!(
        throttled.entries[0]
            .details
            .contains(&Detail::Client("203.0.113.9".into()))
    );
}

async fn the_export_holds_every_matching_entry_escaped(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_acme, _ventes, paris, _support) = app.sample_tree().await;
    let addresses: Vec<String> = (0..2_100).map(|i| format!("p{i:04}@exemple.fr")).collect();
    // More than one export chunk; INVITER takes a thousand at a time.
    for batch in addresses.chunks(700) {
        invitations::invite(
            &app.state,
            &admin,
            invite_request(paris, &batch.join("\n"), &[Learner]),
        )
        .await
        .unwrap();
    }
    let mut export = journal::Export::open(
        &app.state,
        &admin,
        JournalQuery {
            action: Some("invitation.created".into()),
            ..Default::default()
        },
        Some("Europe/Paris"),
        Lang::En,
    )
    .await
    .unwrap();
    assert_eq!(export.header()[0], "When");
    let mut rows = Vec::new();
    loop {
        let chunk = export.next_chunk(&app.state).await.unwrap();
        if chunk.is_empty() {
            break;
        }
        rows.extend(chunk);
    }
    assert_eq!(rows.len(), 2_100, "in chunks, none twice");
    assert_eq!(rows[0][2], "Invitation sent");
    assert_eq!(rows[0][0], "Nov 21, 2026, 09:00");
    let ids: std::collections::BTreeSet<&String> = rows.iter().map(|r| &r[3]).collect();
    assert_eq!(ids.len(), 2_100);
}

on_both_backends!(
    each_reader_sees_the_entries_of_their_scope,
    filters_narrow_the_entries_and_pages_follow_each_other,
    expiries_and_throttled_sign_ins_are_logged_once,
    the_export_holds_every_matching_entry_escaped,
);

/// A group admin whose people's account-level entries lie deep in the log,
/// under many newer ones they may not read: the page still finds them
/// (past the window walked first) and in order.
async fn a_scoped_reader_finds_old_entries_under_many_newer_ones(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_acme, ventes, paris, support) = app.sample_tree().await;
    let ventes_admin = app
        .user_with_roles("ga@exemple.fr", &[(ventes, GroupAdmin)])
        .await;
    let member = app
        .user_with_roles("old@exemple.fr", &[(paris, Learner)])
        .await;
    account_type::convert(
        &app.state,
        &admin,
        &[member.user.id],
        AccountType::Guest,
        true,
    )
    .await
    .unwrap();
    invitations::invite(
        &app.state,
        &admin,
        invite_request(paris, "paris@exemple.fr", &[Learner]),
    )
    .await
    .unwrap();
    // 25,000 newer entries about Support, out of the reader's scope.
    let mut conn = app.conn().await;
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, action, target_user_id, target_email, group_id, details) \
         SELECT $1 + i, $2, 'invitation.created', NULL, 'x@exemple.fr', $3, '{}' FROM \
         (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) SELECT i FROM n) s",
    )
    .bind(support::START + MINUTE)
    .bind(admin.user.id.0)
    .bind(support.0)
    .execute(&mut *conn)
    .await
    .unwrap();
    drop(conn);

    let page = read(&app, &ventes_admin, JournalQuery::default()).await;
    assert_eq!(
        actions(&page),
        [
            AuditAction::InvitationCreated,
            AuditAction::AccountTypeChanged
        ]
    );
    assert_eq!(page.total, 2);
    assert!(page.older.is_none());
    // Paging below the newest keeps finding it.
    let below = read(
        &app,
        &ventes_admin,
        JournalQuery {
            before: Some(page.entries[0].id.to_string()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(actions(&below), [AuditAction::AccountTypeChanged]);
    let everyone = read(&app, &admin, JournalQuery::default()).await;
    assert!(
        everyone.capped,
        "the platform admin's count stops at the cap"
    );
}

on_both_backends!(a_scoped_reader_finds_old_entries_under_many_newer_ones);

/// Account-level entries (no group) in the scope's groups' memberships and
/// in the log, as the count's choice of method reads them.
async fn account_sizes(app: &TestApp, groups: &[app::domain::GroupId]) -> (i64, i64) {
    let mut conn = app.conn().await;
    let list = groups
        .iter()
        .map(|g| g.0.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let memberships: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM memberships WHERE group_id IN ({list})"
    )))
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    let entries: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE group_id IS NULL")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    (memberships, entries)
}

/// `count` account-level entries about `user` (an account's update).
async fn account_entries(app: &TestApp, actor: &CurrentUser, user: UserId, count: i64) {
    let mut conn = app.conn().await;
    sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, action, target_user_id, target_email, group_id, details) \
         SELECT $1 + i, $2, 'account.updated', $3, NULL, NULL, '{}' FROM \
         (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $4) SELECT i FROM n) s",
    )
    .bind(support::START + MINUTE)
    .bind(actor.user.id.0)
    .bind(user.0)
    .bind(count)
    .execute(&mut *conn)
    .await
    .unwrap();
}

/// A scoped reader's count of the account-level entries is the same
/// whether it tests each such entry (fewer of them than the scope's
/// memberships) or probes the log for each person (more of them).
async fn a_scoped_count_is_exact_whichever_half_is_larger(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_acme, ventes, paris, support) = app.sample_tree().await;
    let ventes_admin = app
        .user_with_roles("ga@exemple.fr", &[(ventes, GroupAdmin)])
        .await;
    let people = app.many_members(paris, 30, &[Learner]).await;
    let outsider = app
        .user_with_roles("out@exemple.fr", &[(support, Learner)])
        .await;
    let base = read(&app, &ventes_admin, JournalQuery::default())
        .await
        .total;

    // Few account-level entries, many memberships: each entry is tested.
    account_entries(&app, &admin, people[0], 3).await;
    account_entries(&app, &admin, outsider.user.id, 2).await;
    let (memberships, entries) = account_sizes(&app, &[ventes, paris]).await;
    assert!(
        entries < memberships,
        "{entries} entries, {memberships} memberships"
    );
    let page = read(&app, &ventes_admin, JournalQuery::default()).await;
    assert_eq!(page.total, base + 3);

    // Many more entries than memberships, most about someone outside:
    // each person's entries are looked up.
    account_entries(&app, &admin, outsider.user.id, 200).await;
    account_entries(&app, &admin, people[29], 4).await;
    let (memberships, entries) = account_sizes(&app, &[ventes, paris]).await;
    assert!(
        entries >= memberships,
        "{entries} entries, {memberships} memberships"
    );
    let page = read(&app, &ventes_admin, JournalQuery::default()).await;
    assert_eq!(page.total, base + 7);
    // A filter narrows both ways alike.
    let one = read(
        &app,
        &ventes_admin,
        JournalQuery {
            person: Some("p29@exemple.fr".into()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(one.total, 4);
}

on_both_backends!(a_scoped_count_is_exact_whichever_half_is_larger);
