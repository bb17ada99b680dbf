//! Benchmark: the billing page (`/billing`) and the audit log (`/journal`)
//! at 1,000,000 audit entries and 100,000 billing events, on SQLite and on
//! PostgreSQL. Starts the real server on loopback, seeds the tables with
//! batched raw inserts, times the services one call at a time, signs in
//! over HTTP, checks each page once, loads it with `wrk` (requests/s and
//! p50/p95/p99), and times one download of each export.
//!
//! cargo run --release -p server --example bench_pages [-- --audit N --billing N]
//! Defaults: --audit 1000000 --billing 100000 (and --users 100000); smaller
//! counts make a quick smoke test, e.g. `-- --audit 20000 --billing 5000`.
//! PostgreSQL from ONBOARD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
//! Needs `wrk` on the PATH (Debian: apt-get install wrk).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use app::contracts::billing::{BillingPage, BillingQuery};
use app::contracts::journal::{JournalPage, JournalQuery};
use app::domain::audit::AuditAction;
use app::domain::billing::Month;
use app::domain::{AccountType, Actor, GroupId, GroupRole, UserId, Visibility};
use app::i18n::Lang;
use app::server::services::auth::CurrentUser;
use app::server::services::setup::{self, AdminInput};
use app::server::services::{billing, journal};
use app::server::store::{groups, memberships, users};
use app::server::{AppState, Backend, Config, tz};
use sqlx::{Connection, Row};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

type Error = Box<dyn std::error::Error + Send + Sync>;

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;
/// The billing events cover the last 14 months (the page shows 12, and
/// the net of everything before); the log the last 12.
const BILLING_SPAN: i64 = 426 * DAY;
const AUDIT_SPAN: i64 = 365 * DAY;
const ADMIN_EMAIL: &str = "bench@exemple.fr";
const ADMIN_PASSWORD: &str = "bench password long";
const GROUP_ADMIN_EMAIL: &str = "chef.nord@exemple.fr";
const GROUP_ADMIN_PASSWORD: &str = "group admin password";
/// The zone the service calls pass as the browser's (the platform's
/// default too, so the pages over HTTP read the same months and days).
const BROWSER_ZONE: &str = "Europe/Paris";
/// Parameters per multi-row `INSERT`: under SQLite's 32,766 and
/// PostgreSQL's 65,535, whatever the table's width.
const PARAMS_PER_INSERT: usize = 16_000;
/// Runs of each in-process service call (median and p95).
const SERVICE_RUNS: usize = 30;
/// HTTP requests one at a time per page, before the load.
const HTTP_RUNS: usize = 15;
const WRK_ARGS: [&str; 6] = ["-t2", "-c16", "-d10s", "--latency", "--timeout", "30s"];

const FIRST_NAMES: [&str; 40] = [
    "camille", "lea", "manon", "chloe", "emma", "ines", "sarah", "julie", "laura", "marie",
    "lucie", "clara", "alice", "anna", "eva", "louise", "jade", "lina", "zoe", "nina", "lucas",
    "hugo", "louis", "jules", "adam", "nathan", "thomas", "theo", "paul", "arthur", "leo",
    "gabriel", "raphael", "maxime", "antoine", "julien", "nicolas", "pierre", "yanis", "samuel",
];
const LAST_NAMES: [&str; 20] = [
    "martin", "bernard", "thomas", "petit", "robert", "richard", "durand", "dubois", "moreau",
    "laurent", "simon", "michel", "lefebvre", "leroy", "roux", "david", "bertrand", "morel",
    "fournier", "girard",
];
/// `exemple.fr` takes one address in four.
const OTHER_DOMAINS: [&str; 6] = [
    "gmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "acme-industrie.fr",
    "univ-nantes.fr",
];
const REGIONS: [&str; 5] = ["Nord", "Sud", "Est", "Ouest", "Centre"];

/// The details the app writes for an invitation or a new account; the other
/// entries get `{}`.
const ROLES_DETAILS: &str =
    r#"{"roles":["learner"],"account_type":"member","platform_admin":false}"#;
const ROLES_CHANGED: &str = "member.roles_changed";
const INVITATION_CREATED: &str = "invitation.created";
/// Every code the seed writes; checked against `AuditAction` before
/// seeding, so the log holds only codes the page knows.
const SEEDED_ACTIONS: [&str; 9] = [
    INVITATION_CREATED,
    "invitation.accepted",
    "invitation.resent",
    "invitation.cancelled",
    "invitation.expired",
    ROLES_CHANGED,
    "account.created",
    "account.updated",
    "account.password_set",
];

/// A deterministic pseudo-random number per seed (splitmix64).
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick(seed: u64, n: usize) -> usize {
    (mix(seed) % n as u64) as usize
}

