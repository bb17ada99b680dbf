//! What crosses the wire between the browser and the server: the inputs,
//! outcomes, pages, filters and the error of every server function. Both
//! `api` (the server functions) and `server::services` (the use cases)
//! depend on this module; services never import `api`. It depends only on
//! `domain` and the translations.

pub mod accounts;
pub mod auth;
pub mod billing;
pub mod error;
pub mod form;
pub mod groups;
pub mod imports;
pub mod invitation_tab;
pub mod invitations;
pub mod journal;
pub mod mailbox;
pub mod seats;
pub mod settings;
pub mod setup;
pub mod wire;

pub use error::ApiError;

use serde::{Deserialize, Serialize};

/// An instant and the offset of the reader's time zone at that instant,
/// worked out on the server (which has the zone database), so the browser
/// writes the same local time as the page it hydrates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalTime {
    /// Milliseconds since the epoch.
    pub ms: i64,
    /// Seconds east of UTC.
    pub offset_s: i32,
}
