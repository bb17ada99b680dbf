//! The import wizard end to end through its service, on both databases:
//! upload, columns, preview verdicts, each mode, overrides, duplicates,
//! an idempotent second run, the seat limit mid-file, a failure injected
//! mid-run that leaves nothing, and who may import what.

mod support;

use std::sync::Arc;
use std::time::Duration;

use app::contracts::imports::{ImportStatus, ImportView};
use app::contracts::settings::PlatformSettingsInput;
use app::domain::import::{Defaults, Mode, VerdictKind};
use app::domain::{AccountType, GroupId, GroupRole, ImportId};
use app::i18n::Lang;
use app::server::services::auth::CurrentUser;
use app::server::services::imports::{self, RunRequest};
use app::server::services::platform;
use app::server::store::{imports as store_imports, invitations, outbox, users};
use app::server::{AppError, Backend};
use support::TestApp;

/// French Excel's CSV: Windows-1252, semicolons, CRLF.
fn cp1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

async fn view(
    app: &TestApp,
    me: &CurrentUser,
    id: ImportId,
    filter: Option<VerdictKind>,
) -> ImportView {
    imports::view(&app.state, me, id, filter, 1, Lang::Fr)
        .await
        .expect("the import page")
}

fn defaults(group: GroupId) -> Defaults {
    Defaults {
        language: Lang::Fr,
        roles: vec![GroupRole::Learner],
        groups: vec![group],
        ..Default::default()
    }
}

/// Runs the import and waits for its end (the run is a background task).
async fn run(
    app: &TestApp,
    me: &CurrentUser,
    id: ImportId,
    mode: Mode,
    defaults: Defaults,
) -> ImportView {
    imports::run(&app.state, me, id, RunRequest { mode, defaults })
        .await
        .expect("the run starts");
    finished(app, me, id).await
}