fn domain_of(seed: u64) -> &'static str {
    if pick(seed, 4) == 0 {
        "exemple.fr"
    } else {
        OTHER_DOMAINS[pick(seed + 1, OTHER_DOMAINS.len())]
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The seeded user number `i`: (first name, last name, e-mail).
fn person_of(i: usize) -> (String, String, String) {
    let s = i as u64;
    let first = FIRST_NAMES[pick(s * 7 + 1, FIRST_NAMES.len())];
    let last = LAST_NAMES[pick(s * 7 + 2, LAST_NAMES.len())];
    let email = format!("{first}.{last}{i}@{}", domain_of(s * 7 + 3));
    (capitalized(first), capitalized(last), email)
}

// ----------------------------------------------------------------- options

#[derive(Clone, Copy)]
struct Counts {
    audit: usize,
    billing: usize,
    users: usize,
}

fn parse_args() -> Result<Counts, Error> {
    let mut counts = Counts {
        audit: 1_000_000,
        billing: 100_000,
        users: 100_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let slot = match flag.as_str() {
            "--audit" => &mut counts.audit,
            "--billing" => &mut counts.billing,
            "--users" => &mut counts.users,
            _ => {
                return Err(format!(
                    "unknown argument {flag}; usage: bench_pages [--audit N] [--billing N] [--users N]"
                )
                .into());
            }
        };
        *slot = args
            .next()
            .and_then(|n| n.replace(['_', ','], "").parse().ok())
            .ok_or_else(|| format!("{flag} needs a number"))?;
    }
    if counts.users == 0 {
        return Err("--users must be at least 1".into());
    }
    Ok(counts)
}

// ---------------------------------------------------------------- database

async fn database_url(
    backend: Backend,
    dir: &std::path::Path,
) -> Result<(String, Option<String>), Error> {
    Ok(match backend {
        Backend::Sqlite => (Config::default_database_url(dir), None),
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let mut admin = sqlx::postgres::PgConnection::connect(&admin_url).await?;
            let name = format!("onboard_t_benchpages_{}", std::process::id());
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name}"
            )))
            .execute(&mut admin)
            .await?;
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await?;
            let mut url = url::Url::parse(&admin_url)?;
            url.set_path(&name);
            (url.to_string(), Some(name))
        }
    })
}

