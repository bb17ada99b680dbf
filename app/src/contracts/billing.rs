//! The billing page (`Facturation`).

use serde::{Deserialize, Serialize};

use super::LocalTime;
use super::seats::SeatUse;
use crate::domain::UserId;
use crate::domain::billing::{BillingReason, Month, MonthTally};

/// Its URL's query: `?month=2026-11`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingQuery {
    #[serde(default)]
    pub month: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingPage {
    /// Billable members now and the limit.
    pub seats: SeatUse,
    /// The platform's zone, where months begin.
    pub time_zone: String,
    /// The twelve months up to this one, oldest first.
    pub history: Vec<MonthTally>,
    /// The month whose list is shown.
    pub month: Month,
    /// Billable at the month's end (this month: now): as many as the
    /// month's net count.
    pub billable: i64,
    /// The first of them, longest billed first (the exports hold them all).
    pub people: Vec<BillableLine>,
}

/// The page lists this many; the exports have every line.
pub const BILLING_LIST_LIMIT: usize = 200;

/// One member billed at a month's end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillableLine {
    /// `None` once the account is gone.
    pub user_id: Option<UserId>,
    pub name: String,
    pub email: Option<String>,
    /// Since when (the start of the billing that is still running then).
    pub since: LocalTime,
    /// How it started; `None` for events older than the reasons.
    pub reason: Option<BillingReason>,
}
