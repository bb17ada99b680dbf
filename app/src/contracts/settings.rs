//! The platform's settings page.

use serde::{Deserialize, Serialize};

use super::seats::SeatUse;
use crate::i18n::Lang;

/// What the settings page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformSettings {
    /// For visitors who chose no language and whose browser asks for none
    /// of the platform's.
    pub default_language: Lang,
    /// Billable members now and the seat limit.
    pub seats: SeatUse,
}

/// The settings form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformSettingsInput {
    /// A language code (`fr`, `en`, `nl`).
    pub default_language: String,
    /// The number of billable members allowed; empty for unlimited, absent
    /// to leave it as it is.
    #[serde(default)]
    pub seat_limit: Option<String>,
}