fn postgres_admin_url() -> String {
    std::env::var("ONBOARD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

async fn drop_postgres_database(name: &str) -> Result<(), Error> {
    let mut admin = sqlx::postgres::PgConnection::connect(&postgres_admin_url()).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await?;
    Ok(())
}

async fn current_user(state: &AppState, id: UserId) -> Result<CurrentUser, Error> {
    let mut conn = state.db.pool.acquire().await?;
    let user = users::by_id(&mut conn, id).await?.ok_or("user")?;
    let roles = memberships::roles_of_user(&mut conn, id).await?;
    Ok(CurrentUser {
        actor: Actor {
            user_id: id,
            platform_admin: user.platform_admin,
            roles,
        },
        user,
    })
}

/// The people and groups around the seeded rows.
struct World {
    admin: CurrentUser,
    group_admin: CurrentUser,
    /// Every group id; `subtree` is the group admin's part of the tree.
    all_groups: Vec<GroupId>,
    subtree: Vec<GroupId>,
}

/// Platform admin, 5 regions × 3 sites × 2 teams (50 groups), and a group
/// admin of the first region, "Nord" (10 groups).
async fn build_world(state: &AppState, now: i64) -> Result<World, Error> {
    let admin_id = setup::create_admin(
        state,
        AdminInput {
            email: ADMIN_EMAIL.into(),
            first_name: "Bench".into(),
            last_name: "Admin".into(),
            password: ADMIN_PASSWORD.into(),
            password_confirm: ADMIN_PASSWORD.into(),
            language: Lang::Fr,
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    let mut conn = state.db.pool.acquire().await?;
    let mut all_groups = Vec::new();
    let mut subtree = Vec::new();
    let mut region_ids = Vec::new();
    for (r, name) in REGIONS.iter().enumerate() {
        let region = groups::insert(&mut conn, name, None, Visibility::Private, now).await?;
        region_ids.push(region);
        let mut ids = vec![region];
        for s in 1..=3 {
            let site = groups::insert(
                &mut conn,
                &format!("Site {name} {s}"),
                Some(region),
                Visibility::Public,
                now,
            )
            .await?;
            ids.push(site);
            for t in 1..=2 {
                let team = groups::insert(
                    &mut conn,
                    &format!("Équipe {name} {s}.{t}"),
                    Some(site),
                    Visibility::Public,
                    now,
                )
                .await?;
                ids.push(team);
            }
        }
        if r == 0 {
            subtree.clone_from(&ids);
        }
        all_groups.extend(ids);
    }
    let hash = app::server::auth::password::hash(GROUP_ADMIN_PASSWORD.into())
        .await
        .map_err(|e| e.to_string())?;
    let group_admin_id = users::insert(
        &mut conn,
        &users::NewUser {
            email: Some(GROUP_ADMIN_EMAIL.into()),
            login_name: None,
            first_name: "Chef".into(),
            last_name: "Nord".into(),
            password_hash: Some(hash),
            platform_admin: false,
            account_type: AccountType::Member,
            language: Lang::Fr,
            activated_at: Some(now),
            created_by: None,
        },
        now,
    )
    .await?;
    memberships::grant(
        &mut conn,
        group_admin_id,
        region_ids[0],
        GroupRole::GroupAdmin,
        Some(admin_id),
        now,
    )
    .await?;
    drop(conn);
    Ok(World {
        admin: current_user(state, admin_id).await?,
        group_admin: current_user(state, group_admin_id).await?,
        all_groups,
        subtree,
    })
}

#[derive(Clone)]
enum Val {
    Int(i64),
    Text(String),
    NullInt,
    NullText,
}

fn bind_all(
    sql: String,
    values: Vec<Val>,
) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for v in values {
        query = match v {
            Val::Int(v) => query.bind(v),
            Val::Text(v) => query.bind(v),
            Val::NullInt => query.bind(None::<i64>),
            Val::NullText => query.bind(None::<String>),
        };
    }
    query
}

/// `($1, $2, …), (…)` for `rows` rows of `cols` columns (numbered
/// placeholders: both backends read them; `?` would break PostgreSQL).
fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inserts `total` rows into `table`, `row(i, out)` pushing row `i`'s
/// values, in multi-row statements built and sent one batch at a time (a
/// million rows are never held at once). Rows go in in the order of `i`,
/// so ids follow it.
async fn insert_rows(
    conn: &mut sqlx::AnyConnection,
    table: &str,
    columns: &str,
    total: usize,
    mut row: impl FnMut(usize, &mut Vec<Val>),
) -> Result<(), Error> {
    let cols = columns.split(',').count();
    let per_insert = PARAMS_PER_INSERT / cols;
    for start in (0..total).step_by(per_insert) {
        let end = total.min(start + per_insert);
        let mut values = Vec::with_capacity((end - start) * cols);
        for i in start..end {
            row(i, &mut values);
        }
        debug_assert_eq!(values.len(), (end - start) * cols);
        let sql = format!(
            "INSERT INTO {table} ({columns}) VALUES {}",
            placeholders(end - start, cols)
        );
        bind_all(sql, values).execute(&mut *conn).await?;
    }
    Ok(())
}

// -------------------------------------------------------------------- seed

/// One billing event to write.
struct Event {
    at: i64,
    /// Index of the seeded user, or `None` for an account since deleted.
    user: Option<usize>,
    ghost: i64,
    change: i64,
    reason: &'static str,
}

/// The billing history: `billing` events over the last 14 months, each
/// account's alternating +1, -1, +1 (a stop only after a start). Most
/// accounts start once and stay; some turn guest (-1) and a few back; 4%
/// of the events are accounts that started and were deleted (ids that no
/// longer exist, as the log keeps them). Accounts past the budget have no
/// event. Sorted by time: the app takes a larger id for a later event.
fn plan_billing(users: usize, billing: usize, now: i64) -> Vec<Event> {
    let window_start = now - BILLING_SPAN;
    let span = (BILLING_SPAN - MINUTE) as u64;
    let ghost_pairs = billing * 2 / 100;
    let mut counts = vec![0usize; users];
    let mut left = billing - 2 * ghost_pairs;
    for (i, count) in counts.iter_mut().enumerate() {
        if left == 0 {
            break;
        }
        let k = match pick(i as u64 * 11 + 1, 100) {
            0..=89 => 1,
            90..=97 => 2,
            _ => 3,
        };
        *count = k.min(left);
        left -= *count;
    }
    // More events than the accounts take in one pass: round after round,
    // one more change each.
    let mut i = 0;
    while left > 0 {
        counts[i % users] += 1;
        left -= 1;
        i += 1;
    }
    let mut events = Vec::with_capacity(billing);
    let times = |seed: u64, k: usize| {
        let mut at: Vec<i64> = (0..k as u64)
            .map(|n| window_start + (mix(seed * 131 + n) % span) as i64)
            .collect();
        at.sort_unstable();
        for n in 1..at.len() {
            at[n] = at[n].max(at[n - 1] + 1);
        }
        at
    };
    for (u, &k) in counts.iter().enumerate() {
        for (n, at) in times(u as u64, k).into_iter().enumerate() {
            let start = n % 2 == 0;
            let reason = match (n, start) {
                (0, _) if pick(u as u64 * 11 + 2, 4) == 0 => "created",
                (0, _) => "invitation_accepted",
                (_, true) => "converted_to_member",
                (_, false) => "converted_to_guest",
            };
            events.push(Event {
                at,
                user: Some(u),
                ghost: 0,
                change: if start { 1 } else { -1 },
                reason,
            });
        }
    }
    for g in 0..ghost_pairs {
        let at = times(1_000_000_007 + g as u64, 2);
        for (n, at) in at.into_iter().enumerate() {
            events.push(Event {
                at,
                user: None,
                ghost: 1_000_000_000 + g as i64,
                change: if n == 0 { 1 } else { -1 },
                reason: if n == 0 {
                    "invitation_accepted"
                } else {
                    "deleted"
                },
            });
        }
    }
    events.sort_by_key(|e| (e.at, e.user, e.ghost));
    events
}

struct Seeded {
    users: usize,
    billing_events: usize,
    audit_entries: usize,
    /// A person the log names, for the `person` filter.
    person_email: String,
    users_secs: f64,
    billing_secs: f64,
    audit_secs: f64,
}

/// Users with their memberships, the billing events, then the audit log;
/// one transaction per table.
async fn seed(state: &AppState, world: &World, counts: Counts, now: i64) -> Result<Seeded, Error> {
    let admin = world.admin.user.id.0;
    let group_admin = world.group_admin.user.id.0;
    let groups = &world.all_groups;

    // Users: activated at their first billing event (members), guests when
    // their last event stopped billing.
    let started = Instant::now();
    let events = plan_billing(counts.users, counts.billing, now);
    let mut first_event = vec![None::<i64>; counts.users];
    let mut last_change = vec![0i64; counts.users];
    for e in &events {
        if let Some(u) = e.user {
            first_event[u].get_or_insert(e.at);
            last_change[u] = e.change;
        }
    }
    let oldest = now - BILLING_SPAN;
    let activated = |u: usize| {
        first_event[u]
            .unwrap_or_else(|| oldest - (mix(u as u64 * 11 + 3) % (300 * DAY) as u64) as i64)
    };
    // Each user learns in one group, one in five in a second one too.
    let primary: Vec<usize> = (0..counts.users)
        .map(|u| pick(u as u64 * 13 + 5, groups.len()))
        .collect();
    let mut tx = state.db.pool.begin().await?;
    insert_rows(
        &mut tx,
        "users",
        "email, first_name, last_name, platform_admin, account_type, language, activated_at, \
         created_at, updated_at",
        counts.users,
        |u, out| {
            let (first, last, email) = person_of(u);
            let at = activated(u);
            out.extend([
                Val::Text(email),
                Val::Text(first),
                Val::Text(last),
                Val::Int(0),
                Val::Text(
                    if last_change[u] < 0 {
                        "guest"
                    } else {
                        "member"
                    }
                    .into(),
                ),
                Val::Text(
                    if pick(u as u64 * 13 + 6, 5) == 0 {
                        "en"
                    } else {
                        "fr"
                    }
                    .into(),
                ),
                Val::Int(at),
                Val::Int(at - MINUTE),
                Val::Int(at),
            ]);
        },
    )
    .await?;
    // The ids the database gave, by address.
    let by_email: HashMap<String, i64> = sqlx::query("SELECT id, email FROM users")
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some((
                r.try_get::<Option<String>, _>("email").ok()??,
                r.try_get("id").ok()?,
            ))
        })
        .collect();
    let ids: Vec<i64> = (0..counts.users)
        .map(|u| {
            by_email
                .get(&person_of(u).2)
                .copied()
                .ok_or("a seeded user has no id")
        })
        .collect::<Result<_, _>>()?;
    let mut grants = Vec::new();
    for u in 0..counts.users {
        grants.push((u, groups[primary[u]]));
        if pick(u as u64 * 13 + 7, 5) == 0 && groups.len() > 1 {
            grants.push((u, groups[(primary[u] + 1) % groups.len()]));
        }
    }
    insert_rows(
        &mut tx,
        "memberships",
        "user_id, group_id, role, granted_by, created_at",
        grants.len(),
        |n, out| {
            let (u, group) = grants[n];
            out.extend([
                Val::Int(ids[u]),
                Val::Int(group.0),
                Val::Text("learner".into()),
                Val::Int(admin),
                Val::Int(activated(u)),
            ]);
        },
    )
    .await?;
    tx.commit().await?;
    let users_secs = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut tx = state.db.pool.begin().await?;
    insert_rows(
        &mut tx,
        "billing_events",
        "user_id, at, change, reason",
        events.len(),
        |n, out| {
            let e = &events[n];
            out.extend([
                Val::Int(e.user.map_or(e.ghost, |u| ids[u])),
                Val::Int(e.at),
                Val::Int(e.change),
                Val::Text(e.reason.into()),
            ]);
        },
    )
    .await?;
    tx.commit().await?;
    let billing_secs = started.elapsed().as_secs_f64();

    // The log: one entry every 12 months / N, in increasing time (and id),
    // with a mix of actions close to what the app writes.
    let started = Instant::now();
    let in_subtree: Vec<usize> = (0..groups.len())
        .filter(|g| world.subtree.contains(&groups[*g]))
        .collect();
    let subtree_users: Vec<usize> = (0..counts.users)
        .filter(|u| in_subtree.contains(&primary[*u]))
        .collect();
    let audit_start = now - AUDIT_SPAN;
    let step = ((AUDIT_SPAN - MINUTE) / counts.audit.max(1) as i64).max(1);
    let middle = counts.audit / 2;
    let mut person_email = None;
    let mut tx = state.db.pool.begin().await?;
    insert_rows(
        &mut tx,
        "audit_log",
        "at, actor_user_id, action, target_user_id, target_email, group_id, details",
        counts.audit,
        |j, out| {
            let s = j as u64 * 17;
            let at = audit_start + j as i64 * step + (mix(s) % step as u64) as i64;
            // One entry in five is the group admin's, about their part of
            // the tree; the rest is the platform admin's, anywhere.
            let by_group_admin = pick(s + 1, 5) == 0 && !subtree_users.is_empty();
            let u = if by_group_admin {
                subtree_users[pick(s + 2, subtree_users.len())]
            } else {
                pick(s + 2, counts.users)
            };
            let actor = if by_group_admin { group_admin } else { admin };
            let group = groups[primary[u]];
            let user_email = || person_of(u).2;
            // An invitee who has no account (yet): an address only.
            let invitee = || format!("invite{j}@{}", domain_of(s + 3));
            let roll = pick(s + 4, 100);
            let action = match roll {
                0..=29 => INVITATION_CREATED,
                30..=41 => "invitation.accepted",
                42..=51 => "invitation.resent",
                52..=56 => "invitation.cancelled",
                57..=71 => ROLES_CHANGED,
                72..=81 => "account.created",
                82..=89 => "account.updated",
                90..=94 => "invitation.expired",
                _ => "account.password_set",
            };
            // (actor, target user, target address, group, details)
            let (actor, target, email, group, details) = match action {
                INVITATION_CREATED | "invitation.resent" | "invitation.cancelled" => {
                    let email = if pick(s + 5, 2) == 0 {
                        user_email()
                    } else {
                        invitee()
                    };
                    let details = if action == INVITATION_CREATED {
                        ROLES_DETAILS
                    } else {
                        "{}"
                    };
                    (Some(actor), None, Some(email), Some(group), details)
                }
                "invitation.accepted" => (
                    Some(ids[u]),
                    Some(ids[u]),
                    Some(user_email()),
                    Some(group),
                    ROLES_DETAILS,
                ),
                "invitation.expired" => (None, None, Some(invitee()), Some(group), "{}"),
                ROLES_CHANGED => (Some(actor), Some(ids[u]), None, Some(group), "{}"),
                // Account-level entries: no group, seen by a group admin
                // through the person's memberships.
                "account.created" => (
                    Some(admin),
                    Some(ids[u]),
                    Some(user_email()),
                    None,
                    ROLES_DETAILS,
                ),
                "account.updated" => (Some(actor), Some(ids[u]), None, None, "{}"),
                _ => (Some(ids[u]), Some(ids[u]), None, None, "{}"),
            };
            if j >= middle && target.is_some() && person_email.is_none() {
                person_email = Some(user_email());
            }
            let int = |v: Option<i64>| v.map_or(Val::NullInt, Val::Int);
            out.extend([
                Val::Int(at),
                int(actor),
                Val::Text(action.into()),
                int(target),
                email.map_or(Val::NullText, Val::Text),
                int(group.map(|g| g.0)),
                Val::Text(details.into()),
            ]);
        },
    )
    .await?;
    tx.commit().await?;
    let audit_secs = started.elapsed().as_secs_f64();
    Ok(Seeded {
        users: counts.users,
        billing_events: events.len(),
        audit_entries: counts.audit,
        person_email: person_email.unwrap_or_else(|| person_of(0).2),
        users_secs,
        billing_secs,
        audit_secs,
    })
}

/// Statistics for the planner, as a live database would have them.
async fn analyze(state: &AppState) -> Result<&'static str, Error> {
    Ok(match state.db.backend {
        Backend::Sqlite => {
            // A connection reads sqlite_stat1 when it opens or when it runs
            // ANALYZE itself, not when another one does: run it on every
            // connection of the pool, so that all plan with the statistics.
            let mut held = Vec::new();
            for _ in 0..state.db.pool.options().get_max_connections() {
                let mut conn = state.db.pool.acquire().await?;
                sqlx::query("ANALYZE").execute(&mut *conn).await?;
                held.push(conn);
            }
            "ANALYZE"
        }
        Backend::Postgres => {
            // VACUUM as well: autovacuum would run after such an insert
            // anyway, and the counts' index-only scans need the visibility
            // map.
            sqlx::query("VACUUM ANALYZE")
                .execute(&state.db.pool)
                .await?;
            "VACUUM ANALYZE"
        }
    })
}

