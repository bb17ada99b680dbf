//! Stored values decoded strictly, in one place: a value the code does not
//! know is an error, never a default. (Lenient parsing — French labels,
//! "admin", any case — is for what people type, never for what the
//! database holds.)

use crate::contracts::invitation_tab::DeliveryState;
use crate::domain::custom_field::FieldType;
use crate::domain::invitation::InvitationStatus;
use crate::domain::{
    AccountType, FieldId, GroupId, GroupRole, ImportId, InvitationId, MailId, UserId, Visibility,
};
use crate::i18n::Lang;

/// A closed set of values stored as their `as_str` text.
pub trait Stored: Sized + Copy + 'static {
    /// What the value is, for the error.
    const WHAT: &'static str;
    fn all() -> &'static [Self];
    fn stored(self) -> &'static str;
}

pub fn decode<T: Stored>(raw: &str) -> Result<T, sqlx::Error> {
    T::all()
        .iter()
        .copied()
        .find(|v| v.stored() == raw)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown stored {} {raw:?}", T::WHAT).into()))
}

macro_rules! stored {
    ($ty:ty, $what:literal) => {
        impl Stored for $ty {
            const WHAT: &'static str = $what;
            fn all() -> &'static [Self] {
                &<$ty>::ALL
            }
            fn stored(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

stored!(GroupRole, "role");
stored!(AccountType, "account type");
stored!(Visibility, "visibility");
stored!(FieldType, "field type");
stored!(DeliveryState, "delivery state");
stored!(InvitationStatus, "invitation status");

impl Stored for Lang {
    const WHAT: &'static str = "language";
    fn all() -> &'static [Self] {
        &Lang::ALL
    }
    fn stored(self) -> &'static str {
        self.code()
    }
}

/// Ids bind and read as the `BIGINT` they are stored as, so store functions
/// take and return `GroupId`, `UserId`… and a swapped id does not compile.
macro_rules! sql_id {
    ($($id:ty),*) => {$(
        impl sqlx::Type<sqlx::Any> for $id {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <i64 as sqlx::Type<sqlx::Any>>::type_info()
            }
            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <i64 as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        impl sqlx::Encode<'_, sqlx::Any> for $id {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <i64 as sqlx::Encode<sqlx::Any>>::encode_by_ref(&self.0, buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Any> for $id {
            fn decode(
                value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                <i64 as sqlx::Decode<sqlx::Any>>::decode(value).map(Self)
            }
        }
    )*};
}

sql_id!(GroupId, UserId, InvitationId, FieldId, MailId, ImportId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_and_nothing_else_decodes() {
        for role in GroupRole::ALL {
            assert_eq!(decode::<GroupRole>(role.as_str()).unwrap(), role);
        }
        for kind in AccountType::ALL {
            assert_eq!(decode::<AccountType>(kind.as_str()).unwrap(), kind);
        }
        for visibility in Visibility::ALL {
            assert_eq!(
                decode::<Visibility>(visibility.as_str()).unwrap(),
                visibility
            );
        }
        for field in FieldType::ALL {
            assert_eq!(decode::<FieldType>(field.as_str()).unwrap(), field);
        }
        for state in DeliveryState::ALL {
            assert_eq!(decode::<DeliveryState>(state.as_str()).unwrap(), state);
        }
        assert!(decode::<DeliveryState>("sending").is_err());
        for status in InvitationStatus::ALL {
            assert_eq!(decode::<InvitationStatus>(status.as_str()).unwrap(), status);
        }
        // An unknown stored status is an error, never read as pending.
        assert!(decode::<InvitationStatus>("expired").is_err());
        assert!(decode::<InvitationStatus>("Pending").is_err());
        // What people may type is not what the database may hold.
        assert!(decode::<GroupRole>("admin").is_err());
        assert!(decode::<GroupRole>("Apprenant").is_err());
        assert!(decode::<AccountType>("membre").is_err());
        assert!(decode::<AccountType>("").is_err());
        assert!(decode::<Visibility>("Public").is_err());
        for lang in Lang::ALL {
            assert_eq!(decode::<Lang>(lang.code()).unwrap(), lang);
        }
        assert!(decode::<Lang>("nl-BE").is_err(), "a stored code is exact");
        assert!(decode::<Lang>("de").is_err());
    }
}
