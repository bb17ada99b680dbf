//! Time zones, on the server only (the browser gets instants with their
//! offset already applied, so the wasm carries no zone database):
//! the platform's zone (months of the billing page), the viewer's (the
//! dates of the `Journal`), and the calendar arithmetic both need.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

use crate::contracts::LocalTime;
use crate::domain::billing::Month;

/// The platform's zone when none is set: the product's first users are
/// French.
pub const DEFAULT_ZONE: &str = "Europe/Paris";

/// The cookie the page sets with the browser's zone
/// (`Intl.DateTimeFormat().resolvedOptions().timeZone`).
pub const ZONE_COOKIE: &str = "onboard_tz";

/// The zone name the cookie holds. The page sets it with
/// `encodeURIComponent`; zone names hold letters, digits and `/ _ - +`
/// only, so these two escapes are all there is to undo.
pub fn from_cookie(raw: &str) -> String {
    raw.replace("%2F", "/").replace("%2B", "+")
}

/// A zone by its IANA name (`Europe/Brussels`), from the bundled database.
pub fn zone(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.is_empty() || name.len() > 64 {
        return None;
    }
    jiff::tz::db().get(name).ok()
}

/// Every zone name the database knows, sorted, for the settings page.
pub fn names() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.contains('/') || name == "UTC")
        .collect();
    names.sort();
    names.dedup();
    names
}

fn zoned(zone: &TimeZone, ms: i64) -> Option<ZonedDateTime> {
    Some(
        Timestamp::from_millisecond(ms)
            .ok()?
            .to_zoned_datetime(zone.clone()),
    )
}

/// An instant with the zone's offset at that instant, as the UI writes it.
pub fn local(zone: &TimeZone, ms: i64) -> LocalTime {
    let offset_s = Timestamp::from_millisecond(ms)
        .map(|ts| zone.to_offset(ts).seconds())
        .unwrap_or(0);
    LocalTime { ms, offset_s }
}

/// The calendar month an instant falls in, in the zone.
pub fn month_of(zone: &TimeZone, ms: i64) -> Month {
    match zoned(zone, ms) {
        Some(z) => Month {
            year: i32::from(z.year()),
            month: z.month() as u8,
        },
        None => Month {
            year: 1970,
            month: 1,
        },
    }
}

/// The instant a day begins in the zone (midnight, or the first instant
/// after a gap).
pub fn day_start(zone: &TimeZone, year: i32, month: u8, day: u8) -> Option<i64> {
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(
        date.to_zoned_datetime(zone.clone())
            .ok()?
            .timestamp()
            .as_millisecond(),
    )
}

/// The instant a month begins in the zone.
pub fn month_start(zone: &TimeZone, month: Month) -> i64 {
    day_start(zone, month.year, month.month, 1).unwrap_or(0)
}

/// `YYYY-MM-DD` read as a day in the zone: the instant it begins.
pub fn parse_day(zone: &TimeZone, typed: &str) -> Option<i64> {
    let date: Date = typed.trim().parse().ok()?;
    day_start(
        zone,
        i32::from(date.year()),
        date.month() as u8,
        date.day() as u8,
    )
}

/// The start of the day after the one `day_start` begins (23, 24 or 25
/// hours later across a change of offset).
pub fn next_day_start(zone: &TimeZone, day_start: i64) -> i64 {
    zoned(zone, day_start)
        .and_then(|z| z.date().tomorrow().ok())
        .and_then(|d| d.to_zoned_datetime(zone.clone()).ok())
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(day_start + 86_400_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_begin_at_local_midnight_and_an_instant_falls_in_its_local_month() {
        let paris = zone("Europe/Paris").unwrap();
        let nov = Month {
            year: 2026,
            month: 11,
        };
        // 2026-11-01T00:00+01:00 is 2026-10-31T23:00Z.
        let start = month_start(&paris, nov);
        assert_eq!(start, 1_793_487_600_000);
        assert_eq!(month_of(&paris, start), nov);
        assert_eq!(
            month_of(&paris, start - 1),
            Month {
                year: 2026,
                month: 10
            }
        );
        // The same instant is still October in UTC.
        assert_eq!(
            month_of(&zone("UTC").unwrap(), start),
            Month {
                year: 2026,
                month: 10
            }
        );
        assert_eq!(local(&paris, start).offset_s, 3600);
        assert_eq!(
            local(
                &paris,
                month_start(
                    &paris,
                    Month {
                        year: 2026,
                        month: 7
                    }
                )
            )
            .offset_s,
            7200
        );
    }

    #[test]
    fn unknown_zones_and_bad_days_are_refused() {
        assert!(zone("Mars/Olympus").is_none());
        assert!(zone("").is_none());
        let utc = zone("UTC").unwrap();
        assert_eq!(parse_day(&utc, "2026-02-30"), None);
        assert_eq!(parse_day(&utc, "2026-12-04"), Some(1_796_342_400_000));
        assert!(names().iter().any(|n| n == "Europe/Brussels"));
        // The last Sunday of October has 25 hours in Paris.
        let paris = zone("Europe/Paris").unwrap();
        let oct25 = parse_day(&paris, "2026-10-25").unwrap();
        assert_eq!(next_day_start(&paris, oct25) - oct25, 25 * 3_600_000);
    }
}
