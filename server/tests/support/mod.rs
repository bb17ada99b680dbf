//! Test support: a fresh database per test on SQLite or PostgreSQL, a
//! manual clock, and shortcuts to the users and groups a test needs.
//!
//! PostgreSQL comes from `ONBOARD_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`). Without a server the
//! PostgreSQL variant of every test fails: it never skips silently.

#![allow(dead_code)]

use std::sync::Arc;

use app::domain::{AccountType, GroupId, GroupRole, UserId, Visibility};
use app::i18n::Lang;
use app::server::services::auth::CurrentUser;
use app::server::services::invitations::InviteRequest;
use app::server::services::setup::{self, AdminInput};
use app::server::store::{groups, memberships, users};
use app::server::{AppState, Backend, Config, ManualClock};
use sqlx::Connection;

/// 2026-11-21T08:00:00Z, a Saturday: fixed so date-dependent output is stable.
pub const START: i64 = 1_795_248_000_000;

pub struct TestApp {
    pub state: AppState,
    pub clock: ManualClock,
    pub backend: Backend,
    _dir: tempfile::TempDir,
}

fn postgres_admin_url() -> String {
    std::env::var("ONBOARD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// Creates an empty database of its own and returns its URL.
async fn fresh_postgres_database() -> String {
    let admin_url = postgres_admin_url();
    let mut admin = sqlx::postgres::PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL is required for these tests ({admin_url}): {e}"));
    let name = format!(
        "onboard_t_{}",
        app::server::auth::token::generate()[..12]
            .to_lowercase()
            .replace(['-', '_'], "x")
    );
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let mut url = url::Url::parse(&admin_url).expect("valid ONBOARD_TEST_POSTGRES_URL");
    url.set_path(&name);
    url.to_string()
}

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = match backend {
            Backend::Sqlite => Config::default_database_url(dir.path()),
            Backend::Postgres => fresh_postgres_database().await,
        };
        let clock = ManualClock::new(START);
        let config = Config::for_tests(url, dir.path().to_path_buf());
        let state = server::startup::build_state(config, Arc::new(clock.clone()))
            .await
            .expect("database connects and migrates");
        TestApp {
            state,
            clock,
            backend,
            _dir: dir,
        }
    }

    pub async fn conn(&self) -> sqlx::pool::PoolConnection<sqlx::Any> {
        self.state.db.pool.acquire().await.expect("connection")
    }

    pub async fn platform_admin(&self, email: &str) -> CurrentUser {
        let id = setup::create_admin(
            &self.state,
            AdminInput {
                email: email.into(),
                first_name: "Ada".into(),
                last_name: "Admin".into(),
                password: "correct horse battery".into(),
                password_confirm: "correct horse battery".into(),
                language: Lang::Fr,
            },
        )
        .await
        .expect("admin created");
        self.current(id).await
    }

    /// An active member with a password, holding `roles`.
    pub async fn user_with_roles(
        &self,
        email: &str,
        roles: &[(GroupId, GroupRole)],
    ) -> CurrentUser {
        let mut conn = self.conn().await;
        let hash = app::server::auth::password::hash("correct horse battery".into())
            .await
            .unwrap();
        let last_name = email.split('@').next().unwrap_or_default().into();
        let person = active_member(email.into(), "Test", last_name, Some(hash));
        let id = users::insert(&mut conn, &person, START).await.unwrap();
        for (group, role) in roles {
            memberships::grant(&mut conn, id, *group, *role, None, START)
                .await
                .unwrap();
        }
        drop(conn);
        self.current(id).await
    }

    /// `count` people without a password, all holding `roles` in `group`,
    /// named "Anne nom 00", "Anne NOM 01"… (case mixed, out of order, so
    /// that a listing's sort is seen); their ids, in that name order.
    pub async fn many_members(
        &self,
        group: GroupId,
        count: usize,
        roles: &[GroupRole],
    ) -> Vec<UserId> {
        let people: Vec<users::NewUser> = (0..count)
            .rev()
            .map(|n| {
                let last_name = if n % 2 == 0 {
                    format!("nom {n:02}")
                } else {
                    format!("NOM {n:02}")
                };
                active_member(format!("p{n}@exemple.fr"), "Anne", last_name, None)
            })
            .collect();
        let mut conn = self.conn().await;
        let mut ids = users::insert_many(&mut conn, &people, START).await.unwrap();
        let grants: Vec<_> = ids
            .iter()
            .flat_map(|&id| roles.iter().map(move |&role| (id, group, role)))
            .collect();
        memberships::grant_many(&mut conn, &grants, None, START)
            .await
            .unwrap();
        ids.reverse();
        ids
    }

    pub async fn current(&self, user_id: UserId) -> CurrentUser {
        let mut conn = self.conn().await;
        let user = users::by_id(&mut conn, user_id).await.unwrap().unwrap();
        let roles = memberships::roles_of_user(&mut conn, user_id)
            .await
            .unwrap();
        CurrentUser {
            actor: app::domain::Actor {
                user_id,
                platform_admin: user.platform_admin,
                roles,
            },
            user,
        }
    }

    pub async fn group(
        &self,
        name: &str,
        parent: Option<GroupId>,
        visibility: Visibility,
    ) -> GroupId {
        let mut conn = self.conn().await;
        groups::insert(&mut conn, name, parent, visibility, START)
            .await
            .unwrap()
    }

    /// The roles `user` holds in `group` itself, sorted.
    pub async fn roles_in(&self, user: UserId, group: GroupId) -> Vec<GroupRole> {
        let mut conn = self.conn().await;
        memberships::roles_in_group(&mut conn, user, group)
            .await
            .unwrap()
    }

    /// The token of the link in the newest mail queued for `address`.
    pub async fn latest_link_token(&self, address: &str) -> String {
        let mut conn = self.conn().await;
        let mails = app::server::store::outbox::for_recipient(&mut conn, address)
            .await
            .unwrap();
        token_in(&mails.last().expect("a mail was queued").body_text)
    }

    /// `Acme (private) › Ventes (public) › Paris (public)` and
    /// `Acme › Support (private)`: (acme, ventes, paris, support).
    pub async fn sample_tree(&self) -> (GroupId, GroupId, GroupId, GroupId) {
        let acme = self.group("Acme", None, Visibility::Private).await;
        let ventes = self.group("Ventes", Some(acme), Visibility::Public).await;
        let paris = self.group("Paris", Some(ventes), Visibility::Public).await;
        let support = self.group("Support", Some(acme), Visibility::Private).await;
        (acme, ventes, paris, support)
    }
}

