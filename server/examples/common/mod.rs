//! The benchmarks' shared harness: a fresh database on SQLite or
//! PostgreSQL, the seeded admins and groups, batched raw inserts, a raw
//! HTTP/1.1 client with sign-in, and the `wrk` load runs with their figures.

// Each example compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::time::Instant;

use app::domain::{AccountType, Actor, GroupId, GroupRole, UserId, Visibility};
use app::i18n::Lang;
use app::server::services::auth::CurrentUser;
use app::server::services::setup::{self, AdminInput};
use app::server::store::{groups, memberships, users};
use app::server::{AppState, Backend, Config};
use sqlx::Connection;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub type Error = Box<dyn std::error::Error + Send + Sync>;

pub const MINUTE: i64 = 60_000;
pub const DAY: i64 = 24 * 60 * MINUTE;
pub const ADMIN_EMAIL: &str = "bench@exemple.fr";
pub const ADMIN_PASSWORD: &str = "bench password long";
pub const GROUP_ADMIN_EMAIL: &str = "chef.nord@exemple.fr";
pub const GROUP_ADMIN_PASSWORD: &str = "group admin password";
/// Parameters per multi-row `INSERT` in [`insert_rows`]: under SQLite's
/// 32,766 and PostgreSQL's 65,535, whatever the table's width.
pub const PARAMS_PER_INSERT: usize = 16_000;
pub const WRK_ARGS: [&str; 6] = ["-t2", "-c16", "-d10s", "--latency", "--timeout", "30s"];

