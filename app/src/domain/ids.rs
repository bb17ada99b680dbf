//! Database identifiers, wrapped so a group id cannot be passed where a user
//! id is expected. On the wire and in forms they are bare numbers
//! (`serde(transparent)`, `Display`, `FromStr`); only the store unwraps them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

ids! {
    /// A group of the tree.
    GroupId;
    /// An account.
    UserId;
    /// An invitation (pending or not).
    InvitationId;
    /// A custom field definition.
    FieldId;
    /// A mail of the outbox.
    MailId;
    /// A file import (the wizard and its run).
    ImportId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_as_their_bare_number() {
        assert_eq!(GroupId(42).to_string(), "42");
        assert_eq!(UserId(-7).to_string(), "-7");
    }

    #[test]
    fn ids_sort_by_their_number() {
        let mut ids = vec![GroupId(3), GroupId(-1), GroupId(2)];
        ids.sort();
        assert_eq!(ids, vec![GroupId(-1), GroupId(2), GroupId(3)]);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn ids_travel_as_bare_numbers_and_parse_back() {
        assert_eq!(serde_json::to_string(&InvitationId(9)).unwrap(), "9");
        assert_eq!(serde_json::from_str::<FieldId>("12").unwrap(), FieldId(12));
        assert_eq!("31".parse::<GroupId>(), Ok(GroupId(31)));
        assert!("x".parse::<UserId>().is_err());
    }
}
