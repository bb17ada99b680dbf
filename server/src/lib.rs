//! The Onboard server as a library: configuration, start-up (database,
//! migrations, first-admin link, background jobs) and the HTTP router. The
//! binary in `main.rs` only parses the command line; tests start the same
//! server on port 0.

// The app's deeply nested view types exceed the default limit here too.
#![recursion_limit = "512"]

// Every binary that links the server (the server itself, its tests and
// benchmarks) allocates through mimalloc: measured with bench_import.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod assets;
pub mod config;
mod exports;
mod imports;
pub mod origin;
mod page_lang;
pub mod startup;
pub mod telemetry;
