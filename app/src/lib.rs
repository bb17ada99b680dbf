//! Onboard's shared crate: the pure domain rules, the user interface, the
//! server-function contracts, and (with the `ssr` feature) everything that
//! runs only on the server.

#![recursion_limit = "256"]

pub mod api;
pub mod contracts;
pub mod domain;
pub mod i18n;
pub mod ui;

// The one place server-only code is gated: nothing below `server` needs cfg.
#[cfg(feature = "ssr")]
pub mod server;
