//! Billing: why an account started or stopped billing, and the history by
//! month computed from those events.

use serde::{Deserialize, Serialize};

/// How an account started or stopped being billed (`billing_events.reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillingReason {
    /// A member completed the first-login form (or was let in from the
    /// seat queue).
    InvitationAccepted,
    /// `CRÉER COMPTE` (or the first platform admin, the demo accounts).
    Created,
    ConvertedToMember,
    ConvertedToGuest,
    /// Deleted (by its automatic deletion date).
    Deleted,
}

impl BillingReason {
    pub const ALL: [BillingReason; 5] = [
        BillingReason::InvitationAccepted,
        BillingReason::Created,
        BillingReason::ConvertedToMember,
        BillingReason::ConvertedToGuest,
        BillingReason::Deleted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BillingReason::InvitationAccepted => "invitation_accepted",
            BillingReason::Created => "created",
            BillingReason::ConvertedToMember => "converted_to_member",
            BillingReason::ConvertedToGuest => "converted_to_guest",
            BillingReason::Deleted => "deleted",
        }
    }

    /// Strict: an unknown stored reason is an error for the caller.
    pub fn decode(s: &str) -> Option<BillingReason> {
        BillingReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A calendar month (in the time zone the caller chose).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    /// `2026-11`, as in the URL.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn parse(code: &str) -> Option<Month> {
        let (year, month) = code.trim().split_once('-')?;
        let year: i32 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        ((1..=12).contains(&month) && (1970..=9999).contains(&year))
            .then_some(Month { year, month })
    }

    pub fn prev(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

/// One month of the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTally {
    pub month: Month,
    /// Accounts that started billing during the month.
    pub started: i64,
    /// Accounts that stopped billing during the month.
    pub stopped: i64,
    /// Billable members at the month's end.
    pub net_end: i64,
}

/// The history from `first` to `last` (both included, one row a month,
/// months without events too), from each event's month and change (+1,
/// -1); events outside the range count towards the net only when before
/// it.
pub fn tally(events: &[(Month, i64)], first: Month, last: Month) -> Vec<MonthTally> {
    let mut net: i64 = events
        .iter()
        .filter(|(m, _)| *m < first)
        .map(|(_, c)| c)
        .sum();
    let mut rows = Vec::new();
    let mut month = first;
    while month <= last {
        let (mut started, mut stopped) = (0, 0);
        for &(m, change) in events {
            if m == month {
                if change > 0 {
                    started += change;
                } else {
                    stopped -= change;
                }
            }
        }
        net += started - stopped;
        rows.push(MonthTally {
            month,
            started,
            stopped,
            net_end: net,
        });
        month = month.next();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn m(year: i32, month: u8) -> Month {
        Month { year, month }
    }

    #[test]
    fn every_stored_reason_reads_back_and_nothing_else_does() {
        for reason in BillingReason::ALL {
            assert_eq!(BillingReason::decode(reason.as_str()), Some(reason));
        }
        assert_eq!(BillingReason::decode("converted"), None);
    }

    #[test]
    fn months_follow_each_other_across_a_year_end() {
        assert_eq!(m(2026, 11).next(), m(2026, 12));
        assert_eq!(m(2026, 12).next(), m(2027, 1));
    }

    #[test]
    fn the_history_counts_starts_stops_and_the_net_at_each_months_end() {
        let events = [
            (m(2026, 9), 1),
            (m(2026, 9), 1),
            (m(2026, 11), 1),
            (m(2026, 11), -1),
            (m(2027, 1), 1),
            (m(2027, 3), 1),
        ];
        let rows = tally(&events, m(2026, 10), m(2027, 1));
        assert_eq!(
            rows,
            vec![
                MonthTally {
                    month: m(2026, 10),
                    started: 0,
                    stopped: 0,
                    net_end: 2
                },
                MonthTally {
                    month: m(2026, 11),
                    started: 1,
                    stopped: 1,
                    net_end: 2
                },
                MonthTally {
                    month: m(2026, 12),
                    started: 0,
                    stopped: 0,
                    net_end: 2
                },
                MonthTally {
                    month: m(2027, 1),
                    started: 1,
                    stopped: 0,
                    net_end: 3
                },
            ]
        );
    }
}