// ---------------------------------------------------------------- services

/// One service call of the pages.
#[derive(Clone)]
enum Call {
    Billing(BillingQuery),
    Journal {
        group_admin: bool,
        query: JournalQuery,
    },
}

enum Outcome {
    Billing(BillingPage),
    Journal(JournalPage),
}

impl Outcome {
    fn summary(&self) -> String {
        match self {
            Outcome::Billing(page) => format!(
                "{}: {} billable, {} listed; {} now",
                page.month.code(),
                page.billable,
                page.people.len(),
                page.seats.used
            ),
            Outcome::Journal(page) => format!(
                "{}{} matching, {} shown{}",
                page.total,
                if page.capped { "+" } else { "" },
                page.entries.len(),
                if page.older.is_some() { ", more" } else { "" }
            ),
        }
    }

    /// What the page over HTTP must contain to be this result: its table
    /// and, when there is one, the first row (an address on the billing
    /// list, an instant in the log).
    fn markers(&self) -> Vec<String> {
        match self {
            Outcome::Billing(page) => {
                let mut markers = vec!["billing-history".to_owned()];
                markers.extend(page.people.first().and_then(|p| p.email.clone()));
                markers
            }
            Outcome::Journal(page) => match page.entries.first() {
                Some(first) => vec![
                    "data-table journal".to_owned(),
                    format!("datetime=\"{}\"", first.at.ms),
                ],
                None => vec!["journal-filters".to_owned()],
            },
        }
    }
}

