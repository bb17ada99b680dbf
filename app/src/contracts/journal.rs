//! The audit log page (`Journal`).

use serde::{Deserialize, Serialize};

use super::LocalTime;
use super::form::urlencode;
use crate::domain::audit::AuditAction;
use crate::domain::{AccountType, GroupId, GroupRole, UserId};
use crate::i18n::Lang;

/// The filters, as the page's URL holds them (all optional, all text: the
/// server reads them and says what it could not).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalQuery {
    /// Who acted: an e-mail address or identifiant.
    #[serde(default)]
    pub actor: Option<String>,
    /// An action code (`invitation.created`).
    #[serde(default)]
    pub action: Option<String>,
    /// A group id: entries about it and its sub-groups.
    #[serde(default)]
    pub group: Option<String>,
    /// Whom it was about: an e-mail address or identifiant.
    #[serde(default)]
    pub person: Option<String>,
    /// `YYYY-MM-DD`, in the viewer's zone, both days included.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// Paging: entries older than this id.
    #[serde(default)]
    pub before: Option<String>,
}

impl JournalQuery {
    /// The query string of these filters (without `before`), for links and
    /// the export.
    pub fn to_query_string(&self) -> String {
        let pairs = [
            ("actor", &self.actor),
            ("action", &self.action),
            ("group", &self.group),
            ("person", &self.person),
            ("from", &self.from),
            ("to", &self.to),
        ];
        pairs
            .iter()
            .filter_map(|(key, value)| {
                let value = value.as_deref()?.trim();
                (!value.is_empty()).then(|| format!("{key}={}", urlencode(value)))
            })
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// A page shows this many entries.
pub const JOURNAL_PAGE_SIZE: usize = 50;
/// Counting stops here ("plus de 10 000").
pub const JOURNAL_COUNT_CAP: i64 = 10_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalPage {
    pub entries: Vec<JournalEntry>,
    /// The cursor of the next (older) page, if there is one.
    pub older: Option<i64>,
    /// Entries matching the filters, counted up to `JOURNAL_COUNT_CAP`
    /// (`capped`: there are more).
    pub total: i64,
    pub capped: bool,
    /// The groups the viewer may filter by: id and path.
    pub groups: Vec<(GroupId, String)>,
    /// The zone the dates are written in (IANA name).
    pub time_zone: String,
    /// A filter that names nobody known (the page says so).
    pub unknown_person: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: i64,
    pub at: LocalTime,
    /// `None`: the platform itself (a job) or an anonymous visitor.
    pub actor: Option<PersonRef>,
    /// `Err(code)` for a code this version does not know.
    pub action: Result<AuditAction, String>,
    pub target: Option<PersonRef>,
    /// The group's path, when the entry is about one.
    pub group: Option<String>,
    pub details: Vec<Detail>,
}

/// A person the log names: the account when it still exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub user_id: Option<UserId>,
    pub name: String,
    /// The address, when it is not the name already.
    pub email: Option<String>,
}

/// One fact of an entry's details, for the page to write in the reader's
/// language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Detail {
    Roles(Vec<GroupRole>),
    RolesChange {
        from: Vec<GroupRole>,
        to: Vec<GroupRole>,
    },
    /// Roles in groups (group path, role).
    Grants(Vec<(String, GroupRole)>),
    Propagated(Vec<(String, GroupRole)>),
    RolesRemoved(Vec<(String, GroupRole)>),
    AccountType(AccountType),
    TypeChange {
        from: AccountType,
        to: AccountType,
    },
    PlatformAdmin,
    LanguageChange {
        from: Lang,
        to: Lang,
    },
    /// `None`: unlimited.
    SeatLimitChange {
        from: Option<i64>,
        to: Option<i64>,
    },
    NoSeat {
        limit: i64,
        used: i64,
    },
    TextChange {
        from: String,
        to: String,
    },
    DeletionDate(LocalTime),
    Name(String),
    LoginName(String),
    FieldKey(String),
    WaitedForSeat,
    CredentialsMailed,
    /// The address a throttled sign-in came from.
    Client(String),
}