/// The import's page once its run has ended.
async fn finished(app: &TestApp, me: &CurrentUser, id: ImportId) -> ImportView {
    // Unoptimised, a 50,000-row run takes a while: wait up to 5 minutes.
    for _ in 0..3000 {
        let v = view(app, me, id, None).await;
        if v.status != ImportStatus::Running {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the import did not finish in 5 minutes");
}

async fn scalar(app: &TestApp, sql: &'static str) -> i64 {
    let mut conn = app.conn().await;
    sqlx::query_scalar(sql).fetch_one(&mut *conn).await.unwrap()
}

async fn mails_to(app: &TestApp, address: &str) -> usize {
    let mut conn = app.conn().await;
    outbox::for_recipient(&mut conn, address)
        .await
        .unwrap()
        .len()
}

const CLASS: &str = "Prénom;Nom;Courriel;Langue;Groupes\r\n\
    André;Lefèvre;andre@exemple.fr;en;\r\n\
    Zoé;Château;zoe@exemple.fr;;Ventes\r\n\
    \r\n\
    Bad;Row;pas-une-adresse;;\r\n\
    Other;Group;lyon@exemple.fr;;Lyon\r\n\
    André;Again;ANDRE@exemple.fr ;;\r\n";

async fn invite_mode_invites_the_good_rows_and_says_why_of_the_others(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, ventes, paris, _) = app.sample_tree().await;
    let id = imports::upload(&app.state, &admin, paris, "classe.csv", cp1252(CLASS))
        .await
        .expect("uploaded");
    let preview = view(&app, &admin, id, None).await;
    assert_eq!(preview.dialect.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(preview.dialect.separator.as_deref(), Some("semicolon"));
    assert_eq!(preview.total, 5, "the blank line is not a row");
    assert!(
        !preview.missing_email,
        "Courriel is recognised as the address"
    );
    assert_eq!(preview.count(VerdictKind::Invite), 2);
    assert_eq!(preview.count(VerdictKind::Error), 2);
    assert_eq!(preview.count(VerdictKind::Duplicate), 1);
    let errors = view(&app, &admin, id, Some(VerdictKind::Error)).await;
    let texts: Vec<&str> = errors.rows.iter().map(|r| r.text.as_str()).collect();
    assert!(
        texts.iter().any(|t| t.starts_with("Adresse invalide")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("Groupe inconnu « lyon »")),
        "{texts:?}"
    );
    let duplicate = view(&app, &admin, id, Some(VerdictKind::Duplicate)).await;
    assert_eq!(duplicate.rows[0].text, "Doublon de la ligne 2 : ignoré");

    let report = run(&app, &admin, id, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.status, ImportStatus::Done);
    assert_eq!(report.count(VerdictKind::Invite), 2);
    let mut conn = app.conn().await;
    let andre = invitations::pending_by_email(&mut conn, "andre@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        andre.language,
        Lang::En,
        "the file's language wins over the default"
    );
    assert_eq!(
        invitations::grants(&mut conn, andre.id).await.unwrap(),
        vec![(paris, GroupRole::Learner)]
    );
    let zoe = invitations::pending_by_email(&mut conn, "zoe@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(zoe.language, Lang::Fr, "a blank cell takes the default");
    assert_eq!(
        invitations::grants(&mut conn, zoe.id).await.unwrap(),
        vec![(ventes, GroupRole::Learner)],
        "the file's group wins over the import's"
    );
    assert!(
        invitations::pending_by_email(&mut conn, "lyon@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    drop(conn);
    assert_eq!(mails_to(&app, "andre@exemple.fr").await, 1);
    assert_eq!(mails_to(&app, "zoe@exemple.fr").await, 1);

    // The same file again: everything is already done, nobody is mailed twice.
    let again = imports::upload(&app.state, &admin, paris, "classe.csv", cp1252(CLASS))
        .await
        .unwrap();
    let preview = view(&app, &admin, again, None).await;
    assert_eq!(preview.count(VerdictKind::Invite), 0);
    assert_eq!(preview.count(VerdictKind::Unchanged), 2);
    app.clock.advance(2 * 24 * 3_600_000);
    let report = run(&app, &admin, again, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.count(VerdictKind::Unchanged), 2);
    assert_eq!(mails_to(&app, "andre@exemple.fr").await, 1);
    assert_eq!(mails_to(&app, "zoe@exemple.fr").await, 1);
}

async fn create_mode_opens_accounts_with_propagation_and_adds_existing_ones(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, paris, _) = app.sample_tree().await;
    app.user_with_roles("deja@exemple.fr", &[]).await;
    let file = "email,first_name,last_name,roles\n\
        marie@exemple.fr,Marie,Curie,\n\
        deja@exemple.fr,Déjà,Là,animateur\n\
        sans-nom@exemple.fr,,,\n";
    let id = imports::upload(
        &app.state,
        &admin,
        paris,
        "comptes.csv",
        file.as_bytes().to_vec(),
    )
    .await
    .unwrap();
    let mut options = defaults(paris);
    options.send_credentials = true;
    imports::set_columns(
        &app.state,
        &admin,
        id,
        [
            (0, "email"),
            (1, "first_name"),
            (2, "last_name"),
            (3, "roles"),
        ]
        .into_iter()
        .map(|(i, c)| (i, c.to_owned()))
        .collect(),
    )
    .await
    .unwrap();
    let report = run(&app, &admin, id, Mode::Create, options).await;
    assert_eq!(report.count(VerdictKind::Create), 1);
    assert_eq!(report.count(VerdictKind::AddToGroups), 1);
    assert_eq!(
        report.count(VerdictKind::Error),
        1,
        "a creation needs names"
    );
    let mut conn = app.conn().await;
    let marie = users::by_email(&mut conn, "marie@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert!(marie.activated_at.is_some(), "created active at once");
    drop(conn);
    for group in [paris, ventes, acme] {
        assert_eq!(
            app.roles_in(marie.id, group).await,
            vec![GroupRole::Learner],
            "propagated"
        );
    }
    assert_eq!(
        mails_to(&app, "marie@exemple.fr").await,
        1,
        "the set-password link"
    );
    let mut conn = app.conn().await;
    let deja = users::by_email(&mut conn, "deja@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    assert_eq!(app.roles_in(deja.id, paris).await, vec![GroupRole::Trainer]);
}

async fn create_or_update_changes_what_the_file_says_and_removes_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, support) = app.sample_tree().await;
    let jean = app
        .user_with_roles("jean@exemple.fr", &[(support, GroupRole::Trainer)])
        .await;
    let file = "email;nom;langue\njean@exemple.fr;Dupont;nl\n";
    let id = imports::upload(
        &app.state,
        &admin,
        paris,
        "maj.csv",
        file.as_bytes().to_vec(),
    )
    .await
    .unwrap();
    let mut setup = defaults(paris);
    setup.roles = vec![GroupRole::Learner];
    let report = run(&app, &admin, id, Mode::CreateOrUpdate, setup).await;
    assert_eq!(report.count(VerdictKind::Update), 1, "{:?}", report.rows);
    assert!(
        report.rows[0].text.contains("Nom"),
        "{}",
        report.rows[0].text
    );
    let mut conn = app.conn().await;
    let updated = users::by_id(&mut conn, jean.user.id)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    assert_eq!(updated.last_name, "Dupont");
    assert_eq!(
        updated.first_name, jean.user.first_name,
        "a column the file lacks is kept"
    );
    assert_eq!(updated.language, Lang::Nl);
    assert_eq!(
        app.roles_in(jean.user.id, support).await,
        vec![GroupRole::Trainer],
        "never removed"
    );
    assert_eq!(
        app.roles_in(jean.user.id, paris).await,
        vec![GroupRole::Learner],
        "added"
    );
}

/// The type column of "create or update": member → guest when no role
/// stands in the way (never removed by an import), guest → member with a
/// member's role in the same row when a seat is free; the seat freed by
/// the first goes to those already waiting, and the second run of the
/// same file finds the rest.
async fn create_or_update_changes_the_account_type_within_the_rules_and_the_seats(
    backend: Backend,
) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, support) = app.sample_tree().await;
    let marie = app
        .user_with_roles("marie@exemple.fr", &[(paris, GroupRole::Learner)])
        .await;
    let paul = app
        .user_with_roles("paul@exemple.fr", &[(support, GroupRole::Trainer)])
        .await;
    let gaston = app
        .user_with_roles("gaston@exemple.fr", &[(paris, GroupRole::Learner)])
        .await;
    let mut conn = app.conn().await;
    users::set_account_type(&mut conn, gaston.user.id, AccountType::Guest, 0)
        .await
        .unwrap();
    drop(conn);
    // Billable now: Ada, Marie and Paul — no seat left.
    platform::update(
        &app.state,
        &admin,
        PlatformSettingsInput {
            default_language: "fr".into(),
            seat_limit: Some("3".into()),
            seat_limit_given: Some("on".into()),
            time_zone: None,
        },
    )
    .await
    .unwrap();
    let file = "email;Type de compte;rôles\n\
        marie@exemple.fr;invité;apprenant\n\
        paul@exemple.fr;invité;apprenant\n\
        gaston@exemple.fr;membre;animateur\n";
    let upload = |name: &'static str| {
        imports::upload(&app.state, &admin, paris, name, file.as_bytes().to_vec())
    };
    let first = upload("types.csv").await.unwrap();
    let report = run(&app, &admin, first, Mode::CreateOrUpdate, defaults(paris)).await;
    let text = |email: &str, report: &ImportView| {
        let row = report.rows.iter().find(|r| r.email == email).unwrap();
        (row.kind, row.text.clone())
    };
    assert_eq!(
        text("marie@exemple.fr", &report).0,
        VerdictKind::Update,
        "{:?}",
        report.rows
    );
    assert!(
        text("marie@exemple.fr", &report)
            .1
            .contains("Type de compte")
    );
    let (kind, why) = text("paul@exemple.fr", &report);
    assert_eq!(kind, VerdictKind::Error);
    assert!(why.contains("Animateur"), "the role in the way: {why}");
    let (kind, why) = text("gaston@exemple.fr", &report);
    assert_eq!(kind, VerdictKind::Error, "no seat for Gaston yet");
    assert!(why.contains("place"), "{why}");

    let account = |id| {
        let app = &app;
        async move {
            let mut conn = app.conn().await;
            users::by_id(&mut conn, id).await.unwrap().unwrap()
        }
    };
    assert_eq!(
        account(marie.user.id).await.account_type,
        AccountType::Guest
    );
    assert_eq!(
        account(paul.user.id).await.account_type,
        AccountType::Member
    );
    assert_eq!(
        app.roles_in(paul.user.id, support).await,
        vec![GroupRole::Trainer],
        "an import never removes a role"
    );
    assert_eq!(
        account(gaston.user.id).await.account_type,
        AccountType::Guest
    );

    // Marie's seat is free: the same file again makes Gaston a member
    // with his trainer role, and finds Marie up to date.
    let second = upload("types-again.csv").await.unwrap();
    let report = run(&app, &admin, second, Mode::CreateOrUpdate, defaults(paris)).await;
    assert_eq!(text("marie@exemple.fr", &report).0, VerdictKind::Unchanged);
    assert_eq!(
        text("gaston@exemple.fr", &report).0,
        VerdictKind::Update,
        "{:?}",
        report.rows
    );
    assert_eq!(
        account(gaston.user.id).await.account_type,
        AccountType::Member
    );
    assert_eq!(
        app.roles_in(gaston.user.id, paris).await,
        vec![GroupRole::Trainer, GroupRole::Learner]
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account.type_changed'"
        )
        .await,
        2,
        "each change journaled by the shared path"
    );
}