async fn call(state: &AppState, world: &World, call: &Call) -> Result<Outcome, Error> {
    match call {
        Call::Billing(query) => billing::page(state, &world.admin, query.clone())
            .await
            .map(Outcome::Billing)
            .map_err(|e| format!("billing::page: {e:?}").into()),
        Call::Journal { group_admin, query } => {
            let me = if *group_admin {
                &world.group_admin
            } else {
                &world.admin
            };
            journal::page(state, me, query.clone(), Some(BROWSER_ZONE))
                .await
                .map(Outcome::Journal)
                .map_err(|e| format!("journal::page: {e:?}").into())
        }
    }
}

/// (median, p95) of the times, in ms.
fn median_p95(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let p95 = ((times.len() as f64 * 0.95).ceil() as usize).clamp(1, times.len()) - 1;
    (times[times.len() / 2], times[p95])
}

struct Timed {
    name: &'static str,
    /// (median ms, p95 ms, summary), or why the call failed.
    result: Result<(f64, f64, String), String>,
}

/// The call once (its result, as a check), then `SERVICE_RUNS` timed runs.
async fn time_call(state: &AppState, world: &World, name: &'static str, c: &Call) -> Timed {
    let result = async {
        let summary = call(state, world, c).await?.summary();
        let mut times = Vec::with_capacity(SERVICE_RUNS);
        for _ in 0..SERVICE_RUNS {
            let started = Instant::now();
            call(state, world, c).await?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        let (median, p95) = median_p95(times);
        Ok::<_, Error>((median, p95, summary))
    }
    .await;
    Timed {
        name,
        result: result.map_err(|e| e.to_string()),
    }
}

fn days_in_month(month: Month) -> u8 {
    match month.month {
        4 | 6 | 9 | 11 => 30,
        2 if (month.year % 4 == 0 && month.year % 100 != 0) || month.year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn months_back(mut month: Month, n: usize) -> Month {
    for _ in 0..n {
        month = month.prev();
    }
    month
}

// -------------------------------------------------------------------- HTTP

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&raw[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            break;
        };
        raw = &raw[eol + 2..];
        if size == 0 || raw.len() < size {
            break;
        }
        out.extend_from_slice(&raw[..size]);
        raw = raw.get(size + 2..).unwrap_or_default();
    }
    out
}

/// One HTTP/1.1 request on its own connection; the whole answer is read
/// (so a download's time is its full transfer).
async fn http(
    port: u16,
    method: &str,
    path: &str,
    extra_headers: &[(&str, String)],
    body: &str,
) -> Result<Response, Error> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in extra_headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no end of headers in the response")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("bad status line")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let rest = &raw[split + 4..];
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Ok(Response {
        status,
        headers,
        body,
    })
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Signs in and returns the `Cookie` header value for the session.
async fn sign_in(port: u16, identifier: &str, password: &str) -> Result<String, Error> {
    let body = format!(
        "input[identifier]={}&input[password]={}",
        urlencode(identifier),
        urlencode(password)
    );
    let response = http(
        port,
        "POST",
        "/api/auth/login",
        &[
            ("Origin", format!("http://127.0.0.1:{port}")),
            (
                "Content-Type",
                "application/x-www-form-urlencoded".to_owned(),
            ),
        ],
        &body,
    )
    .await?;
    let prefix = format!("{}=", app::server::auth::cookie::SESSION_COOKIE);
    let session = response
        .headers
        .iter()
        .filter(|(k, _)| k == "set-cookie")
        .filter_map(|(_, v)| v.split(';').next())
        .find(|c| c.starts_with(&prefix) && c.len() > prefix.len())
        .ok_or_else(|| {
            format!(
                "sign-in of {identifier} set no session cookie (HTTP {}): {}",
                response.status,
                response.text()
            )
        })?;
    Ok(session.to_owned())
}

// ------------------------------------------------------------------- load

/// One page under load.
struct Scenario {
    name: &'static str,
    path: String,
    cookie: String,
    /// The same page computed in-process, to check the HTML against.
    expected: Call,
}

#[derive(Default, Clone, Copy)]
struct Figures {
    rps: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    requests: u64,
    errors: u64,
}

/// The load average and what else keeps the CPUs busy right now (a half
/// second `top` sample, CPU summed per command, this process and wrk left
/// out; the PostgreSQL server is listed).
fn machine_load() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let top = std::process::Command::new("top")
        .args(["-bn2", "-d0.5", "-o", "%CPU", "-w", "200"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    // The second sample: the first one averages over each process's life.
    let sample = top.rsplit("\ntop - ").next().unwrap_or_default();
    let own_pid = std::process::id().to_string();
    let mut busy: Vec<(String, f64)> = Vec::new();
    for line in sample
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("PID"))
        .skip(1)
    {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(pid), Some(cpu), Some(command)) = (fields.first(), fields.get(8), fields.get(11))
        else {
            continue;
        };
        let Ok(cpu) = cpu.replace(',', ".").parse::<f64>() else {
            continue;
        };
        if *pid == own_pid || matches!(*command, "top" | "wrk") {
            continue;
        }
        match busy.iter_mut().find(|(c, _)| c == command) {
            Some((_, total)) => *total += cpu,
            None => busy.push(((*command).to_owned(), cpu)),
        }
    }
    busy.retain(|(_, cpu)| *cpu >= 10.0);
    busy.sort_by(|a, b| b.1.total_cmp(&a.1));
    let busy: Vec<String> = busy
        .iter()
        .map(|(command, cpu)| format!("{command} {cpu:.0}%"))
        .collect();
    format!(
        "load average {} | other busy processes: {}",
        load.join(" "),
        if busy.is_empty() {
            "none".to_owned()
        } else {
            busy.join(", ")
        }
    )
}

