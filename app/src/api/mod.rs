//! Server functions: the HTTP API (`POST /api/<endpoint>`, form-encoded in,
//! JSON out) and the contracts the UI calls. Each one is a thin adapter:
//! read the session, call one service, map the error. No SQL, no hashing.

pub mod accounts;
pub mod auth;
pub mod error;
pub mod groups;
pub mod invitation_tab;
pub mod invitations;
pub mod mailbox;
pub mod setup;

pub use error::ApiError;