/// Marks the import running as an instance that started it would (the
/// run itself is not started, as if its process were busy or gone).
async fn mark_running(app: &TestApp, id: ImportId) {
    let mut conn = app.conn().await;
    let setup = store_imports::by_id(&mut conn, id)
        .await
        .unwrap()
        .unwrap()
        .setup;
    assert!(
        store_imports::start(&mut conn, id, "invite", &setup, app.state.now(), 0)
            .await
            .unwrap()
    );
}

/// SQLite is one instance: an import still `running` when the server
/// starts died with the previous process, and may be run again at once.
#[tokio::test]
async fn an_import_left_running_by_a_stopped_process_is_failed_at_start_up() {
    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let file = "email\nun@exemple.fr\ndeux@exemple.fr\n";
    let id = imports::upload(&app.state, &admin, paris, "a.csv", file.into())
        .await
        .unwrap();
    mark_running(&app, id).await;
    assert_eq!(
        view(&app, &admin, id, None).await.status,
        ImportStatus::Running
    );
    assert_eq!(imports::fail_interrupted_runs(&app.state).await.unwrap(), 1);
    assert_eq!(
        view(&app, &admin, id, None).await.status,
        ImportStatus::Failed
    );
    let report = run(&app, &admin, id, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.status, ImportStatus::Done);
    assert_eq!(report.count(VerdictKind::Invite), 2);
}

