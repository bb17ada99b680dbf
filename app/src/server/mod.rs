//! Everything that runs only on the server: state, storage, use cases,
//! authentication. Compiled with the `ssr` feature; gated once, in `lib.rs`.

pub mod auth;
pub mod clock;
pub mod config;
pub mod context;
pub mod db;
pub mod error;
pub mod export;
pub mod forms;
pub mod jobs;
pub mod mail;
pub mod services;
pub mod spreadsheet;
pub mod state;
pub mod store;
pub mod tz;

pub use clock::{Clock, ManualClock, SystemClock};
pub use config::Config;
pub use db::{Backend, Db};
pub use error::AppError;
pub use state::AppState;