pub const FIRST_NAMES: [&str; 40] = [
    "camille", "lea", "manon", "chloe", "emma", "ines", "sarah", "julie", "laura", "marie",
    "lucie", "clara", "alice", "anna", "eva", "louise", "jade", "lina", "zoe", "nina", "lucas",
    "hugo", "louis", "jules", "adam", "nathan", "thomas", "theo", "paul", "arthur", "leo",
    "gabriel", "raphael", "maxime", "antoine", "julien", "nicolas", "pierre", "yanis", "samuel",
];
pub const LAST_NAMES: [&str; 40] = [
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
pub const REGIONS: [&str; 5] = ["Nord", "Sud", "Est", "Ouest", "Centre"];

// ----------------------------------------------------------------- people

/// A deterministic pseudo-random number per seed (splitmix64).
pub fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub fn pick(seed: u64, n: usize) -> usize {
    (mix(seed) % n as u64) as usize
}

/// `exemple.fr` one time in four, else one of `others` (seeds `seed` and
/// `seed + 1`).
pub fn domain_of(seed: u64, others: &[&'static str]) -> &'static str {
    if pick(seed, 4) == 0 {
        "exemple.fr"
    } else {
        others[pick(seed + 1, others.len())]
    }
}

/// The seeded person number `i`: (first name, last name, e-mail
/// `first.lastI@domain`), the names lower case, the last one among
/// `last_names`, the domain from [`domain_of`] over `other_domains`.
pub fn person_of(
    i: usize,
    last_names: &[&'static str],
    other_domains: &[&'static str],
) -> (&'static str, &'static str, String) {
    let s = i as u64;
    let first = FIRST_NAMES[pick(s * 7 + 1, FIRST_NAMES.len())];
    let last = last_names[pick(s * 7 + 2, last_names.len())];
    let email = format!("{first}.{last}{i}@{}", domain_of(s * 7 + 3, other_domains));
    (first, last, email)
}

// --------------------------------------------------------------- database

/// The database of one run: a file in `dir` on SQLite; on PostgreSQL a
/// fresh database `onboard_t_{prefix}_{pid}`, whose name comes back too,
/// for [`drop_postgres_database`].
pub async fn database_url(
    backend: Backend,
    dir: &Path,
    prefix: &str,
) -> Result<(String, Option<String>), Error> {
    Ok(match backend {
        Backend::Sqlite => (Config::default_database_url(dir), None),
        Backend::Postgres => {
            let admin_url = postgres_admin_url();
            let mut admin = sqlx::postgres::PgConnection::connect(&admin_url).await?;
            let name = format!("onboard_t_{prefix}_{}", std::process::id());
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

pub fn postgres_admin_url() -> String {
    std::env::var("ONBOARD_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

pub async fn drop_postgres_database(name: &str) -> Result<(), Error> {
    let mut admin = sqlx::postgres::PgConnection::connect(&postgres_admin_url()).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await?;
    Ok(())
}

/// `measure(url, dir)` on a fresh database (see [`database_url`]) in a
/// temporary directory; the PostgreSQL database is dropped afterwards,
/// whether `measure` succeeded or not. With `ONBOARD_BENCH_KEEP=1` both
/// stay, and where they are is printed: a query's plan can then be read on
/// the seeded data (`sqlite3`, `psql`), which takes minutes to seed.
pub async fn with_database<T>(
    backend: Backend,
    prefix: &str,
    measure: impl AsyncFnOnce(String, &Path) -> Result<T, Error>,
) -> Result<T, Error> {
    let dir = tempfile::tempdir()?;
    let (url, pg_name) = database_url(backend, dir.path(), prefix).await?;
    let result = measure(url.clone(), dir.path()).await;
    if std::env::var_os("ONBOARD_BENCH_KEEP").is_some() {
        println!(
            "kept the database: {url} (files in {})",
            dir.keep().display()
        );
        return result;
    }
    if let Some(name) = pg_name {
        drop_postgres_database(&name).await?;
        println!("dropped database {name}");
    }
    result
}

/// The real server on loopback over `url`, its files in `dir/data`, no mail.
pub async fn start_server(url: String, dir: &Path) -> Result<server::startup::Server, Error> {
    let mut config = Config::for_tests(url, dir.join("data"));
    config.smtp_url = None;
    server::startup::start(
        config,
        server::startup::leptos_options(),
        server::startup::server_clock(),
    )
    .await
}

/// Statistics for the planner, as a live database would have them, and the
/// seed's writes flushed, so that no checkpoint of them runs while requests
/// are timed; returns the statements' names.
pub async fn settle(state: &AppState) -> Result<&'static str, Error> {
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
            drop(held);
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&state.db.pool)
                .await?;
            "ANALYZE, wal_checkpoint(TRUNCATE)"
        }
        Backend::Postgres => {
            // VACUUM as well: autovacuum would run after such an insert
            // anyway, and index-only scans need the visibility map.
            sqlx::query("VACUUM ANALYZE")
                .execute(&state.db.pool)
                .await?;
            sqlx::query("CHECKPOINT").execute(&state.db.pool).await?;
            "VACUUM ANALYZE, CHECKPOINT"
        }
    })
}

pub async fn current_user(state: &AppState, id: UserId) -> Result<CurrentUser, Error> {
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

/// The platform admin, `ADMIN_EMAIL` with `ADMIN_PASSWORD`.
pub async fn create_admin(state: &AppState) -> Result<UserId, Error> {
    Ok(setup::create_admin(
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
    .map_err(|e| e.to_string())?)
}

/// An activated member, not a platform admin.
pub fn new_user(
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
        extra_info: String::new(),
        deletion_at: None,
    }
}

/// The people and groups around the seeded rows.
pub struct World {
    pub admin: CurrentUser,
    pub group_admin: CurrentUser,
    /// Every group id; `subtree` is the group admin's part of the tree.
    pub all_groups: Vec<GroupId>,
    pub subtree: Vec<GroupId>,
    /// The first region, "Nord" (the group admin's).
    pub region: GroupId,
}

/// Platform admin, 5 regions × 3 sites × 2 teams (50 groups: regions
/// private, sites and first teams public, second teams `second_team`), and
/// a group admin of the first region, "Nord" (10 groups).
pub async fn build_world(
    state: &AppState,
    now: i64,
    second_team: Visibility,
) -> Result<World, Error> {
    let admin_id = create_admin(state).await?;
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
                    second_team
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
    drop(conn);
    Ok(World {
        admin: current_user(state, admin_id).await?,
        group_admin: current_user(state, group_admin_id).await?,
        all_groups,
        subtree,
        region: region_ids[0],
    })
}

// ---------------------------------------------------------------- inserts

#[derive(Clone)]
pub enum Val {
    Int(i64),
    Text(String),
    NullInt,
    NullText,
}

pub fn bind_all(
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
pub fn placeholders(rows: usize, cols: usize) -> String {
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
pub async fn insert_rows(
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

// ------------------------------------------------------------------- HTTP

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

pub fn dechunk(mut raw: &[u8]) -> Vec<u8> {
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
pub async fn http(
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

/// Median time in ms of `runs` requests sent one at a time.
pub async fn time_http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: &str,
    runs: usize,
) -> Result<f64, Error> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        http(port, method, path, headers, body).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(median(times))
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The headers a form POST needs beside its cookie (the server checks the
/// origin).
pub fn form_headers(port: u16) -> [(&'static str, String); 2] {
    [
        ("Origin", format!("http://127.0.0.1:{port}")),
        (
            "Content-Type",
            "application/x-www-form-urlencoded".to_owned(),
        ),
    ]
}

/// Signs in and returns the `Cookie` header value for the session.
pub async fn sign_in(port: u16, identifier: &str, password: &str) -> Result<String, Error> {
    let body = format!(
        "input[identifier]={}&input[password]={}",
        urlencode(identifier),
        urlencode(password)
    );
    let response = http(port, "POST", "/api/auth/login", &form_headers(port), &body).await?;
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

/// One request under load.
pub struct Scenario<T> {
    pub name: &'static str,
    pub method: &'static str,
    pub path: String,
    /// The form body of a POST; empty for a GET.
    pub body: String,
    pub cookie: String,
    /// What the answer must show, computed in-process, to check it against.
    pub expected: T,
}

impl<T> Scenario<T> {
    pub fn get(name: &'static str, path: String, cookie: &str, expected: T) -> Self {
        Scenario {
            name,
            method: "GET",
            path,
            body: String::new(),
            cookie: cookie.to_owned(),
            expected,
        }
    }
}

#[derive(Default, Clone, Copy)]
pub struct Figures {
    pub rps: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub requests: u64,
    pub errors: u64,
}

/// "machine: N CPUs, " and the [`machine_load`].
pub fn machine() -> String {
    format!(
        "machine: {} CPUs, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        machine_load()
    )
}

/// The load average and what else keeps the CPUs busy right now (a half
/// second `top` sample, CPU summed per command, this process and wrk left
/// out; the PostgreSQL server is listed).
pub fn machine_load() -> String {
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

/// The request (the cookie comes on the command line) and one parseable
/// result line.
pub fn lua_script(method: &str, body: &str, port: u16) -> String {
    let mut lua = format!("wrk.method = \"{method}\"\n");
    if method == "POST" {
        lua.push_str(&format!(
            "wrk.body = \"{body}\"\n\
             wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n\
             wrk.headers[\"Origin\"] = \"http://127.0.0.1:{port}\"\n"
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

/// Loads the scenario with `wrk` `WRK_ARGS`, its script written in `dir`.
pub async fn run_wrk<T>(scenario: &Scenario<T>, port: u16, dir: &Path) -> Result<Figures, Error> {
    let stem = scenario
        .name
        .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    let script = dir.join(format!("{stem}.lua"));
    std::fs::write(&script, lua_script(scenario.method, &scenario.body, port))?;
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

pub fn check_wrk() -> Result<(), Error> {
    match std::process::Command::new("wrk").arg("--version").output() {
        Ok(_) => Ok(()),
        Err(e) => Err(format!(
            "the load generator `wrk` is required on the PATH ({e}); install it, e.g. `sudo apt-get install -y wrk`"
        )
        .into()),
    }
}

/// (median, p95) of the times.
pub fn median_p95(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let p95 = ((times.len() as f64 * 0.95).ceil() as usize).clamp(1, times.len()) - 1;
    (times[times.len() / 2], times[p95])
}

pub fn median(times: Vec<f64>) -> f64 {
    median_p95(times).0
}

/// Both backends, or the one a second argument names (`sqlite` or
/// `postgres`, in any case).
pub fn chosen_backends() -> Vec<app::server::Backend> {
    use app::server::Backend;
    let only = std::env::args().nth(2);
    [Backend::Sqlite, Backend::Postgres]
        .into_iter()
        .filter(|backend| {
            only.as_deref()
                .is_none_or(|o| format!("{backend:?}").eq_ignore_ascii_case(o))
        })
        .collect()
}
