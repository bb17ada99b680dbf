//! Seats: the billable members and the platform's limit, as the forms that
//! could use seats and the settings page show them.

use serde::{Deserialize, Serialize};

/// "places : utilisées / limite".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatUse {
    /// Billable members active now.
    pub used: i64,
    /// `None`: unlimited.
    pub limit: Option<i64>,
}

impl SeatUse {
    /// Seats still free; `None` when unlimited.
    pub fn free(&self) -> Option<i64> {
        self.limit.map(|limit| (limit - self.used).max(0))
    }
}
