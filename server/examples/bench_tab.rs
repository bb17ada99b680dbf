//! Benchmark: the Invitations tab at 100,000 pending invitations, on SQLite
//! and on PostgreSQL. Starts the real server on loopback, seeds the tables
//! with batched raw inserts, signs in over HTTP, checks each page once, then
//! loads it with `wrk` and prints requests/s and p50/p95/p99 latencies.
//!
//! cargo run --release -p server --example bench_tab [-- PENDING [sqlite|postgres]]
//! PostgreSQL from ONBOARD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
//! Needs `wrk` on the PATH (Debian: apt-get install wrk).

mod common;

use std::time::{Duration, Instant};

use app::api::invitation_tab::TabFilter;
use app::domain::{GroupId, UserId, Visibility};
use app::i18n::{Lang, Msg};
use app::server::services::auth::CurrentUser;
use app::server::services::directory::Shared;
use app::server::services::invitation_tab;
use app::server::store::users;
use app::server::{AppState, Backend};
use common::{
    ADMIN_EMAIL, ADMIN_PASSWORD, DAY, Error, GROUP_ADMIN_EMAIL, GROUP_ADMIN_PASSWORD, LAST_NAMES,
    MINUTE, Scenario, Val, WRK_ARGS, World, bind_all, form_headers, http, machine, machine_load,
    median, mix, pick, placeholders, run_wrk, sign_in, time_http, urlencode,
};
use sqlx::Row;

/// Rows per multi-row `INSERT` into `invitations` (17 columns: 17,000
/// parameters, under PostgreSQL's 65,535 and SQLite's 32,766).
const BATCH: usize = 1_000;

/// `exemple.fr` takes one address in four (the "many rows" search).
const OTHER_DOMAINS: [&str; 11] = [
    "gmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "outlook.fr",
    "yahoo.fr",
    "sfr.fr",
    "acme-industrie.fr",
    "mairie-lyon.fr",
    "univ-nantes.fr",
    "proton.me",
];

fn email_of(i: usize) -> String {
    common::person_of(i, &LAST_NAMES, &OTHER_DOMAINS).2
}

