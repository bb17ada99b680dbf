//! Turning form fields into values, for the server functions.

use time::macros::format_description;
use time::{Date, PrimitiveDateTime, Time};

use super::error::{AppError, AppResult};
use crate::domain::GroupRole;
use crate::i18n::Msg;

/// The roles a form's `role_*` checkboxes ticked (present means checked),
/// in the order group admin, user admin, trainer, learner.
pub fn checked_roles(
    group_admin: Option<String>,
    user_admin: Option<String>,
    trainer: Option<String>,
    learner: Option<String>,
) -> Vec<GroupRole> {
    [group_admin, user_admin, trainer, learner]
        .into_iter()
        .zip(GroupRole::ALL)
        .filter_map(|(checked, role)| checked.map(|_| role))
        .collect()
}

/// `YYYY-MM-DD` (what `<input type="date">` sends) → midnight UTC in
/// milliseconds; empty or absent → `None`.
pub fn optional_date(value: Option<&str>) -> AppResult<Option<i64>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let date = Date::parse(value, format_description!("[year]-[month]-[day]"))
        .map_err(|_| AppError::Invalid(Msg::ErrInvalidDate))?;
    let instant = PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc();
    Ok(Some((instant.unix_timestamp_nanos() / 1_000_000) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_midnight_utc_and_blank_means_none() {
        assert_eq!(
            optional_date(Some("2026-11-22")).unwrap(),
            Some(1_795_305_600_000)
        );
        assert_eq!(optional_date(Some("  ")).unwrap(), None);
        assert_eq!(optional_date(None).unwrap(), None);
        assert!(optional_date(Some("22/11/2026")).is_err());
    }
}
