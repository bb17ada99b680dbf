//! The billing page on both databases: months counted between the local
//! midnights of the platform's time zone, across a month boundary; the list
//! behind a month; the exports, escaped; platform admins only.

mod support;

use app::contracts::billing::BillingQuery;
use app::contracts::journal::{Detail, JournalQuery};
use app::contracts::settings::PlatformSettingsInput;
use app::domain::AccountType;
use app::domain::GroupRole::{GroupAdmin, Learner};
use app::domain::audit::AuditAction;
use app::domain::billing::{BillingReason, Month};
use app::i18n::Lang;
use app::server::services::accounts::{self, CreateRequest};
use app::server::services::auth::CurrentUser;
use app::server::services::directory::Shared;
use app::server::services::{account_type, billing, journal, platform};
use app::server::{AppError, Backend, export};
use support::TestApp;

async fn create(
    app: &TestApp,
    admin: &CurrentUser,
    group: app::domain::GroupId,
    first: &str,
    email: &str,
) {
    accounts::create(
        &app.state,
        admin,
        CreateRequest {
            origin_group: group,
            first_name: first.into(),
            last_name: "Curie".into(),
            email: email.into(),
            group_ids: vec![group],
            roles: vec![Learner],
            language: Lang::Fr,
            account_type: AccountType::Member,
            password: "radium polonium 1898".into(),
            password_confirm: "radium polonium 1898".into(),
            ..Default::default()
        },
    )
    .await
    .expect("account created");
}

async fn set_zone(app: &TestApp, admin: &CurrentUser, zone: &str) {
    platform::update(
        &app.state,
        admin,
        PlatformSettingsInput {
            default_language: "fr".into(),
            seat_limit: None,
            seat_limit_given: None,
            time_zone: Some(zone.into()),
        },
    )
    .await
    .expect("zone saved");
}

fn month(year: i32, month: u8) -> Month {
    Month { year, month }
}

async fn months_follow_the_platform_zone_across_a_month_boundary(backend: Backend) {
    let app = TestApp::new(backend).await;
    // 2026-11-21: the admin and Marie bill from November.
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (_acme, _ventes, paris, _support) = app.sample_tree().await;
    create(&app, &admin, paris, "Marie", "marie@exemple.fr").await;
    // 2026-11-30T23:30Z: still November in UTC, already December in Paris.
    app.clock.set(1_796_081_400_000);
    create(&app, &admin, paris, "=SUM(1+1)", "formula@exemple.fr").await;
    // 2026-12-02: Marie becomes a guest and stops billing.
    app.clock.set(1_796_169_600_000);
    let marie = {
        let mut conn = app.conn().await;
        app::server::store::users::by_email(&mut conn, "marie@exemple.fr")
            .await
            .unwrap()
            .unwrap()
            .id
    };
    account_type::convert(&app.state, &admin, &[marie], AccountType::Guest, true)
        .await
        .unwrap();

    let page = billing::page(&app.state, &admin, BillingQuery::default())
        .await
        .unwrap();
    assert_eq!(page.time_zone, "Europe/Paris");
    assert_eq!(page.month, month(2026, 12));
    assert_eq!(page.seats.used, 2);
    assert_eq!(page.history.len(), 12);
    let nov = page.history[10];
    let dec = page.history[11];
    assert_eq!(
        (nov.month, nov.started, nov.stopped, nov.net_end),
        (month(2026, 11), 2, 0, 2)
    );
    assert_eq!(
        (dec.month, dec.started, dec.stopped, dec.net_end),
        (month(2026, 12), 1, 1, 2)
    );
    assert_eq!(page.history[0].month, month(2026, 1));
    assert_eq!(page.billable, 2);
    assert_eq!(page.people.len(), 2);

    let november = billing::page(
        &app.state,
        &admin,
        BillingQuery {
            month: Some("2026-11".into()),
        },
    )
    .await
    .unwrap();
    assert_eq!(november.billable, nov.net_end);
    let names: Vec<&str> = november.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ada Admin", "Marie Curie"]);
    assert_eq!(november.people[1].reason, Some(BillingReason::Created));

    // In UTC the late account falls in November. The change is logged,
    // and an unknown zone is refused.
    set_zone(&app, &admin, "UTC").await;
    let logged = journal::page(
        &app.state,
        &admin,
        JournalQuery {
            action: Some(AuditAction::PlatformTimeZoneSet.code().into()),
            ..Default::default()
        },
        None,
        &Shared::fresh(),
    )
    .await
    .unwrap();
    assert_eq!(
        logged.entries[0].details,
        [Detail::TextChange {
            from: "Europe/Paris".into(),
            to: "UTC".into()
        }]
    );
    assert!(matches!(
        platform::update(
            &app.state,
            &admin,
            PlatformSettingsInput {
                default_language: "fr".into(),
                time_zone: Some("Mars/Olympus".into()),
                ..Default::default()
            },
        )
        .await,
        Err(AppError::Invalid(app::i18n::Msg::ErrTimeZoneUnknown))
    ));
    let utc = billing::page(&app.state, &admin, BillingQuery::default())
        .await
        .unwrap();
    let (nov, dec) = (utc.history[10], utc.history[11]);
    assert_eq!((nov.started, nov.stopped, nov.net_end), (3, 0, 3));
    assert_eq!((dec.started, dec.stopped, dec.net_end), (0, 1, 2));

    // The export holds the same list, a formula-looking name escaped.
    let (m, table) = billing::export(&app.state, &admin, Some("2026-11"), Lang::En)
        .await
        .unwrap();
    assert_eq!(m, month(2026, 11));
    assert_eq!(table.header, ["Name", "E-mail", "Billed since", "How"]);
    assert_eq!(table.rows.len(), 3);
    let csv = String::from_utf8(export::csv(&table).unwrap()).unwrap();
    assert!(csv.contains("'=SUM(1+1) Curie"), "{csv}");
    assert!(csv.contains("Account created"));
    assert!(export::xlsx(&table, "2026-11").unwrap().starts_with(b"PK"));

    // A month after this one, or not a month, is refused in words.
    for bad in ["2027-01", "novembre", "2026-13"] {
        assert!(matches!(
            billing::page(
                &app.state,
                &admin,
                BillingQuery {
                    month: Some(bad.into())
                }
            )
            .await,
            Err(AppError::Invalid(_))
        ));
    }
}

async fn only_platform_admins_read_billing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("admin@exemple.fr").await;
    let (acme, _ventes, _paris, _support) = app.sample_tree().await;
    let group_admin = app
        .user_with_roles("ga@exemple.fr", &[(acme, GroupAdmin)])
        .await;
    billing::page(&app.state, &admin, BillingQuery::default())
        .await
        .expect("the page");
    assert!(matches!(
        billing::page(&app.state, &group_admin, BillingQuery::default()).await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        billing::export(&app.state, &group_admin, None, Lang::Fr).await,
        Err(AppError::Forbidden)
    ));
}

on_both_backends!(
    months_follow_the_platform_zone_across_a_month_boundary,
    only_platform_admins_read_billing,
);
