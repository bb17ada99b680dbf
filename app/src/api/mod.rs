//! Server functions: the HTTP API (`POST /api/<endpoint>`, form-encoded in,
//! JSON out; postcard out to our own wasm, see `contracts::wire`). Each one is a thin adapter: read the session, call one
//! service, map the error. No SQL, no hashing. The types they take and
//! give are in `contracts` (re-exported here for the UI).

pub mod accounts;
pub mod auth;
pub mod billing;
pub mod groups;
pub mod imports;
pub mod invitation_tab;
pub mod invitations;
pub mod journal;
pub mod mailbox;
pub mod settings;
pub mod setup;

pub use crate::contracts::error::{self, ApiError};
use crate::contracts::wire::Answer;
