//! The first platform administrator.

use serde::{Deserialize, Serialize};

/// The first admin's form, with the one-time setup link's token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstAdminInput {
    pub token: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SetupStatus {
    /// The link is valid and no platform admin exists yet.
    Open,
    /// A platform admin exists: the setup page has nothing left to do.
    Done,
    InvalidLink,
}
