//! Who is signed in.

use crate::domain::{GroupId, GroupRole, UserId};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The signed-in user as the UI needs them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub id: UserId,
    pub display_name: String,
    pub initials: String,
    pub email: Option<String>,
    pub platform_admin: bool,
    /// Administers users somewhere: the `+ → Utilisateur` menu is theirs.
    pub manages_users: bool,
    /// No SMTP server is configured: mails are read in `/dev/mailbox`.
    pub dev_mailbox: bool,
    pub lang: Lang,
}

/// The sign-in form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginInput {
    /// An e-mail address or a login name.
    pub identifier: String,
    pub password: String,
}

/// "Marie Curie" → "MC"; falls back to the first letter of what is shown.
pub fn initials(first: &str, last: &str, fallback: &str) -> String {
    let pick = |s: &str| s.chars().next().map(|c| c.to_uppercase().to_string());
    match (pick(first), pick(last)) {
        (Some(f), Some(l)) => f + &l,
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => pick(fallback).unwrap_or_else(|| "?".into()),
    }
}

/// The home of someone who administers nothing: their groups and profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyHome {
    pub first_name: String,
    pub display_name: String,
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub language: Lang,
    /// (group, its path, the roles held there), by path.
    pub groups: Vec<(GroupId, String, Vec<GroupRole>)>,
}