/// GET with the cookie from the command line; prints one parseable line.
const LUA_SCRIPT: &str = r#"
wrk.method = "GET"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH_RESULT %.2f %.3f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1000000),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"#;

async fn run_wrk(scenario: &Scenario, port: u16, dir: &std::path::Path) -> Result<Figures, Error> {
    let script = dir.join("bench_pages.lua");
    std::fs::write(&script, LUA_SCRIPT)?;
    let url = format!("http://127.0.0.1:{port}{}", scenario.path);
    let cookie = format!("Cookie: {}", scenario.cookie);
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("wrk")
            .args(WRK_ARGS)
            .arg("-s")
            .arg(&script)
            .arg("-H")
            .arg(cookie)
            .arg(url)
            .output()
    })
    .await??;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("BENCH_RESULT "))
        .ok_or_else(|| {
            format!(
                "wrk printed no result: {stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            )
        })?;
    let f: Vec<f64> = line
        .split_whitespace()
        .map(|v| v.parse().unwrap_or(f64::NAN))
        .collect();
    Ok(Figures {
        rps: f[0],
        p50: f[1],
        p95: f[2],
        p99: f[3],
        requests: f[4] as u64,
        errors: f[5] as u64,
    })
}

fn check_wrk() -> Result<(), Error> {
    match std::process::Command::new("wrk").arg("--version").output() {
        Ok(_) => Ok(()),
        Err(e) => Err(format!(
            "the load generator `wrk` is required on the PATH ({e}); install it, e.g. `sudo apt-get install -y wrk`"
        )
        .into()),
    }
}