/// Four more inviters beside the two admins.
async fn other_inviters(state: &AppState, now: i64) -> Result<Vec<UserId>, Error> {
    let mut conn = state.db.pool.acquire().await?;
    let mut ids = Vec::new();
    for k in 1..=4 {
        let id = users::insert(
            &mut conn,
            &common::new_user(
                &format!("inviteur{k}@exemple.fr"),
                "Inviteur",
                &k.to_string(),
                None,
                now,
            ),
            now,
        )
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

struct Seeded {
    pending: usize,
    non_pending: usize,
    /// A pending address, for the narrow search.
    narrow_email: String,
}

/// `pending` pending invitations plus one in six more accepted or cancelled,
/// each with one link and one or two grants; no outbox rows (the delivery
/// state is written on the invitation directly, so the mail worker has
/// nothing to do), reminders already sent for the old ones (the reminder
/// job has nothing to do either).
async fn seed(
    state: &AppState,
    world: &World,
    other_inviters: &[UserId],
    pending: usize,
    now: i64,
) -> Result<Seeded, Error> {
    let total = pending + pending / 5;
    // One row in six is accepted or cancelled.
    let is_pending = |i: usize| i % 6 != 5;
    let narrow_index = if total > 12_345 { 12_345 } else { 0 };
    let mut non_pending = 0;
    let mut tx = state.db.pool.begin().await?;
    let mut pending_seen = 0;
    let mut narrow_email = String::new();
    let columns = "email, status, invited_by, language, account_type, platform_admin, message, \
                   deletion_at, created_at, last_sent_at, send_count, reminder_sent_at, expires_at, \
                   accepted_at, cancelled_at, delivery_status, delivery_error";
    let cols = columns.split(',').count();
    for start in (0..total).step_by(BATCH) {
        let end = total.min(start + BATCH);
        let mut values = Vec::with_capacity((end - start) * cols);
        let mut group_of = std::collections::HashMap::new();
        for i in start..end {
            let s = i as u64 * 31;
            let email = email_of(i);
            // Skewed towards recent sends: about 29% older than 30 days.
            let u = (mix(s) % 1_000_000) as f64 / 1_000_000.0;
            let last_sent_at = now - MINUTE - (u * u * 60.0 * DAY as f64) as i64;
            let send_count = match pick(s + 1, 20) {
                0 => 3,
                1..=3 => 2,
                _ => 1,
            };
            let created_at = last_sent_at - (send_count - 1) * 2 * DAY;
            let reminder_sent_at =
                (last_sent_at <= now - 2 * DAY).then_some(last_sent_at + 2 * DAY);
            let (delivery, error) = match pick(s + 2, 100) {
                0..=84 => ("sent", None),
                85..=94 => ("queued", None),
                _ => (
                    "failed",
                    Some("550 5.1.1 <recipient>: mailbox unavailable".to_owned()),
                ),
            };
            let inviter_roll = pick(s + 3, 100);
            let (invited_by, pool): (UserId, &[GroupId]) = match inviter_roll {
                0..=59 => (world.admin.user.id, &world.all_groups),
                60..=74 => (world.group_admin.user.id, &world.subtree),
                _ => (
                    other_inviters[inviter_roll % other_inviters.len()],
                    &world.all_groups,
                ),
            };
            let first = pool[pick(s + 4, pool.len())];
            let mut grants = vec![(
                first,
                if pick(s + 5, 10) == 0 {
                    "trainer"
                } else {
                    "learner"
                },
            )];
            if pick(s + 6, 10) < 3 {
                let second =
                    pool[(pool.iter().position(|g| *g == first).unwrap_or(0) + 1) % pool.len()];
                if second != first {
                    grants.push((second, "learner"));
                }
            }
            group_of.insert(email.clone(), grants);
            let pending_row = is_pending(i);
            if pending_row {
                pending_seen += 1;
                if i == narrow_index {
                    narrow_email.clone_from(&email);
                }
            } else {
                non_pending += 1;
            }
            let (status, accepted_at, cancelled_at) = if pending_row {
                ("pending", None, None)
            } else if pick(s + 7, 10) < 7 {
                ("accepted", Some((last_sent_at + DAY).min(now)), None)
            } else {
                ("cancelled", None, Some((last_sent_at + DAY).min(now)))
            };
            let opt = |v: Option<i64>| v.map_or(Val::NullInt, Val::Int);
            values.extend([
                Val::Text(email),
                Val::Text(status.into()),
                Val::Int(invited_by.into()),
                Val::Text(if pick(s + 8, 5) == 0 { "en" } else { "fr" }.into()),
                Val::Text(
                    if pick(s + 9, 10) == 0 {
                        "guest"
                    } else {
                        "member"
                    }
                    .into(),
                ),
                Val::Int(0),
                Val::Text(String::new()),
                opt((pick(s + 10, 20) == 0).then_some(now + 90 * DAY)),
                Val::Int(created_at),
                Val::Int(last_sent_at),
                Val::Int(send_count),
                opt(reminder_sent_at),
                Val::Int(last_sent_at + 30 * DAY),
                opt(accepted_at),
                opt(cancelled_at),
                Val::Text(delivery.into()),
                error.map_or(Val::NullText, Val::Text),
            ]);
        }
        let sql = format!(
            "INSERT INTO invitations ({columns}) VALUES {} RETURNING id, email",
            placeholders(end - start, cols)
        );
        let rows = bind_all(sql, values).fetch_all(&mut *tx).await?;
        let mut links = Vec::new();
        let mut grants = Vec::new();
        for row in rows {
            let id: i64 = row.try_get("id")?;
            let email: String = row.try_get("email")?;
            links.extend([
                Val::Text(format!("benchlink{id:012}")),
                Val::Int(id),
                Val::Int(now - DAY),
            ]);
            for (group, role) in group_of.remove(&email).ok_or("returned an unknown email")? {
                grants.extend([Val::Int(id), Val::Int(group.into()), Val::Text(role.into())]);
            }
        }
        let sql = format!(
            "INSERT INTO invitation_links (token_hash, invitation_id, created_at) VALUES {}",
            placeholders(links.len() / 3, 3)
        );
        bind_all(sql, links).execute(&mut *tx).await?;
        let sql = format!(
            "INSERT INTO invitation_grants (invitation_id, group_id, role) VALUES {}",
            placeholders(grants.len() / 3, 3)
        );
        bind_all(sql, grants).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(Seeded {
        pending: pending_seen,
        non_pending,
        narrow_email,
    })
}

// ------------------------------------------------------------------- load

/// What a page of the tab must list: the service's answer for this person
/// and filter.
struct Listing {
    me: CurrentUser,
    filter: TabFilter,
}

/// Requests timed one at a time per scenario (after as many untimed): the
/// median of enough of them that a noisy neighbour on a shared machine
/// moves it little.
const SINGLE_RUNS: usize = 41;

/// What one scenario gives without load.
struct Unloaded {
    total: i64,
    /// Median in-process time of the service call alone.
    service_ms: f64,
    /// Median time of one HTTP request at a time (connect, query, render).
    single_ms: f64,
}

/// Fetches the scenario once and checks it is the real listing: HTTP 200,
/// the total and the first address the service computes for it; then times
/// it without load.
async fn verify(
    scenario: &Scenario<Listing>,
    state: &AppState,
    port: u16,
) -> Result<Unloaded, Error> {
    let Listing { me, filter } = &scenario.expected;
    let expected = invitation_tab::list(state, me, filter, &Shared::fresh())
        .await
        .map_err(|e| format!("{}: {e:?}", scenario.name))?;
    let mut times = Vec::new();
    for _ in 0..15 {
        let started = Instant::now();
        let _ = invitation_tab::list(state, me, filter, &Shared::fresh()).await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let service_ms = median(times);
    let mut headers = vec![("Cookie", scenario.cookie.clone())];
    if scenario.method == "POST" {
        headers.extend(form_headers(port));
    }
    let response = http(
        port,
        scenario.method,
        &scenario.path,
        &headers,
        &scenario.body,
    )
    .await?;
    let first = expected
        .rows
        .first()
        .map(|r| r.email.clone())
        .ok_or_else(|| format!("{}: the listing is empty", scenario.name))?;
    // As the tab writes it: past the cap, "plus de 1 000" (grouped); the
    // JSON listing gives the number.
    let total = if expected.capped && scenario.method != "POST" {
        Lang::Fr.fmt(Msg::MoreThan, &[("count", expected.total.into())])
    } else {
        expected.total.to_string()
    };
    let body = response.text();
    let ok = response.status == 200
        && body.contains(&first)
        && body.contains(&total)
        && (scenario.method == "POST" || body.contains("<table"));
    if !ok {
        let excerpt: String = body.chars().take(600).collect();
        return Err(format!(
            "{}: {} {} answered HTTP {} without the expected listing (total {total}, first {first}): {excerpt}",
            scenario.name, scenario.method, scenario.path, response.status
        )
        .into());
    }
    // Two passes, the second one timed: warm first, as an admin's second
    // look at the tab finds the server (each pooled connection prepares a
    // statement the first time it runs it, and the pool hands out its idle
    // connections in turn).
    let mut single_ms = 0.0;
    for _ in 0..2 {
        single_ms = time_http(
            port,
            scenario.method,
            &scenario.path,
            &headers,
            &scenario.body,
            SINGLE_RUNS,
        )
        .await?;
    }
    Ok(Unloaded {
        total: expected.total,
        service_ms,
        single_ms,
    })
}

// ------------------------------------------------------------------ plans

const TAB_COLUMNS: &str = "SELECT i.id, i.email, i.invited_by, i.created_at, i.last_sent_at, \
    i.send_count, i.reminder_sent_at, i.expires_at, i.deletion_at, i.delivery_status, \
    i.delivery_error FROM invitations i";

/// The plan of `sql` as the backend runs it (EXPLAIN QUERY PLAN on SQLite,
/// EXPLAIN ANALYZE on PostgreSQL).
async fn print_plan(state: &AppState, sql: &str, args: Vec<Val>) -> Result<(), Error> {
    let mut conn = state.db.pool.acquire().await?;
    let (prefix, column) = match state.db.backend {
        Backend::Sqlite => ("EXPLAIN QUERY PLAN", 3),
        Backend::Postgres => ("EXPLAIN ANALYZE", 0),
    };
    let rows = bind_all(format!("{prefix} {sql}"), args)
        .fetch_all(&mut *conn)
        .await?;
    for row in rows {
        let line: String = row.try_get(column)?;
        println!("     | {line}");
    }
    Ok(())
}

/// Median time of `sql` over 20 runs on one pooled connection (prepared
/// statements cached, as in the app).
async fn time_sql(state: &AppState, sql: &str, args: &[Val]) -> Result<(f64, usize), Error> {
    let mut conn = state.db.pool.acquire().await?;
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..20 {
        let started = Instant::now();
        rows = bind_all(sql.to_owned(), args.to_vec())
            .fetch_all(&mut *conn)
            .await?
            .len();
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok((median(times), rows))
}

/// The SQL the tab's store runs for the scenarios (same text as
/// `store::invitation_tab`, rebuilt here), timed one by one, with the plans
/// of the costly ones; plus the proposed rewrite of the scope condition.
async fn query_report(
    state: &AppState,
    world: &World,
    now: i64,
    narrow: &str,
) -> Result<(), Error> {
    let pending = "WHERE i.status = 'pending'";
    let order = "ORDER BY i.last_sent_at DESC, i.id DESC";
    let like = |term: &str| Val::Text(app::server::store::invitation_tab::like_substring(term));
    let search = format!("{pending} AND i.email LIKE $1 ESCAPE '\\'");
    let n = world.subtree.len();
    let list: Vec<String> = (1..=n).map(|k| format!("${k}")).collect();
    let list = list.join(", ");
    let exists = format!(
        "{pending} AND EXISTS (SELECT 1 FROM invitation_grants sg \
         WHERE sg.invitation_id = i.id AND sg.group_id IN ({list}))"
    );
    // As the tab probes the scope inside the inviters' EXISTS: fenced with
    // `OFFSET 0` on PostgreSQL (`Walk::Probe`), as `exists` on SQLite.
    let probe = match state.db.backend {
        Backend::Sqlite => exists.clone(),
        Backend::Postgres => format!(
            "{pending} AND EXISTS (SELECT 1 FROM invitation_grants sg \
             WHERE sg.invitation_id = i.id AND sg.group_id IN ({list}) OFFSET 0)"
        ),
    };
    let within = format!(
        "{pending} AND i.id IN (SELECT sg.invitation_id FROM invitation_grants sg \
         WHERE sg.group_id IN ({list}))"
    );
    let ids: Vec<Val> = world.subtree.iter().map(|g| Val::Int(g.0)).collect();
    let with_page = |mut args: Vec<Val>, offset: i64| {
        args.extend([Val::Int(50), Val::Int(offset)]);
        args
    };
    let count = |cond: &str| format!("SELECT COUNT(*) FROM invitations i {cond}");
    // As the tab counts: no further than the cap.
    let capped = |cond: &str| {
        format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM invitations i {cond} LIMIT {}) AS matching",
            app::contracts::invitation_tab::COUNT_CAP + 1
        )
    };
    let inviters = |cond: &str| {
        format!(
            "SELECT u.id, u.first_name, u.last_name, u.email, u.login_name FROM users u \
             WHERE u.id IN (SELECT i.invited_by FROM invitations i {cond})"
        )
    };
    // As the tab finds them: a skip through the inviter index, then one
    // probe per inviter (`cond` without its WHERE).
    let skipping = |cond: &str| {
        format!(
            "WITH RECURSIVE inviter(id) AS ( \
                 SELECT MIN(invited_by) FROM invitations \
                 UNION ALL \
                 SELECT (SELECT MIN(n.invited_by) FROM invitations n WHERE n.invited_by > inviter.id) \
                 FROM inviter WHERE inviter.id IS NOT NULL) \
             SELECT u.id, u.first_name, u.last_name, u.email, u.login_name \
             FROM inviter JOIN users u ON u.id = inviter.id \
             WHERE EXISTS (SELECT 1 FROM invitations i WHERE i.invited_by = u.id AND {})",
            cond.trim_start_matches("WHERE ")
        )
    };
    let rows = |cond: &str, first: usize| {
        format!(
            "{TAB_COLUMNS} {cond} {order} LIMIT ${first} OFFSET ${}",
            first + 1
        )
    };
    let queries: Vec<(&str, String, Vec<Val>, bool)> = vec![
        (
            "count, all pending (uncapped)",
            count(pending),
            vec![],
            false,
        ),
        ("count, all pending (capped)", capped(pending), vec![], true),
        ("inviters (skipping)", skipping(pending), vec![], true),
        (
            "count, scoped (capped, from grants)",
            format!(
                "SELECT COUNT(*) FROM (SELECT DISTINCT i.id FROM invitation_grants sg \
                 CROSS JOIN invitations i WHERE sg.group_id IN ({list}) \
                 AND i.id = sg.invitation_id AND i.status = 'pending' LIMIT {}) AS matching",
                app::contracts::invitation_tab::COUNT_CAP + 1
            ),
            ids.clone(),
            true,
        ),
        (
            "count, scoped (capped, EXISTS, before)",
            capped(&exists),
            ids.clone(),
            false,
        ),
        (
            "inviters, scoped (skipping, probe)",
            skipping(&probe),
            ids.clone(),
            true,
        ),
        (
            "inviters, scoped (skipping, before)",
            skipping(&exists),
            ids.clone(),
            false,
        ),
        (
            "rows, default page",
            rows(pending, 1),
            with_page(vec![], 0),
            true,
        ),
        (
            "rows, page 100",
            rows(pending, 1),
            with_page(vec![], 4950),
            false,
        ),
        (
            "inviters (before: every one read)",
            inviters(pending),
            vec![],
            false,
        ),
        (
            "count, search 1 row",
            count(&search),
            vec![like(narrow)],
            true,
        ),
        (
            "rows, search 1 row",
            rows(&search, 2),
            with_page(vec![like(narrow)], 0),
            true,
        ),
        (
            "count, search many",
            count(&search),
            vec![like("exemple.fr")],
            false,
        ),
        (
            "rows, search many",
            rows(&search, 2),
            with_page(vec![like("exemple.fr")], 0),
            false,
        ),
        (
            "count, expired",
            count(&format!("{pending} AND i.expires_at <= $1")),
            vec![Val::Int(now)],
            false,
        ),
        (
            "rows, expired",
            rows(&format!("{pending} AND i.expires_at <= $1"), 2),
            with_page(vec![Val::Int(now)], 0),
            true,
        ),
        (
            "count, failed",
            count(&format!("{pending} AND i.delivery_status = $1")),
            vec![Val::Text("failed".into())],
            false,
        ),
        (
            "rows, failed",
            rows(&format!("{pending} AND i.delivery_status = $1"), 2),
            with_page(vec![Val::Text("failed".into())], 0),
            false,
        ),
        (
            "count, scoped (uncapped, before)",
            count(&exists),
            ids.clone(),
            false,
        ),
        (
            "rows, scoped (EXISTS)",
            rows(&exists, n + 1),
            with_page(ids.clone(), 0),
            true,
        ),
        (
            "count, scoped (id IN, proposed)",
            count(&within),
            ids.clone(),
            true,
        ),
        (
            "inviters, scoped (before)",
            inviters(&exists),
            ids.clone(),
            false,
        ),
        (
            "inviters, scoped (proposed)",
            inviters(&within),
            ids.clone(),
            false,
        ),
        (
            "rows, scoped (id IN, compared)",
            rows(&within, n + 1),
            with_page(ids, 0),
            false,
        ),
    ];
    println!("  {:<34} {:>9} {:>6}", "query", "median ms", "rows");
    let mut plans = Vec::new();
    for (title, sql, args, plan) in queries {
        let (ms, rows) = time_sql(state, &sql, &args).await?;
        println!("  {title:<34} {ms:>9.2} {rows:>6}");
        if plan {
            plans.push((title, sql, args));
        }
    }
    println!("\n  plans:");
    for (title, sql, args) in plans {
        println!("  -- {title}\n     {sql}");
        print_plan(state, &sql, args).await?;
    }
    Ok(())
}

// -------------------------------------------------------------------- run

async fn run(backend: Backend, pending: usize) -> Result<(), Error> {
    println!("\n===== {backend:?}: Invitations tab at {pending} pending invitations =====");
    common::with_database(backend, "benchtab", async |url, dir| {
        measure(backend, pending, url, dir).await
    })
    .await
}

async fn measure(
    backend: Backend,
    pending: usize,
    url: String,
    dir: &std::path::Path,
) -> Result<(), Error> {
    let server = common::start_server(url, dir).await?;
    let port = server.addr.port();
    let state = server.state.clone();
    let now = state.now();
    let world = common::build_world(&state, now, Visibility::Private).await?;
    let other_inviters = other_inviters(&state, now).await?;

    let started = Instant::now();
    let seeded = seed(&state, &world, &other_inviters, pending, now).await?;
    let insert_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let analyzed = common::settle(&state).await?;
    let analyze_secs = started.elapsed().as_secs_f64();
    println!(
        "seeded {} pending + {} accepted/cancelled invitations (links, grants) in {insert_secs:.2} s \
         ({:.0} invitations/s), then {analyzed} in {analyze_secs:.2} s",
        seeded.pending,
        seeded.non_pending,
        (seeded.pending + seeded.non_pending) as f64 / insert_secs,
    );

    let migrations: Vec<String> =
        sqlx::query_scalar("SELECT description FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&state.db.pool)
            .await?;
    println!("schema migrations: {}", migrations.join(", "));

    let admin_cookie = sign_in(port, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
    let group_admin_cookie = sign_in(port, GROUP_ADMIN_EMAIL, GROUP_ADMIN_PASSWORD).await?;
    let narrow = seeded
        .narrow_email
        .split('@')
        .next()
        .unwrap_or_default()
        .to_owned();
    let base = format!("/groups/{}/users/invitations", world.region);
    // Page 100 (rows 4,951–5,000), or the last page of a smaller table.
    let deep = (seeded.pending as i64 / 50).clamp(1, 100);
    let filter = |f: TabFilter| TabFilter { page: 1, ..f };
    let page_scenario = |name: &'static str,
                         query: &str,
                         cookie: &str,
                         me: &CurrentUser,
                         filter: TabFilter|
     -> Scenario<Listing> {
        Scenario::get(
            name,
            format!("{base}{query}"),
            cookie,
            Listing {
                me: me.clone(),
                filter,
            },
        )
    };
    let scenarios = vec![
        page_scenario(
            "a default page",
            "",
            &admin_cookie,
            &world.admin,
            filter(TabFilter::default()),
        ),
        page_scenario(
            "b page 100",
            &format!("?page={deep}"),
            &admin_cookie,
            &world.admin,
            TabFilter {
                page: deep,
                ..TabFilter::default()
            },
        ),
        page_scenario(
            "c search, 1 row",
            &format!("?q={}", urlencode(&narrow)),
            &admin_cookie,
            &world.admin,
            filter(TabFilter {
                search: narrow.clone(),
                ..TabFilter::default()
            }),
        ),
        page_scenario(
            "d search, many",
            "?q=exemple.fr",
            &admin_cookie,
            &world.admin,
            filter(TabFilter {
                search: "exemple.fr".into(),
                ..TabFilter::default()
            }),
        ),
        page_scenario(
            "e status expired",
            "?status=expired",
            &admin_cookie,
            &world.admin,
            filter(TabFilter {
                status: "expired".into(),
                ..TabFilter::default()
            }),
        ),
        page_scenario(
            "f delivery failed",
            "?delivery=failed",
            &admin_cookie,
            &world.admin,
            filter(TabFilter {
                delivery: "failed".into(),
                ..TabFilter::default()
            }),
        ),
        page_scenario(
            "g group admin",
            "",
            &group_admin_cookie,
            &world.group_admin,
            filter(TabFilter::default()),
        ),
        Scenario {
            name: "h POST list (JSON)",
            method: "POST",
            path: "/api/invitations/list".into(),
            body: "input[search]=&input[status]=&input[delivery]=&input[group]=&input[inviter]=\
                   &input[sort]=&input[page]=1"
                .into(),
            cookie: admin_cookie.clone(),
            expected: Listing {
                me: world.admin.clone(),
                filter: filter(TabFilter::default()),
            },
        },
    ];

    let mut checked = Vec::new();
    for scenario in &scenarios {
        checked.push(verify(scenario, &state, port).await?);
    }
    println!(
        "all {} scenarios answer HTTP 200 with the expected listing",
        scenarios.len()
    );

    let mut results = Vec::new();
    for scenario in &scenarios {
        let load = machine_load();
        println!("  wrk {:<20} ({load})", scenario.name);
        results.push(run_wrk(scenario, port, dir).await?);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    println!(
        "\n{backend:?} — {} pending invitations, wrk {}",
        seeded.pending,
        WRK_ARGS.join(" ")
    );
    println!(
        "  {:<20} {:>8} {:>8} {:>8} {:>8} {:>8} {:>6} {:>9} {:>10}",
        "scenario",
        "matching",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "1-conn ms",
        "service ms"
    );
    for ((scenario, figures), unloaded) in scenarios.iter().zip(&results).zip(&checked) {
        println!(
            "  {:<20} {:>8} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>6} {:>9.1} {:>10.1}",
            scenario.name,
            unloaded.total,
            figures.rps,
            figures.p50,
            figures.p95,
            figures.p99,
            figures.errors,
            unloaded.single_ms,
            unloaded.service_ms
        );
    }
    let requests: u64 = results.iter().map(|f| f.requests).sum();
    println!(
        "  ({requests} requests in all. Without load: \"1-conn ms\" = median of {SINGLE_RUNS} HTTP \
         requests one at a time, after as many untimed; \"service ms\" = median in-process time of services::invitation_tab::list \
         alone, no HTTP, no rendering)"
    );
    println!("  after the runs: {}", machine_load());

    println!("\n{backend:?} — the tab's queries in-process (median of 20 runs):");
    query_report(&state, &world, state.now(), &narrow).await?;

    server.task.abort();
    state.db.pool.close().await;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    common::check_wrk()?;
    let pending: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    println!("{}", machine());
    for backend in common::chosen_backends() {
        run(backend, pending).await?;
    }
    Ok(())
}
