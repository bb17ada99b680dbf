//! Dates and labels as people read them in their language.

use time::OffsetDateTime;

use crate::domain::{AccountType, GroupRole};
use crate::i18n::Msg;

pub use crate::i18n::date;

/// `YYYY-MM-DD` (UTC), what a date input holds.
pub fn iso_date(ms: i64) -> String {
    let Ok(dt) = OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)) else {
        return String::new();
    };
    format!("{}-{:02}-{:02}", dt.year(), u8::from(dt.month()), dt.day())
}

pub fn role(role: GroupRole) -> Msg {
    match role {
        GroupRole::GroupAdmin => Msg::RoleGroupAdmin,
        GroupRole::UserAdmin => Msg::RoleUserAdmin,
        GroupRole::Trainer => Msg::RoleTrainer,
        GroupRole::Learner => Msg::RoleLearner,
    }
}

pub fn account_type(kind: AccountType) -> Msg {
    match kind {
        AccountType::Member => Msg::TypeMember,
        AccountType::Guest => Msg::TypeGuest,
    }
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
}