/// On PostgreSQL, several instances: the one running an import writes its
/// rows done and a sign of life outside the run's transaction, so another
/// follows the bar, refuses a second start, and knows within a minute
/// that a silent run died — then runs it itself.
#[tokio::test]
async fn another_instance_follows_a_run_and_knows_when_it_died() {
    let app = TestApp::new(Backend::Postgres).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let file = "email\nun@exemple.fr\ndeux@exemple.fr\ntrois@exemple.fr\n";
    let id = imports::upload(&app.state, &admin, paris, "a.csv", file.into())
        .await
        .unwrap();
    let other =
        server::startup::build_state((*app.state.config).clone(), Arc::new(app.clock.clone()))
            .await
            .expect("a second instance connects");
    mark_running(&app, id).await;
    app.state.import_progress.lock().unwrap().insert(id.0, 2);
    imports::beat(&app.state, id).await.unwrap();
    let seen = imports::view(&other, &admin, id, None, 1, Lang::Fr)
        .await
        .unwrap();
    assert_eq!(seen.status, ImportStatus::Running);
    assert_eq!(seen.done_rows, 2, "the other instance sees the bar");
    let again = RunRequest {
        mode: Mode::Invite,
        defaults: defaults(paris),
    };
    assert!(
        imports::run(&other, &admin, id, again.clone())
            .await
            .is_err(),
        "a live run is not started twice"
    );
    app.clock.advance(59_000);
    imports::beat(&app.state, id).await.unwrap();
    app.clock.advance(59_000);
    let seen = imports::view(&other, &admin, id, None, 1, Lang::Fr)
        .await
        .unwrap();
    assert_eq!(seen.status, ImportStatus::Running, "beating: alive");
    app.clock.advance(2_000);
    let seen = imports::view(&other, &admin, id, None, 1, Lang::Fr)
        .await
        .unwrap();
    assert_eq!(
        seen.status,
        ImportStatus::Failed,
        "silent for a minute: dead"
    );
    imports::run(&other, &admin, id, again).await.unwrap();
    let done = finished(&app, &admin, id).await;
    assert_eq!(done.status, ImportStatus::Done);
    assert_eq!(done.count(VerdictKind::Invite), 3);
}

