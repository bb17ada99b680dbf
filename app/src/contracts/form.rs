//! What several forms share. A server function takes one argument,
//! `input`, so every field a form posts is named `input[<field>]` (serde_qs
//! nesting); these helpers keep the UI's names and the inputs in step.

use crate::domain::{GroupId, GroupRole};
use serde::{Deserialize, Serialize};

/// The role checkboxes of a form, posted as `input[roles][<role>]=on`.
/// Present means ticked, whatever the value; the whole group is absent
/// when none is, hence the `#[serde(default)]` where it is used.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChecks {
    pub group_admin: Option<String>,
    pub user_admin: Option<String>,
    pub trainer: Option<String>,
    pub learner: Option<String>,
}

impl RoleChecks {
    /// The name of `role`'s checkbox (`input[roles][learner]`).
    pub fn field(role: GroupRole) -> String {
        format!("input[roles][{}]", role.as_str())
    }
}

/// The name of the group chooser's checkbox for group `id`
/// (`input[groups][<id>]=on`); an input reads the ticked ones as a map
/// `groups: HashMap<String, String>`.
pub fn group_field(id: GroupId) -> String {
    format!("input[groups][{id}]")
}

/// Percent-encodes a query-string value (RFC 3986's unreserved characters
/// kept), for the links of pages whose filters live in the URL.
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
