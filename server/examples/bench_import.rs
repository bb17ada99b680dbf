//! Benchmark: the import wizard with a file of COUNT rows (100,000 by
//! default), as CSV and as XLSX, on SQLite then PostgreSQL: upload (read
//! and keep the file), preview (every verdict, first page), the run in
//! invite mode and in create mode, and the process's peak memory.
//!
//! cargo run --release -p server --example bench_import [-- COUNT [sqlite|postgres]]
//! PostgreSQL from ONBOARD_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).

mod common;

use std::sync::Arc;
use std::time::Instant;

use app::domain::ImportId;
use app::domain::import::{Defaults, Mode};
use app::i18n::Lang;
use app::server::services::auth::CurrentUser;
use app::server::services::imports;
use app::server::store::imports as import_store;
use app::server::{AppState, Backend, Config, SystemClock};
use common::Error;

fn csv(count: usize, prefix: &str, groups: &[String]) -> Vec<u8> {
    let mut out = String::from("email;prénom;nom;langue;groupes\r\n");
    for i in 0..count {
        let group = &groups[i % groups.len()];
        out.push_str(&format!(
            "{prefix}{i}@exemple.fr;Prénom{i};Nom{i};{};{group}\r\n",
            ["fr", "en", "nl"][i % 3]
        ));
    }
    out.into_bytes()
}

fn xlsx(count: usize, prefix: &str, groups: &[String]) -> Result<Vec<u8>, Error> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["email", "first_name", "last_name", "language", "groups"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h)?;
    }
    for i in 0..count {
        let r = (i + 1) as u32;
        sheet.write_string(r, 0, format!("{prefix}{i}@exemple.fr"))?;
        sheet.write_string(r, 1, format!("Prénom{i}"))?;
        sheet.write_string(r, 2, format!("Nom{i}"))?;
        sheet.write_string(r, 3, ["fr", "en", "nl"][i % 3])?;
        sheet.write_string(r, 4, &groups[i % groups.len()])?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The process's peak resident memory so far (Linux), in MB.
fn peak_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or("?".into(), |kb| format!("{:.0} MB", kb / 1024.0))
}

async fn preview(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    label: &str,
) -> Result<f64, Error> {
    let started = Instant::now();
    let view = imports::view(state, me, id, None, 1, Lang::Fr)
        .await
        .map_err(|e| e.to_string())?;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "    {label}: {ms:>9.0} ms  ({} rows, counts {:?})",
        view.total, view.counts
    );
    Ok(ms)
}

async fn commit(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    mode: Mode,
    group: app::domain::GroupId,
) -> Result<(), Error> {
    let setup = imports::Setup {
        mode,
        defaults: Defaults {
            language: Lang::Fr,
            roles: vec![app::domain::GroupRole::Learner],
            groups: vec![group],
            ..Default::default()
        },
        ..Default::default()
    };
    {
        let mut conn = state.db.pool.acquire().await?;
        let record = import_store::by_id(&mut conn, id).await?.ok_or("import")?;
        let mut stored: imports::Setup = serde_json::from_str(&record.setup)?;
        stored.mode = setup.mode;
        stored.defaults = setup.defaults;
        let now = state.now();
        import_store::start(
            &mut conn,
            id,
            mode.code(),
            &serde_json::to_string(&stored)?,
            now,
            now,
        )
        .await?;
    }
    let started = Instant::now();
    imports::commit(state, me, id)
        .await
        .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let mut conn = state.db.pool.acquire().await?;
    let record = import_store::by_id(&mut conn, id).await?.ok_or("import")?;
    println!(
        "    run ({}): {seconds:>7.1} s  ({:.0} rows/s, {})",
        mode.code(),
        record.done_rows as f64 / seconds,
        record.counts
    );
    Ok(())
}

async fn measure(backend: Backend, count: usize) -> Result<(), Error> {
    common::with_database(backend, "import", async |url, dir| {
        let config = Config::for_tests(url, dir.join("data"));
        let state = server::startup::build_state(config, Arc::new(SystemClock)).await?;
        let now = state.now();
        let world = common::build_world(&state, now, app::domain::Visibility::Public).await?;
        let me = world.admin.clone();
        let dir_groups = {
            let mut conn = state.db.pool.acquire().await?;
            app::server::services::directory::Directory::load(&mut conn).await?
        };
        let groups: Vec<String> = world.subtree.iter().map(|g| dir_groups.path(*g)).collect();
        for (label, prefix, mode) in [("CSV", "inv", Mode::Invite), ("XLSX", "new", Mode::Create)] {
            let bytes = match label {
                "CSV" => csv(count, prefix, &groups),
                _ => xlsx(count, prefix, &groups)?,
            };
            let started = Instant::now();
            let id = imports::upload(
                &state,
                &me,
                world.region,
                &format!("bench.{}", label.to_lowercase()),
                bytes.clone(),
            )
            .await
            .map_err(|e| e.to_string())?;
            println!(
                "  {label} ({:.1} MB): upload {:>6.0} ms",
                bytes.len() as f64 / 1e6,
                started.elapsed().as_secs_f64() * 1000.0
            );
            preview(&state, &me, id, "preview").await?;
            commit(&state, &me, id, mode, world.region).await?;
            // The same file once more: every row is now known (a pending
            // invitation or an account), the idempotent second run.
            let again = imports::upload(
                &state,
                &me,
                world.region,
                &format!("bench.{}", label.to_lowercase()),
                bytes.clone(),
            )
            .await
            .map_err(|e| e.to_string())?;
            let wal = |dir: &std::path::Path| {
                std::fs::read_dir(dir.join("data"))
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter(|e| e.file_name().to_string_lossy().ends_with("-wal"))
                    .map(|e| e.metadata().map_or(0, |m| m.len()))
                    .sum::<u64>()
            };
            if backend == Backend::Sqlite {
                println!("    SQLite log: {} MB", wal(dir) / 1_000_000);
            }
            preview(&state, &me, again, "preview of the same file again").await?;
            // Once more, the log copied meanwhile: what the first preview
            // paid for the copy running beside it.
            preview(&state, &me, again, "and once more").await?;
            println!("    peak memory so far: {}", peak_mb());
        }
        Ok(())
    })
    .await
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    println!("{}", common::machine());
    println!("import of {count} rows");
    for backend in common::chosen_backends() {
        println!("{backend:?}");
        measure(backend, count).await?;
    }
    Ok(())
}