async fn the_seat_limit_refuses_the_rows_beyond_it_and_the_preview_says_so(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    // The admin is one billable member: two seats leave one free.
    platform::update(
        &app.state,
        &admin,
        PlatformSettingsInput {
            default_language: "fr".into(),
            seat_limit: Some("2".into()),
            seat_limit_given: Some("on".into()),
            time_zone: None,
        },
    )
    .await
    .unwrap();
    let file = "email,first_name,last_name,type\n\
        un@exemple.fr,Un,Premier,\n\
        deux@exemple.fr,Deux,Second,\n\
        invite@exemple.fr,Trois,Guest,guest\n";
    let id = imports::upload(
        &app.state,
        &admin,
        paris,
        "places.csv",
        file.as_bytes().to_vec(),
    )
    .await
    .unwrap();
    imports::set_columns(
        &app.state,
        &admin,
        id,
        [
            (0, "email"),
            (1, "first_name"),
            (2, "last_name"),
            (3, "type"),
        ]
        .into_iter()
        .map(|(i, c)| (i, c.to_owned()))
        .collect(),
    )
    .await
    .unwrap();
    let mut setup = defaults(paris);
    setup.account_type = app::domain::AccountType::Member;
    // The preview counts seats in file order.
    let report = run(&app, &admin, id, Mode::Create, setup).await;
    assert_eq!(
        report.count(VerdictKind::Create),
        2,
        "one member and the guest: {:?}",
        report.rows
    );
    assert_eq!(report.count(VerdictKind::Error), 1);
    let refused = report
        .rows
        .iter()
        .find(|r| r.kind == VerdictKind::Error)
        .unwrap();
    assert_eq!(refused.email, "deux@exemple.fr");
    assert!(refused.text.contains("place"), "{}", refused.text);
    let mut conn = app.conn().await;
    assert!(
        users::by_email(&mut conn, "deux@exemple.fr")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        users::by_email(&mut conn, "invite@exemple.fr")
            .await
            .unwrap()
            .is_some(),
        "a guest takes no seat"
    );
}

/// On SQLite no commit copies the write-ahead log into the database file
/// (an import's commit paid 1.6 s for it); a background checkpoint does,
/// within seconds, without anyone asking.
#[tokio::test]
async fn a_large_import_reaches_the_sqlite_file_through_the_background_checkpoint() {
    let app = TestApp::new(Backend::Sqlite).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let database = app
        .state
        .config
        .database_url
        .trim_start_matches("sqlite://")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let size = || std::fs::metadata(&database).map_or(0, |m| m.len());
    let mut file = String::from("email\n");
    for i in 0..3_000 {
        file.push_str(&format!("personne{i}@exemple.fr\n"));
    }
    let id = imports::upload(&app.state, &admin, paris, "gros.csv", file.into_bytes())
        .await
        .unwrap();
    let before = size();
    let report = run(&app, &admin, id, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.count(VerdictKind::Invite), 3_000);
    // 3,000 invitations and their mails (≈2.3 KB each): several MB.
    let mut grown = size();
    for _ in 0..100 {
        if grown > before + 4_000_000 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        grown = size();
    }
    assert!(
        grown > before + 4_000_000,
        "the database file grew from {before} to {grown} bytes only"
    );
}

/// A failure in the middle of a large run (a trigger refusing the
/// 50,000th invitation, as a full disk or a lost connection would) leaves
/// nothing of it: no invitation, no mail, the import marked failed and
/// runnable again.
async fn a_failure_injected_mid_run_leaves_nothing(backend: Backend) {
    const ROWS: usize = 50_100;
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let mut file = String::from("email\n");
    for i in 1..=ROWS {
        file.push_str(&format!("personne{i}@exemple.fr\n"));
    }
    let id = imports::upload(&app.state, &admin, paris, "gros.csv", file.into_bytes())
        .await
        .unwrap();
    let mut conn = app.conn().await;
    let statements: &[&str] = match backend {
        Backend::Sqlite => &["CREATE TRIGGER fail_at_50000 BEFORE INSERT ON invitations \
             WHEN NEW.email = 'personne50000@exemple.fr' \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END"],
        Backend::Postgres => &[
            "CREATE FUNCTION fail_at_50000() RETURNS trigger AS $$ BEGIN \
             IF NEW.email = 'personne50000@exemple.fr' THEN RAISE EXCEPTION 'injected failure'; END IF; \
             RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER fail_at_50000 BEFORE INSERT ON invitations \
             FOR EACH ROW EXECUTE FUNCTION fail_at_50000()",
        ],
    };
    for sql in statements {
        sqlx::query(sqlx::AssertSqlSafe(*sql))
            .execute(&mut *conn)
            .await
            .unwrap();
    }
    drop(conn);
    let report = run(&app, &admin, id, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.status, ImportStatus::Failed);
    let mut conn = app.conn().await;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing of the run is kept");
    let mails: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(mails, 0);
    let drop_trigger = match backend {
        Backend::Sqlite => "DROP TRIGGER fail_at_50000",
        Backend::Postgres => "DROP TRIGGER fail_at_50000 ON invitations",
    };
    sqlx::query(drop_trigger).execute(&mut *conn).await.unwrap();
    drop(conn);
    // Once the cause is gone, the same import runs whole.
    let report = run(&app, &admin, id, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.status, ImportStatus::Done);
    assert_eq!(report.count(VerdictKind::Invite), ROWS);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM outbox").await,
        ROWS as i64
    );
}

