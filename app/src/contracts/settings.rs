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
    /// The platform's time zone (IANA name): where the billing page's
    /// months begin, and the dates of a viewer whose browser said none.
    pub time_zone: String,
    /// Every zone name offered.
    pub time_zones: Vec<String>,
}

/// The settings form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformSettingsInput {
    /// A language code (`fr`, `en`, `nl`).
    pub default_language: String,
    /// The number of billable members allowed; empty for unlimited.
    #[serde(default)]
    pub seat_limit: Option<String>,
    /// Sent (`on`) by the settings form, which always carries the seat
    /// limit: an empty field then lifts it. Without it (an older client, a
    /// script setting only the language) the limit is left as it is — a
    /// form reader cannot tell an empty field from a missing one.
    #[serde(default)]
    pub seat_limit_given: Option<String>,
    /// An IANA zone name; absent leaves the zone as it is.
    #[serde(default)]
    pub time_zone: Option<String>,
}
