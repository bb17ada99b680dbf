//! Benchmark: what compressing the server's dynamic answers costs and
//! saves, level by level. Starts the real server on loopback (SQLite: the
//! bytes of a page do not depend on the backend), seeds a group of 120
//! members, fetches four pages whole and uncompressed as a platform admin,
//! then compresses each body many times at each level and prints its size
//! and the median time of one compression.
//!
//! cargo run --release -p server --example bench_compression [-- RUNS]
//! Default: 200 runs per body and level.

mod common;

use std::io::Write;
use std::time::Instant;

use app::domain::{GroupRole, Visibility};
use app::server::Backend;
use app::server::store::{memberships, users};
use common::{ADMIN_EMAIL, ADMIN_PASSWORD, Error, LAST_NAMES, http, machine, median, sign_in};

/// Members seeded into the first region, more than one page of its table.
const MEMBERS: usize = 120;

/// A coding and its level, as the compression layer would run it.
#[derive(Clone, Copy)]
enum Coding {
    /// Brotli at a quality, with the 4 MiB window the layer's encoder uses.
    Brotli(u32),
    Gzip(u32),
}

impl Coding {
    fn label(self) -> String {
        match self {
            Coding::Brotli(q) => format!("br {q}"),
            Coding::Gzip(level) => format!("gzip {level}"),
        }
    }

    fn compress(self, body: &[u8]) -> Result<Vec<u8>, Error> {
        Ok(match self {
            Coding::Brotli(quality) => {
                let mut out = brotli::CompressorWriter::new(Vec::new(), 4096, quality, 22);
                out.write_all(body)?;
                out.into_inner()
            }
            Coding::Gzip(level) => {
                let mut out =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
                out.write_all(body)?;
                out.finish()?
            }
        })
    }
}

const CODINGS: [Coding; 5] = [
    Coding::Brotli(4),
    Coding::Brotli(5),
    Coding::Brotli(6),
    Coding::Gzip(6),
    Coding::Gzip(9),
];

#[tokio::main]
async fn main() -> Result<(), Error> {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    println!("{}", machine());
    let pages = common::with_database(Backend::Sqlite, "benchzip", async |url, dir| {
        fetch_pages(url, dir).await
    })
    .await?;
    println!("\n{runs} compressions of each body at each level; size, then median time of one");
    print!("{:<28} {:>9}", "answer", "plain");
    for coding in CODINGS {
        print!(" {:>18}", coding.label());
    }
    println!();
    for (name, body) in &pages {
        print!("{name:<28} {:>9}", body.len());
        for coding in CODINGS {
            let size = coding.compress(body)?.len();
            let mut times = Vec::with_capacity(runs);
            for _ in 0..runs {
                let started = Instant::now();
                std::hint::black_box(coding.compress(std::hint::black_box(body))?);
                times.push(started.elapsed().as_secs_f64() * 1e3);
            }
            print!(" {size:>8} {:>6.3} ms", median(times));
        }
        println!();
    }
    Ok(())
}

/// The pages' plain bodies, as a signed-in platform admin gets them.
async fn fetch_pages(url: String, dir: &std::path::Path) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let server = common::start_server(url, dir).await?;
    let port = server.addr.port();
    let state = server.state.clone();
    let now = state.now();
    let world = common::build_world(&state, now, Visibility::Public).await?;
    let mut conn = state.db.pool.acquire().await?;
    let people: Vec<users::NewUser> = (0..MEMBERS)
        .map(|n| {
            let last = LAST_NAMES[n % LAST_NAMES.len()];
            common::new_user(
                &format!("membre.{n}@exemple.fr"),
                &format!("Membre {n}"),
                last,
                None,
                now,
            )
        })
        .collect();
    let ids = users::insert_many(&mut conn, &people, now).await?;
    let grants: Vec<_> = ids
        .iter()
        .map(|&id| (id, world.region, GroupRole::Learner))
        .collect();
    memberships::grant_many(&mut conn, &grants, None, now).await?;
    drop(conn);

    let cookie = sign_in(port, ADMIN_EMAIL, ADMIN_PASSWORD).await?;
    let mut pages = Vec::new();
    for (name, path) in [
        ("home page", "/".to_owned()),
        (
            "group page, 120 members",
            format!("/groups/{}", world.region),
        ),
        (
            "Invitations tab",
            format!("/groups/{}/users/invitations", world.region),
        ),
        ("audit log", "/journal".to_owned()),
    ] {
        let response = http(port, "GET", &path, &[("Cookie", cookie.clone())], "").await?;
        if response.status != 200 || !response.header("content-encoding").is_empty() {
            return Err(format!("{path}: HTTP {}, not a plain page", response.status).into());
        }
        pages.push((name.to_owned(), response.body));
    }
    Ok(pages)
}