async fn who_may_import_what(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, ventes, paris, support) = app.sample_tree().await;
    let user_admin = app
        .user_with_roles("ua@exemple.fr", &[(ventes, GroupRole::UserAdmin)])
        .await;
    let learner = app
        .user_with_roles("learner@exemple.fr", &[(paris, GroupRole::Learner)])
        .await;
    let file = || {
        b"email;roles;admin;groupes\nx@exemple.fr;administrateur de groupe;oui;\ny@exemple.fr;apprenant;non;Support\nz@exemple.fr;apprenant;;\n".to_vec()
    };

    for (who, group) in [(&learner, paris), (&user_admin, support)] {
        assert!(
            matches!(
                imports::upload(&app.state, who, group, "f.csv", file()).await,
                Err(AppError::Forbidden)
            ),
            "{} into {group}",
            who.user.email.clone().unwrap_or_default()
        );
    }
    let id = imports::upload(&app.state, &user_admin, paris, "f.csv", file())
        .await
        .expect("a user admin imports into a group below theirs");
    let preview = view(&app, &user_admin, id, None).await;
    assert_eq!(preview.count(VerdictKind::Invite), 1, "{:?}", preview.rows);
    let texts: Vec<String> = preview.rows.iter().map(|r| r.text.clone()).collect();
    assert!(texts[0].contains("Rôle non autorisé"), "{texts:?}");
    assert!(texts[0].contains("« admin » refusé"), "{texts:?}");
    assert!(
        texts[1].contains("Groupe inconnu « support »"),
        "a group out of scope reads as unknown: {texts:?}"
    );
    // Another admin's import is not theirs to see unless they reach its group.
    let other = imports::upload(&app.state, &admin, support, "f.csv", file())
        .await
        .unwrap();
    assert!(matches!(
        imports::view(&app.state, &user_admin, other, None, 1, Lang::Fr).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        imports::run(
            &app.state,
            &user_admin,
            other,
            RunRequest {
                mode: Mode::Invite,
                defaults: defaults(support)
            }
        )
        .await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        imports::view(&app.state, &learner, id, None, 1, Lang::Fr).await,
        Err(AppError::NotFound)
    ));
    // Defaults beyond the actor's grants are refused before anything runs.
    let mut setup = defaults(paris);
    setup.roles = vec![GroupRole::GroupAdmin];
    assert!(matches!(
        imports::run(
            &app.state,
            &user_admin,
            id,
            RunRequest {
                mode: Mode::Invite,
                defaults: setup
            }
        )
        .await,
        Err(AppError::Invalid(_))
    ));
}

async fn a_workbook_is_read_and_a_row_corrected_in_the_preview(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["E-mail", "Prénom", "Date de suppression"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "claire@exemple.fr").unwrap();
    sheet.write_string(1, 1, "Claire").unwrap();
    sheet.write_string(1, 2, "01/03/2030").unwrap();
    sheet.write_string(2, 0, "faute@@exemple.fr").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let id = imports::upload(&app.state, &admin, paris, "liste.xlsx", bytes)
        .await
        .unwrap();
    let preview = view(&app, &admin, id, None).await;
    assert_eq!(preview.dialect.format, "XLSX");
    assert_eq!(preview.count(VerdictKind::Invite), 1);
    assert_eq!(preview.count(VerdictKind::Error), 1);
    let bad = preview
        .rows
        .iter()
        .find(|r| r.kind == VerdictKind::Error)
        .unwrap();
    imports::edit_row(
        &app.state,
        &admin,
        id,
        bad.index,
        [(0, "faute@exemple.fr".to_owned())].into(),
    )
    .await
    .unwrap();
    let preview = view(&app, &admin, id, None).await;
    assert_eq!(preview.count(VerdictKind::Invite), 2, "corrected in place");
    let report = run(&app, &admin, id, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.count(VerdictKind::Invite), 2);
    let mut conn = app.conn().await;
    let claire = invitations::pending_by_email(&mut conn, "claire@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        claire.deletion_at,
        app::domain::import::date_to_ms("2030-03-01")
    );
}

