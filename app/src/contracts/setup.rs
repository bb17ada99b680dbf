//! The first platform administrator.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SetupStatus {
    /// The link is valid and no platform admin exists yet.
    Open,
    /// A platform admin exists: the setup page has nothing left to do.
    Done,
    InvalidLink,
}
