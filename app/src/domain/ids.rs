//! Database identifiers, wrapped so a group id cannot be passed where a user
//! id is expected.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GroupId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserId(pub i64);

impl fmt::Display for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
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
}