async fn files_that_cannot_be_read_are_refused_with_a_reason(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    for (name, bytes, msg) in [
        (
            "x.pdf",
            b"%PDF-1.4".to_vec(),
            app::i18n::Msg::ErrImportUnsupported,
        ),
        (
            "x.xlsx",
            b"email\na@b.fr\n".to_vec(),
            app::i18n::Msg::ErrImportNotWhatItSays,
        ),
        ("x.csv", b"\n\n".to_vec(), app::i18n::Msg::ErrImportEmpty),
    ] {
        match imports::upload(&app.state, &admin, paris, name, bytes).await {
            Err(AppError::Invalid(got)) => assert_eq!(got, msg, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// More rows than one batch of new invitations: each gets its own row,
/// grant, link and mail (found back whatever order the database returns
/// the batch in), and a link from the middle of the file opens its own
/// invitation.
async fn new_invitations_are_written_in_batches_each_with_its_own_link_and_mail(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let mut file = String::from("email;langue\n");
    for i in 0..1_201 {
        file.push_str(&format!("n{i}@exemple.fr;{}\n", ["fr", "en", "nl"][i % 3]));
    }
    let id = imports::upload(&app.state, &admin, paris, "lot.csv", file.into_bytes())
        .await
        .unwrap();
    let report = run(&app, &admin, id, Mode::Invite, defaults(paris)).await;
    assert_eq!(report.count(VerdictKind::Invite), 1_201);
    let mut conn = app.conn().await;
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitations i JOIN outbox o ON o.id = i.delivery_mail_id \
         WHERE o.recipient <> i.email OR o.invitation_id <> i.id",
    )
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    assert_eq!(mismatched, 0, "each invitation's newest mail is its own");
    let with_mail: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM invitations WHERE delivery_status = 'queued' AND delivery_mail_id IS NOT NULL",
    )
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    assert_eq!(with_mail, 1_201);
    let n700 = invitations::pending_by_email(&mut conn, "n700@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(n700.language, Lang::En);
    assert_eq!(
        invitations::grants(&mut conn, n700.id).await.unwrap(),
        vec![(paris, GroupRole::Learner)]
    );
    drop(conn);
    let token = app.latest_link_token("n700@exemple.fr").await;
    let link = app::server::services::invitations::open_link(&app.state, &token)
        .await
        .expect("the mailed link opens");
    assert_eq!(
        link.email, "n700@exemple.fr",
        "and it is n700's own invitation"
    );
}

async fn new_accounts_are_written_in_batches_each_with_its_grants_seat_and_link(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (acme, ventes, paris, _) = app.sample_tree().await;
    // More than two batches of 500, a language per row.
    let mut file = String::from("email,first_name,last_name,language\n");
    for i in 0..1_201 {
        let lang = if i % 2 == 0 { "en" } else { "fr" };
        file.push_str(&format!("c{i}@exemple.fr,Prénom{i},Nom{i},{lang}\n"));
    }
    let id = imports::upload(&app.state, &admin, paris, "comptes.csv", file.into_bytes())
        .await
        .unwrap();
    let mut with_links = defaults(paris);
    with_links.send_credentials = true;
    let report = run(&app, &admin, id, Mode::Create, with_links).await;
    assert_eq!(report.status, ImportStatus::Done);
    assert_eq!(report.count(VerdictKind::Create), 1_201);
    let count = |sql: &'static str| scalar(&app, sql);
    assert_eq!(
        count("SELECT COUNT(*) FROM users WHERE email LIKE 'c%@exemple.fr' AND activated_at IS NOT NULL").await,
        1_201
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email LIKE 'c%@exemple.fr'").await,
        3 * 1_201,
        "learner of Paris, Ventes and Acme (propagation), each once"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM billing_events b JOIN users u ON u.id = b.user_id WHERE u.email LIKE 'c%@exemple.fr' AND b.change = 1").await,
        1_201,
        "each account starts billing once"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM password_tokens t JOIN users u ON u.id = t.user_id WHERE u.email LIKE 'c%@exemple.fr'").await,
        1_201
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM outbox o JOIN users u ON u.id = o.user_id WHERE o.kind = 'set_password' AND o.recipient <> u.email").await,
        0,
        "each mail goes to its own account"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.created'").await,
        1_201
    );
    let mut conn = app.conn().await;
    let c700 = users::by_email(&mut conn, "c700@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (c700.first_name.as_str(), c700.language),
        ("Prénom700", Lang::En)
    );
    let mut held = app::server::store::memberships::roles_of_user(&mut conn, c700.id)
        .await
        .unwrap();
    held.sort();
    let mut expected = vec![
        (acme, GroupRole::Learner),
        (ventes, GroupRole::Learner),
        (paris, GroupRole::Learner),
    ];
    expected.sort();
    assert_eq!(held, expected);
    drop(conn);
    // c700's link is c700's own, in c700's language.
    let token = app.latest_link_token("c700@exemple.fr").await;
    let opened = app::server::services::password_links::open(&app.state, &token)
        .await
        .expect("the mailed link opens");
    assert_eq!(opened.login, "c700@exemple.fr");
    assert_eq!(opened.language, Lang::En);
}

/// Another admin takes an address while the import runs: on PostgreSQL the
/// batch is refused by the unique address, then written row by row, so
/// only that row fails; on SQLite the run waits for the other writer and
/// finds the account there. Either way the other rows are created and the
/// address has one account.
async fn an_address_taken_while_the_import_runs_fails_only_its_row(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app.platform_admin("ada@exemple.fr").await;
    let (_, _, paris, _) = app.sample_tree().await;
    let file = b"email;prenom;nom\nx@exemple.fr;X;Ixe\ny@exemple.fr;Y;Igrec\nz@exemple.fr;Z;Zed\n";
    let id = imports::upload(&app.state, &admin, paris, "course.csv", file.to_vec())
        .await
        .unwrap();
    let mut other = app.state.db.begin().await.unwrap();
    users::insert(
        &mut other,
        &users::NewUser {
            email: Some("x@exemple.fr".into()),
            login_name: None,
            first_name: "Autre".into(),
            last_name: "Admin".into(),
            password_hash: None,
            platform_admin: false,
            account_type: app::domain::AccountType::Member,
            language: Lang::Fr,
            activated_at: Some(support::START),
            created_by: None,
            extra_info: String::new(),
            deletion_at: None,
        },
        support::START,
    )
    .await
    .unwrap();
    // On SQLite the run's first write waits for the other writer: it is
    // started beside the test, which then lets the other admin commit.
    let starting = {
        let (state, admin) = (app.state.clone(), admin.clone());
        tokio::spawn(async move {
            let request = RunRequest {
                mode: Mode::Create,
                defaults: defaults(paris),
            };
            imports::run(&state, &admin, id, request).await
        })
    };
    // Let the run reach the address the other transaction holds.
    tokio::time::sleep(Duration::from_millis(400)).await;
    other.commit().await.unwrap();
    starting.await.unwrap().expect("the run starts");
    let report = finished(&app, &admin, id).await;
    assert_eq!(report.status, ImportStatus::Done);
    assert_eq!(report.count(VerdictKind::Create), 2, "{:?}", report.rows);
    let x_row = &report.rows[0];
    match backend {
        Backend::Postgres => {
            assert_eq!(x_row.kind, VerdictKind::Error, "{:?}", report.rows);
            assert!(
                x_row.text.contains("Un compte utilise déjà cette adresse"),
                "{}",
                x_row.text
            );
        }
        Backend::Sqlite => assert_eq!(x_row.kind, VerdictKind::AddToGroups),
    }
    let mut conn = app.conn().await;
    for address in ["y@exemple.fr", "z@exemple.fr"] {
        assert!(users::by_email(&mut conn, address).await.unwrap().is_some());
    }
    let x = users::by_email(&mut conn, "x@exemple.fr")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        x.first_name, "Autre",
        "the other admin's account stays as it was"
    );
}

on_both_backends!(
    new_accounts_are_written_in_batches_each_with_its_grants_seat_and_link,
    an_address_taken_while_the_import_runs_fails_only_its_row,
    new_invitations_are_written_in_batches_each_with_its_own_link_and_mail,
    invite_mode_invites_the_good_rows_and_says_why_of_the_others,
    create_mode_opens_accounts_with_propagation_and_adds_existing_ones,
    create_or_update_changes_what_the_file_says_and_removes_nothing,
    create_or_update_changes_the_account_type_within_the_rules_and_the_seats,
    the_seat_limit_refuses_the_rows_beyond_it_and_the_preview_says_so,
    a_failure_injected_mid_run_leaves_nothing,
    who_may_import_what,
    a_workbook_is_read_and_a_row_corrected_in_the_preview,
    files_that_cannot_be_read_are_refused_with_a_reason,
);