/// A French member, active since `START`.
fn active_member(
    email: String,
    first_name: &str,
    last_name: String,
    password_hash: Option<String>,
) -> users::NewUser {
    users::NewUser {
        email: Some(email),
        login_name: None,
        first_name: first_name.into(),
        last_name,
        password_hash,
        platform_admin: false,
        account_type: AccountType::Member,
        language: Lang::Fr,
        activated_at: Some(START),
        created_by: None,
        extra_info: String::new(),
        deletion_at: None,
    }
}

/// The token of the first link in a mail's text.
pub fn token_in(text: &str) -> String {
    let start = text.find("token=").expect("the mail carries the link") + "token=".len();
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '&')
        .next()
        .unwrap()
        .to_owned()
}

/// `INVITER` with the panel's defaults: French, member, no message, no
/// date, no custom values.
pub fn invite_request(group: GroupId, emails: &str, roles: &[GroupRole]) -> InviteRequest {
    InviteRequest {
        group_id: group,
        emails: emails.into(),
        roles: roles.to_vec(),
        language: Lang::Fr,
        deletion_at: None,
        message: String::new(),
        account_type: AccountType::Member,
        platform_admin: false,
        custom: Default::default(),
    }
}

/// Runs an async test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name(app::server::Backend::Sqlite).await;
                }
                #[tokio::test]
                async fn postgres() {
                    super::$name(app::server::Backend::Postgres).await;
                }
            }
        )*
    };
}

/// The first-login form, for tests where a seat is free: the account opens
/// (a wait for a seat fails the test).
pub async fn accept(
    state: &AppState,
    token: &str,
    input: app::server::services::invitations::AcceptInput,
) -> Result<app::server::services::invitations::Accepted, app::server::AppError> {
    use app::server::services::invitations::{self, AcceptOutcome};
    match invitations::accept(state, token, input).await? {
        AcceptOutcome::Active(accepted) => Ok(*accepted),
        AcceptOutcome::AwaitingSeat => panic!("the invitee waits for a seat"),
    }
}