/// Fetches the page once and checks it is the real one: HTTP 200 and the
/// markers of the result the service computes; then returns the median
/// time of `HTTP_RUNS` requests one at a time (connect, queries, render).
async fn verify(
    scenario: &Scenario,
    state: &AppState,
    world: &World,
    port: u16,
) -> Result<f64, Error> {
    let expected = call(state, world, &scenario.expected).await?;
    let headers = [("Cookie", scenario.cookie.clone())];
    let response = http(port, "GET", &scenario.path, &headers, "").await?;
    let body = response.text();
    let missing: Vec<String> = expected
        .markers()
        .into_iter()
        .filter(|m| !body.contains(m.as_str()))
        .collect();
    if response.status != 200 || !missing.is_empty() {
        let excerpt: String = body
            .find("<main")
            .map_or(body.as_str(), |at| &body[at..])
            .chars()
            .take(600)
            .collect();
        return Err(format!(
            "GET {} answered HTTP {} without {missing:?}: {excerpt}",
            scenario.path, response.status
        )
        .into());
    }
    let mut times = Vec::with_capacity(HTTP_RUNS);
    for _ in 0..HTTP_RUNS {
        let started = Instant::now();
        http(port, "GET", &scenario.path, &headers, "").await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(median_p95(times).0)
}

/// One download, timed to its last byte, with what it checked.
struct Download {
    path: String,
    result: Result<(usize, f64, String), String>,
}

async fn download(
    state: &AppState,
    port: u16,
    cookie: &str,
    path: &str,
    csv_action: Option<&str>,
) -> Download {
    let result = async {
        let started = Instant::now();
        let response = http(port, "GET", path, &[("Cookie", cookie.to_owned())], "").await?;
        let secs = started.elapsed().as_secs_f64();
        if response.status != 200 {
            let excerpt: String = response.text().chars().take(300).collect();
            return Err(format!("HTTP {}: {excerpt}", response.status).into());
        }
        let check = match csv_action {
            // Every entry of the action, one line each, under a header.
            Some(action) => {
                let expected: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
                        .bind(action)
                        .fetch_one(&state.db.pool)
                        .await?;
                let lines = response.body.windows(2).filter(|w| w == b"\r\n").count() as i64;
                if lines - 1 != expected {
                    return Err(format!("{} rows, expected {expected}", lines - 1).into());
                }
                format!("{expected} rows, {}", response.header("content-type"))
            }
            None => {
                if !response.body.starts_with(b"PK") {
                    return Err("not an XLSX (zip) file".into());
                }
                "a zip file (XLSX)".to_owned()
            }
        };
        Ok::<_, Error>((response.body.len(), secs, check))
    };
    Download {
        path: path.to_owned(),
        result: result.await.map_err(|e| e.to_string()),
    }
}

// -------------------------------------------------------------------- run

async fn run(backend: Backend, counts: Counts) -> Result<bool, Error> {
    println!(
        "\n===== {backend:?}: {} audit entries, {} billing events, {} users =====",
        counts.audit, counts.billing, counts.users
    );
    let dir = tempfile::tempdir()?;
    let (url, pg_name) = database_url(backend, dir.path()).await?;
    let result = measure(backend, counts, url, dir.path()).await;
    if let Some(name) = pg_name {
        drop_postgres_database(&name).await?;
        println!("dropped database {name}");
    }
    result
}

/// Seeds, measures and prints one backend's table; `Ok(false)` when a
/// scenario failed (the others still ran and are printed).
async fn measure(
    backend: Backend,
    counts: Counts,
    url: String,
    dir: &std::path::Path,
) -> Result<bool, Error> {
    let mut config = Config::for_tests(url, dir.join("data"));
    config.smtp_url = None;
    let server = server::startup::start(
        config,
        server::startup::leptos_options(),
        server::startup::server_clock(),
    )
    .await?;
    let port = server.addr.port();
    let state = server.state.clone();
    let now = state.now();
    let world = build_world(&state, now).await?;

    let started = Instant::now();
    let seeded = seed(&state, &world, counts, now).await?;
    let seed_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let analyzed = analyze(&state).await?;
    let analyze_secs = started.elapsed().as_secs_f64();
    println!(
        "seeded in {seed_secs:.1} s, then {analyzed} in {analyze_secs:.1} s; {}",
        machine_load()
    );

    // The months and days the calls ask for, in the platform's zone.
    let zone = tz::zone(BROWSER_ZONE).ok_or("no Europe/Paris in the zone database")?;
    let current = tz::month_of(&zone, now);
    let half_year = months_back(current, 6).code();
    let range = months_back(current, 3);
    let journal = |group_admin: bool, query: JournalQuery| Call::Journal { group_admin, query };
    let cases: Vec<(&'static str, Call)> = vec![
        (
            "billing, this month",
            Call::Billing(BillingQuery::default()),
        ),
        (
            "billing, 6 months ago",
            Call::Billing(BillingQuery {
                month: Some(half_year.clone()),
            }),
        ),
        (
            "journal, first page",
            journal(false, JournalQuery::default()),
        ),
        (
            "journal, action filter",
            journal(
                false,
                JournalQuery {
                    action: Some(ROLES_CHANGED.into()),
                    ..JournalQuery::default()
                },
            ),
        ),
        (
            "journal, person filter",
            journal(
                false,
                JournalQuery {
                    person: Some(seeded.person_email.clone()),
                    ..JournalQuery::default()
                },
            ),
        ),
        (
            "journal, one month",
            journal(
                false,
                JournalQuery {
                    from: Some(format!("{}-01", range.code())),
                    to: Some(format!("{}-{:02}", range.code(), days_in_month(range))),
                    ..JournalQuery::default()
                },
            ),
        ),
        (
            "journal, group admin",
            journal(true, JournalQuery::default()),
        ),
    ];
    let mut timed = Vec::new();
    for (name, c) in &cases {
        timed.push(time_call(&state, &world, name, c).await);
    }

    let admin_cookie = sign_in(port, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
    let group_admin_cookie = sign_in(port, GROUP_ADMIN_EMAIL, GROUP_ADMIN_PASSWORD).await?;
    let scenarios = vec![
        Scenario {
            name: "/billing",
            path: "/billing".into(),
            cookie: admin_cookie.clone(),
            expected: Call::Billing(BillingQuery::default()),
        },
        Scenario {
            name: "/journal",
            path: "/journal".into(),
            cookie: admin_cookie.clone(),
            expected: journal(false, JournalQuery::default()),
        },
        Scenario {
            name: "/journal?action=…",
            path: format!("/journal?action={ROLES_CHANGED}"),
            cookie: admin_cookie.clone(),
            expected: journal(
                false,
                JournalQuery {
                    action: Some(ROLES_CHANGED.into()),
                    ..JournalQuery::default()
                },
            ),
        },
        Scenario {
            name: "/journal group admin",
            path: "/journal".into(),
            cookie: group_admin_cookie,
            expected: journal(true, JournalQuery::default()),
        },
    ];
    let mut loaded = Vec::new();
    for scenario in &scenarios {
        let result = match verify(scenario, &state, &world, port).await {
            Ok(single_ms) => {
                println!("  wrk {:<22} ({})", scenario.name, machine_load());
                let figures = run_wrk(scenario, port, dir).await;
                tokio::time::sleep(Duration::from_millis(500)).await;
                figures.map(|f| (f, single_ms))
            }
            Err(e) => Err(e),
        };
        loaded.push(result.map_err(|e| e.to_string()));
    }

    let downloads = vec![
        download(
            &state,
            port,
            &admin_cookie,
            &format!("/journal/export.csv?action={INVITATION_CREATED}"),
            Some(INVITATION_CREATED),
        )
        .await,
        download(&state, port, &admin_cookie, "/billing/export.xlsx", None).await,
    ];

    // ------------------------------------------------------------ table
    let mut all_ok = true;
    println!(
        "\n{backend:?} — {} audit entries, {} billing events, {} users",
        seeded.audit_entries, seeded.billing_events, seeded.users
    );
    println!(
        "  seeding {seed_secs:.1} s (users + memberships {:.1} s, billing events {:.1} s, \
         audit log {:.1} s = {:.0} entries/s), {analyzed} {analyze_secs:.1} s",
        seeded.users_secs,
        seeded.billing_secs,
        seeded.audit_secs,
        seeded.audit_entries as f64 / seeded.audit_secs.max(1e-9)
    );
    println!(
        "\n  {:<30} {:>9} {:>8}  result   (in-process, {SERVICE_RUNS} runs)",
        "service call", "median ms", "p95 ms"
    );
    for t in &timed {
        match &t.result {
            Ok((median, p95, summary)) => {
                println!("  {:<30} {median:>9.2} {p95:>8.2}  {summary}", t.name);
            }
            Err(e) => {
                all_ok = false;
                println!("  {:<30} {:>9} {:>8}  {e}", t.name, "error", "");
            }
        }
    }
    println!(
        "\n  {:<30} {:>8} {:>8} {:>8} {:>8} {:>6} {:>9}   (wrk {})",
        "page",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "1-conn ms",
        WRK_ARGS.join(" ")
    );
    for (scenario, result) in scenarios.iter().zip(&loaded) {
        match result {
            Ok((f, single_ms)) => println!(
                "  {:<30} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>6} {single_ms:>9.1}",
                scenario.name, f.rps, f.p50, f.p95, f.p99, f.errors
            ),
            Err(e) => {
                all_ok = false;
                println!("  {:<30} {:>8}  {e}", scenario.name, "error");
            }
        }
    }
    let requests: u64 = loaded
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|(f, _)| f.requests)
        .sum();
    println!(
        "  ({requests} requests in all; \"1-conn ms\" = median of {HTTP_RUNS} requests one at a \
         time, before the load)"
    );
    println!(
        "\n  {:<46} {:>11} {:>8}  check",
        "download (one request)", "bytes", "s"
    );
    for d in &downloads {
        match &d.result {
            Ok((bytes, secs, check)) => {
                println!("  {:<46} {bytes:>11} {secs:>8.2}  {check}", d.path);
            }
            Err(e) => {
                all_ok = false;
                println!("  {:<46} {:>11} {:>8}  {e}", d.path, "error", "");
            }
        }
    }
    println!("  after the runs: {}", machine_load());

    server.task.abort();
    state.db.pool.close().await;
    Ok(all_ok)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    check_wrk()?;
    let counts = parse_args()?;
    for code in SEEDED_ACTIONS {
        AuditAction::decode(code).ok_or_else(|| format!("{code} is no audit action"))?;
    }
    println!(
        "machine: {} CPUs, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        machine_load()
    );
    let sqlite = run(Backend::Sqlite, counts).await?;
    let postgres = run(Backend::Postgres, counts).await?;
    if !(sqlite && postgres) {
        return Err("some scenarios failed (see the tables above)".into());
    }
    Ok(())
}
