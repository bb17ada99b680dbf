//! Benchmark: the Invitations tab at 100,000 pending invitations, on SQLite
//! and on PostgreSQL. Starts the real server on loopback, seeds the tables
//! with batched raw inserts, signs in over HTTP, checks each page once, then
//! loads it with `wrk` and prints requests/s and p50/p95/p99 latencies.
//!
//! cargo run --release -p server --example bench_tab [-- PENDING]
//! PostgreSQL from ONBOARD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
//! Needs `wrk` on the PATH (Debian: apt-get install wrk).

use std::time::{Duration, Instant};

use app::api::invitation_tab::TabFilter;
use app::domain::{AccountType, Actor, GroupId, GroupRole, UserId, Visibility};
use app::i18n::Lang;
use app::server::services::auth::CurrentUser;
use app::server::services::invitation_tab;
use app::server::services::setup::{self, AdminInput};
use app::server::store::{groups, memberships, users};
use app::server::{AppState, Backend, Config};
use sqlx::{Connection, Row};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

type Error = Box<dyn std::error::Error + Send + Sync>;

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;
const ADMIN_EMAIL: &str = "bench@exemple.fr";
const ADMIN_PASSWORD: &str = "bench password long";
const GROUP_ADMIN_EMAIL: &str = "chef.nord@exemple.fr";
const GROUP_ADMIN_PASSWORD: &str = "group admin password";
/// Rows per multi-row `INSERT` into `invitations` (17 columns: 17,000
/// parameters, under PostgreSQL's 65,535 and SQLite's 32,766).
const BATCH: usize = 1_000;
const WRK_ARGS: [&str; 6] = ["-t2", "-c16", "-d10s", "--latency", "--timeout", "30s"];

const FIRST_NAMES: [&str; 40] = [
    "camille", "lea", "manon", "chloe", "emma", "ines", "sarah", "julie", "laura", "marie",
    "lucie", "clara", "alice", "anna", "eva", "louise", "jade", "lina", "zoe", "nina", "lucas",
    "hugo", "louis", "jules", "adam", "nathan", "thomas", "theo", "paul", "arthur", "leo",
    "gabriel", "raphael", "maxime", "antoine", "julien", "nicolas", "pierre", "yanis", "samuel",
];
const LAST_NAMES: [&str; 40] = [
    "martin",
    "bernard",
    "thomas",
    "petit",
    "robert",
    "richard",
    "durand",
    "dubois",
    "moreau",
    "laurent",
    "simon",
    "michel",
    "lefebvre",
    "leroy",
    "roux",
    "david",
    "bertrand",
    "morel",
    "fournier",
    "girard",
    "bonnet",
    "dupont",
    "lambert",
    "fontaine",
    "rousseau",
    "vincent",
    "muller",
    "lefevre",
    "faure",
    "andre",
    "mercier",
    "blanc",
    "guerin",
    "boyer",
    "garnier",
    "chevalier",
    "francois",
    "legrand",
    "gauthier",
    "garcia",
];
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
const REGIONS: [&str; 5] = ["Nord", "Sud", "Est", "Ouest", "Centre"];

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

