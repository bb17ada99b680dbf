//! Benchmark: the billing page (`/billing`), a group's page (`/groups/…`,
//! one page of its ~2,400 members) and the audit log (`/journal`)
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

mod common;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use app::contracts::billing::{BillingPage, BillingQuery};
use app::contracts::groups::GroupPage;
use app::contracts::journal::{JournalPage, JournalQuery};
use app::domain::Visibility;
use app::domain::audit::AuditAction;
use app::domain::billing::Month;
use app::server::services::directory::Shared;
use app::server::services::{billing, groups, journal};
use app::server::{AppState, Backend, tz};
use common::{
    ADMIN_EMAIL, ADMIN_PASSWORD, DAY, Error, GROUP_ADMIN_EMAIL, GROUP_ADMIN_PASSWORD, LAST_NAMES,
    MINUTE, Scenario, Val, WRK_ARGS, World, http, insert_rows, machine, machine_load, median_p95,
    mix, pick, run_wrk, sign_in, time_http,
};
use sqlx::Row;

/// The billing events cover the last 14 months (the page shows 12, and
/// the net of everything before); the log the last 12.
const BILLING_SPAN: i64 = 426 * DAY;
const AUDIT_SPAN: i64 = 365 * DAY;
/// The zone the service calls pass as the browser's (the platform's
/// default too, so the pages over HTTP read the same months and days).
const BROWSER_ZONE: &str = "Europe/Paris";
/// Runs of each in-process service call (median and p95).
const SERVICE_RUNS: usize = 30;
/// HTTP requests one at a time per page, before the load.
const HTTP_RUNS: usize = 15;

/// `exemple.fr` takes one address in four.
const OTHER_DOMAINS: [&str; 6] = [
    "gmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "acme-industrie.fr",
    "univ-nantes.fr",
];

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

fn domain_of(seed: u64) -> &'static str {
    common::domain_of(seed, &OTHER_DOMAINS)
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The seeded user number `i`: (first name, last name, e-mail), the last
/// name among the first 20 of `LAST_NAMES`.
fn person_of(i: usize) -> (String, String, String) {
    let (first, last, email) = common::person_of(i, &LAST_NAMES[..20], &OTHER_DOMAINS);
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

// ---------------------------------------------------------------- services

/// One service call of the pages.
#[derive(Clone)]
enum Call {
    Billing(BillingQuery),
    /// The first region's page, one page of its members.
    Group {
        page: i64,
    },
    Journal {
        group_admin: bool,
        query: JournalQuery,
    },
}

enum Outcome {
    Billing(BillingPage),
    Group(Box<GroupPage>),
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
            Outcome::Group(page) => format!(
                "{} members, page {}: {} shown",
                page.members_total,
                page.members_page,
                page.members.len()
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
            Outcome::Group(page) => {
                let mut markers = vec!["data-table".to_owned()];
                markers.extend(page.members.first().and_then(|m| m.email.clone()));
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
        Call::Group { page } => {
            groups::page(state, &world.admin, world.region, *page, &Shared::fresh())
                .await
                .map(|p| Outcome::Group(Box::new(p)))
                .map_err(|e| format!("groups::page: {e:?}").into())
        }
        Call::Journal { group_admin, query } => {
            let me = if *group_admin {
                &world.group_admin
            } else {
                &world.admin
            };
            journal::page(
                state,
                me,
                query.clone(),
                Some(BROWSER_ZONE),
                &Shared::fresh(),
            )
            .await
            .map(Outcome::Journal)
            .map_err(|e| format!("journal::page: {e:?}").into())
        }
    }
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

// ------------------------------------------------------------------- load

/// Fetches the page once and checks it is the real one: HTTP 200 and the
/// markers of the result the service computes; then returns the median
/// time of `HTTP_RUNS` requests one at a time (connect, queries, render).
async fn verify(
    scenario: &Scenario<Call>,
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
    time_http(port, "GET", &scenario.path, &headers, "", HTTP_RUNS).await
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
    common::with_database(backend, "benchpages", async |url, dir| {
        measure(backend, counts, url, dir).await
    })
    .await
}

/// Seeds, measures and prints one backend's table; `Ok(false)` when a
/// scenario failed (the others still ran and are printed).
async fn measure(
    backend: Backend,
    counts: Counts,
    url: String,
    dir: &std::path::Path,
) -> Result<bool, Error> {
    let server = common::start_server(url, dir).await?;
    let port = server.addr.port();
    let state = server.state.clone();
    let now = state.now();
    let world = common::build_world(&state, now, Visibility::Public).await?;

    let started = Instant::now();
    let seeded = seed(&state, &world, counts, now).await?;
    let seed_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let analyzed = common::settle(&state).await?;
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
        ("group page, first 50 members", Call::Group { page: 1 }),
        ("group page, page 20", Call::Group { page: 20 }),
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
        Scenario::get(
            "/billing",
            "/billing".into(),
            &admin_cookie,
            Call::Billing(BillingQuery::default()),
        ),
        Scenario::get(
            "/groups/… (members)",
            format!("/groups/{}", world.region),
            &admin_cookie,
            Call::Group { page: 1 },
        ),
        Scenario::get(
            "/journal",
            "/journal".into(),
            &admin_cookie,
            journal(false, JournalQuery::default()),
        ),
        Scenario::get(
            "/journal?action=…",
            format!("/journal?action={ROLES_CHANGED}"),
            &admin_cookie,
            journal(
                false,
                JournalQuery {
                    action: Some(ROLES_CHANGED.into()),
                    ..JournalQuery::default()
                },
            ),
        ),
        Scenario::get(
            "/journal group admin",
            "/journal".into(),
            &group_admin_cookie,
            journal(true, JournalQuery::default()),
        ),
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
    common::check_wrk()?;
    let counts = parse_args()?;
    for code in SEEDED_ACTIONS {
        AuditAction::decode(code).ok_or_else(|| format!("{code} is no audit action"))?;
    }
    println!("{}", machine());
    let sqlite = run(Backend::Sqlite, counts).await?;
    let postgres = run(Backend::Postgres, counts).await?;
    if !(sqlite && postgres) {
        return Err("some scenarios failed (see the tables above)".into());
    }
    Ok(())
}
