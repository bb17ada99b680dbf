//! Dates and labels as people read them in their language.

use time::OffsetDateTime;

pub use crate::i18n::date;
pub use crate::i18n::labels::{account_type, date_time, role};

/// `Ventes` from `Acme › Ventes`: the group a path ends at, for titles
/// (breadcrumbs show the whole path).
pub fn last_group(path: &str) -> &str {
    path.rsplit(" › ").next().unwrap_or(path)
}

/// `YYYY-MM-DD` (UTC), what a date input holds.
pub fn iso_date(ms: i64) -> String {
    let Ok(dt) = OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)) else {
        return String::new();
    };
    format!("{}-{:02}-{:02}", dt.year(), u8::from(dt.month()), dt.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn dates_follow_the_reader_language() {
        let ms = 1_795_305_600_000; // 2026-11-22T00:00:00Z
        assert_eq!(date(ms, Lang::Fr), "22/11/2026");
        assert_eq!(date(ms, Lang::En), "Nov 22, 2026");
        assert_eq!(iso_date(ms), "2026-11-22");
    }

    #[test]
    fn a_title_names_the_group_a_path_ends_at() {
        assert_eq!(last_group("Acme › Ventes › Lyon"), "Lyon");
        assert_eq!(last_group("Acme"), "Acme");
        assert_eq!(last_group(""), "");
    }
}