fn email_of(i: usize) -> String {
    let s = i as u64;
    let first = FIRST_NAMES[pick(s * 7 + 1, FIRST_NAMES.len())];
    let last = LAST_NAMES[pick(s * 7 + 2, LAST_NAMES.len())];
    let domain = if pick(s * 7 + 3, 4) == 0 {
        "exemple.fr"
    } else {
        OTHER_DOMAINS[pick(s * 7 + 4, OTHER_DOMAINS.len())]
    };
    format!("{first}.{last}{i}@{domain}")
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
            let name = format!("onboard_t_benchtab_{}", std::process::id());
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

fn new_user(
    email: &str,
    first: &str,
    last: &str,
    hash: Option<String>,
    now: i64,
) -> users::NewUser {
    users::NewUser {
        email: Some(email.into()),
        login_name: None,
        first_name: first.into(),
        last_name: last.into(),
        password_hash: hash,
        platform_admin: false,
        account_type: AccountType::Member,
        language: Lang::Fr,
        activated_at: Some(now),
        created_by: None,
    }
}

/// The people and groups around the invitations.
struct World {
    admin: CurrentUser,
    group_admin: CurrentUser,
    /// Every group id; `subtree` is the group admin's part of the tree.
    all_groups: Vec<GroupId>,
    subtree: Vec<GroupId>,
    /// The first region (the group admin's) and its id.
    region: GroupId,
    other_inviters: Vec<UserId>,
}

/// Platform admin, 5 regions × 3 sites × 2 teams (50 groups), a group admin
/// of the first region (10 groups), and four more inviters.
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
                let visibility = if t == 1 {
                    Visibility::Public
                } else {
                    Visibility::Private
                };
                let team = groups::insert(
                    &mut conn,
                    &format!("Équipe {name} {s}.{t}"),
                    Some(site),
                    visibility,
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
        &new_user(GROUP_ADMIN_EMAIL, "Chef", "Nord", Some(hash), now),
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
    let mut other_inviters = Vec::new();
    for k in 1..=4 {
        let id = users::insert(
            &mut conn,
            &new_user(
                &format!("inviteur{k}@exemple.fr"),
                "Inviteur",
                &k.to_string(),
                None,
                now,
            ),
            now,
        )
        .await?;
        other_inviters.push(id);
    }
    drop(conn);
    Ok(World {
        admin: current_user(state, admin_id).await?,
        group_admin: current_user(state, group_admin_id).await?,
        all_groups,
        subtree,
        region: region_ids[0],
        other_inviters,
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

/// `($1, $2, …), (…)` for `rows` rows of `cols` columns.
fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
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
async fn seed(state: &AppState, world: &World, pending: usize, now: i64) -> Result<Seeded, Error> {
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
                    world.other_inviters[inviter_roll % world.other_inviters.len()],
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

// -------------------------------------------------------------------- HTTP

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
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

/// One HTTP/1.1 request on its own connection.
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
        body: String::from_utf8_lossy(&body).into_owned(),
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
                response.status, response.body
            )
        })?;
    Ok(session.to_owned())
}

// ------------------------------------------------------------------- load

struct Scenario {
    name: &'static str,
    method: &'static str,
    path: String,
    body: String,
    cookie: String,
    /// The same listing, computed in-process, to check the page against.
    me: CurrentUser,
    filter: TabFilter,
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

fn lua_script(scenario: &Scenario, port: u16) -> String {
    let mut lua = format!("wrk.method = \"{}\"\n", scenario.method);
    if scenario.method == "POST" {
        lua.push_str(&format!(
            "wrk.body = \"{}\"\n\
             wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n\
             wrk.headers[\"Origin\"] = \"http://127.0.0.1:{port}\"\n",
            scenario.body
        ));
    }
    lua.push_str(
        r#"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH_RESULT %.2f %.3f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1000000),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"#,
    );
    lua
}

async fn run_wrk(scenario: &Scenario, port: u16, dir: &std::path::Path) -> Result<Figures, Error> {
    let script = dir.join(format!("{}.lua", scenario.name.replace(' ', "_")));
    std::fs::write(&script, lua_script(scenario, port))?;
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

/// What one scenario gives without load.
struct Unloaded {
    total: i64,
    /// Median in-process time of the service call alone.
    service_ms: f64,
    /// Median time of one HTTP request at a time (connect, query, render).
    single_ms: f64,
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Fetches the scenario once and checks it is the real listing: HTTP 200,
/// the total and the first address the service computes for it; then times
/// it without load.
async fn verify(scenario: &Scenario, state: &AppState, port: u16) -> Result<Unloaded, Error> {
    let expected = invitation_tab::list(state, &scenario.me, &scenario.filter)
        .await
        .map_err(|e| format!("{}: {e:?}", scenario.name))?;
    let mut times = Vec::new();
    for _ in 0..15 {
        let started = Instant::now();
        let _ = invitation_tab::list(state, &scenario.me, &scenario.filter).await;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let service_ms = median(times);
    let mut headers = vec![("Cookie", scenario.cookie.clone())];
    if scenario.method == "POST" {
        headers.push(("Origin", format!("http://127.0.0.1:{port}")));
        headers.push((
            "Content-Type",
            "application/x-www-form-urlencoded".to_owned(),
        ));
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
    let total = expected.total.to_string();
    let ok = response.status == 200
        && response.body.contains(&first)
        && response.body.contains(&total)
        && (scenario.method == "POST" || response.body.contains("<table"));
    if !ok {
        let excerpt: String = response.body.chars().take(600).collect();
        return Err(format!(
            "{}: {} {} answered HTTP {} without the expected listing (total {total}, first {first}): {excerpt}",
            scenario.name, scenario.method, scenario.path, response.status
        )
        .into());
    }
    let mut times = Vec::new();
    for _ in 0..15 {
        let started = Instant::now();
        http(
            port,
            scenario.method,
            &scenario.path,
            &headers,
            &scenario.body,
        )
        .await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(Unloaded {
        total: expected.total,
        service_ms,
        single_ms: median(times),
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
    let inviters = |cond: &str| {
        format!(
            "SELECT u.id, u.first_name, u.last_name, u.email, u.login_name FROM users u \
             WHERE u.id IN (SELECT i.invited_by FROM invitations i {cond})"
        )
    };
    let rows = |cond: &str, first: usize| {
        format!(
            "{TAB_COLUMNS} {cond} {order} LIMIT ${first} OFFSET ${}",
            first + 1
        )
    };
    let queries: Vec<(&str, String, Vec<Val>, bool)> = vec![
        ("count, all pending", count(pending), vec![], true),
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
            "inviters (every listing)",
            "SELECT u.id, u.first_name, u.last_name, u.email, u.login_name FROM users u \
             WHERE u.id IN (SELECT i.invited_by FROM invitations i WHERE i.status = 'pending')"
                .to_owned(),
            vec![],
            true,
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
            "count, scoped (EXISTS, as now)",
            count(&exists),
            ids.clone(),
            true,
        ),
        (
            "rows, scoped (EXISTS, as now)",
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
            "inviters, scoped (as now)",
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
    let dir = tempfile::tempdir()?;
    let (url, pg_name) = database_url(backend, dir.path()).await?;
    let result = measure(backend, pending, url, dir.path()).await;
    if let Some(name) = pg_name {
        drop_postgres_database(&name).await?;
        println!("dropped database {name}");
    }
    result
}

async fn measure(
    backend: Backend,
    pending: usize,
    url: String,
    dir: &std::path::Path,
) -> Result<(), Error> {
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
    let seeded = seed(&state, &world, pending, now).await?;
    let insert_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    match backend {
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
        }
        Backend::Postgres => {
            // VACUUM as well: autovacuum would run after such an insert
            // anyway, and index-only scans need the visibility map.
            sqlx::query("VACUUM ANALYZE")
                .execute(&state.db.pool)
                .await?;
        }
    }
    let analyze_secs = started.elapsed().as_secs_f64();
    println!(
        "seeded {} pending + {} accepted/cancelled invitations (links, grants) in {insert_secs:.2} s \
         ({:.0} invitations/s), then {} in {analyze_secs:.2} s",
        seeded.pending,
        seeded.non_pending,
        (seeded.pending + seeded.non_pending) as f64 / insert_secs,
        if backend == Backend::Sqlite {
            "ANALYZE"
        } else {
            "VACUUM ANALYZE"
        }
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
                         cookie: &String,
                         me: &CurrentUser,
                         filter: TabFilter|
     -> Scenario {
        Scenario {
            name,
            method: "GET",
            path: format!("{base}{query}"),
            body: String::new(),
            cookie: cookie.clone(),
            me: me.clone(),
            filter,
        }
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
            me: world.admin.clone(),
            filter: filter(TabFilter::default()),
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
        "  ({requests} requests in all. Without load: \"1-conn ms\" = median of 15 HTTP requests \
         one at a time; \"service ms\" = median in-process time of services::invitation_tab::list \
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
    check_wrk()?;
    let pending: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    println!(
        "machine: {} CPUs, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        machine_load()
    );
    run(Backend::Sqlite, pending).await?;
    run(Backend::Postgres, pending).await?;
    Ok(())
}
