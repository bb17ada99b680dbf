//! The import's rules: which column of a file is which, what a cell means,
//! and what a row asks — before any database is read. The service adds what
//! only the database knows (accounts, pending invitations, seats) through
//! [`decide`], which is pure too, so the preview and the commit give the
//! same verdict for the same row.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::custom_field::{self, FieldDef, FieldError};
use super::{AccountType, Email, EmailError, GroupId, GroupRole, GroupTree, policy};
use crate::i18n::Lang;

/// What a column of the file holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    Email,
    FirstName,
    LastName,
    Language,
    Groups,
    Roles,
    Admin,
    AccountType,
    DeletionDate,
    /// A custom field, by key.
    Custom(String),
}

impl Target {
    /// Every column but the custom fields, in the template's order.
    pub const FIXED: [Target; 9] = [
        Target::Email,
        Target::FirstName,
        Target::LastName,
        Target::Language,
        Target::Groups,
        Target::Roles,
        Target::Admin,
        Target::AccountType,
        Target::DeletionDate,
    ];

    /// The template's header, and the code a mapping form posts.
    pub fn code(&self) -> String {
        match self {
            Target::Email => "email".into(),
            Target::FirstName => "first_name".into(),
            Target::LastName => "last_name".into(),
            Target::Language => "language".into(),
            Target::Groups => "groups".into(),
            Target::Roles => "roles".into(),
            Target::Admin => "admin".into(),
            Target::AccountType => "type".into(),
            Target::DeletionDate => "deletion_date".into(),
            Target::Custom(key) => format!("custom:{key}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Target> {
        if let Some(key) = code.strip_prefix("custom:") {
            return (!key.is_empty()).then(|| Target::Custom(key.to_owned()));
        }
        Target::FIXED.into_iter().find(|t| t.code() == code)
    }
}

/// Lower case, accents and every non-alphanumeric character removed:
/// `Adresse e-mail`, `adresse_email` and `ADRESSE EMAIL` read alike.
pub fn fold_header(header: &str) -> String {
    header
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            let c = super::role::base_letter(c);
            c.is_ascii_alphanumeric().then_some(c)
        })
        .collect()
}

/// The headers French, English and Dutch office files use for each column
/// (already folded).
const SYNONYMS: &[(&[&str], Target)] = &[
    (
        &[
            "email",
            "mail",
            "courriel",
            "adresseemail",
            "adressemail",
            "adressecourriel",
            "emailaddress",
            "emailadres",
            "mailadres",
        ],
        Target::Email,
    ),
    (
        &["firstname", "prenom", "givenname", "voornaam"],
        Target::FirstName,
    ),
    (
        &[
            "lastname",
            "nom",
            "nomdefamille",
            "surname",
            "familyname",
            "achternaam",
        ],
        Target::LastName,
    ),
    (
        &["language", "langue", "lang", "taal", "locale"],
        Target::Language,
    ),
    (
        &["groups", "group", "groupes", "groupe", "groepen", "groep"],
        Target::Groups,
    ),
    (&["roles", "role", "rollen", "rol"], Target::Roles),
    (
        &[
            "admin",
            "platformadmin",
            "administrateurplateforme",
            "administrateur",
            "platformbeheerder",
        ],
        Target::Admin,
    ),
    (
        &[
            "type",
            "accounttype",
            "typedecompte",
            "typecompte",
            "accountsoort",
        ],
        Target::AccountType,
    ),
    (
        &[
            "deletiondate",
            "datedesuppression",
            "suppression",
            "suppressionautomatique",
            "verwijderdatum",
            "deleteon",
        ],
        Target::DeletionDate,
    ),
];

/// The column a header names, if any: a known column by any of its usual
/// headers, or a custom field by key or by any of its labels.
pub fn recognise(header: &str, fields: &[FieldDef]) -> Option<Target> {
    let folded = fold_header(header);
    if folded.is_empty() {
        return None;
    }
    if let Some((_, target)) = SYNONYMS
        .iter()
        .find(|(names, _)| names.contains(&folded.as_str()))
    {
        return Some(target.clone());
    }
    fields
        .iter()
        .find(|f| {
            fold_header(&f.key) == folded
                || f.labels
                    .iter()
                    .any(|(_, label)| fold_header(label) == folded)
        })
        .map(|f| Target::Custom(f.key.clone()))
}

/// Each column's target as recognised; a target claimed twice keeps its
/// first column (the admin re-maps the other if they meant it).
pub fn auto_map(header: &[String], fields: &[FieldDef]) -> Vec<Option<Target>> {
    let mut taken: Vec<Target> = Vec::new();
    header
        .iter()
        .map(|h| {
            let target = recognise(h, fields)?;
            if taken.contains(&target) {
                return None;
            }
            taken.push(target.clone());
            Some(target)
        })
        .collect()
}

/// `TRUE/FALSE`, `VRAI/FAUX`, `oui/non`, `yes/no`, `ja/nee`, `1/0`, `x`.
pub fn parse_bool(raw: &str) -> Option<bool> {
    match fold_header(raw).as_str() {
        "true" | "vrai" | "oui" | "yes" | "y" | "o" | "ja" | "j" | "waar" | "1" | "x" => Some(true),
        "false" | "faux" | "non" | "no" | "n" | "nee" | "onwaar" | "0" => Some(false),
        _ => None,
    }
}

/// A date as `YYYY-MM-DD`: ISO, `dd/mm/yyyy` (also with `-` or `.`), or an
/// Excel serial number (days since 1899-12-30, what a date cell holds when
/// its format is lost).
pub fn parse_date(raw: &str) -> Option<String> {
    let value = raw.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && value.len() <= 6 {
        let serial: i64 = value.parse().ok()?;
        // 1 = 1900-01-01 … 2958465 = 9999-12-31; Excel's phantom 1900-02-29
        // (serial 60) makes earlier serials one day off, and nobody
        // schedules a deletion before 1900-03-01.
        if !(61..=2_958_465).contains(&serial) {
            return None;
        }
        let date = time::Date::from_julian_day(2_415_019 + serial as i32).ok()?;
        return Some(format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        ));
    }
    custom_field::parse_date(&value.replace('.', "/"))
}

/// The UTC midnight starting a `YYYY-MM-DD` date, in milliseconds.
pub fn date_to_ms(iso: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(iso, format).ok()?;
    let instant = time::PrimitiveDateTime::new(date, time::Time::MIDNIGHT).assume_utc();
    Some((instant.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// `fr`, `en`, `nl-BE`, `fr_FR`, or the language's name in one of ours.
pub fn parse_language(raw: &str) -> Option<Lang> {
    if let Some(lang) = Lang::parse(raw) {
        return Some(lang);
    }
    match fold_header(raw).as_str() {
        "francais" | "french" | "frans" => Some(Lang::Fr),
        "anglais" | "english" | "engels" => Some(Lang::En),
        "neerlandais" | "dutch" | "nederlands" | "flamand" | "vlaams" => Some(Lang::Nl),
        _ => None,
    }
}

/// `member` / `membre` / `lid`, `guest` / `invité` / `gast`.
pub fn parse_account_type(raw: &str) -> Option<AccountType> {
    match fold_header(raw).as_str() {
        "member" | "membre" | "lid" => Some(AccountType::Member),
        "guest" | "invite" | "gast" => Some(AccountType::Guest),
        _ => None,
    }
}

/// Several values in one cell: `;`, `,`, `|` or line breaks between them.
fn split_cell(raw: &str) -> impl Iterator<Item = &str> {
    raw.split([';', ',', '|', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Roles in one cell; the first unknown one is the error.
pub fn parse_roles(raw: &str) -> Result<Vec<GroupRole>, String> {
    let mut roles = Vec::new();
    for part in split_cell(raw) {
        let role = GroupRole::parse(part).ok_or_else(|| part.to_owned())?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(roles)
}

/// Group names or paths in one cell (`Acme › Ventes; Support`); a path
/// separates its parts with `›`, `>` or `/`.
pub fn split_groups(raw: &str) -> Vec<Vec<String>> {
    raw.split([';', '|', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|spec| {
            spec.split(['›', '>', '/'])
                .map(|p| p.trim().to_lowercase())
                .filter(|p| !p.is_empty())
                .collect()
        })
        .collect()
}

/// Finds the group a name or path means among `paths` (each group's path
/// from its root, lower-cased): the path must end the group's own. One
/// match or none; a name several groups share must be given as a path.
pub fn resolve_group(
    spec: &[String],
    paths: &[(GroupId, Vec<String>)],
) -> Result<GroupId, GroupProblem> {
    let mut found = paths
        .iter()
        .filter(|(_, path)| !spec.is_empty() && path.ends_with(spec))
        .map(|(id, _)| *id);
    match (found.next(), found.next()) {
        (Some(id), None) => Ok(id),
        (Some(_), Some(_)) => Err(GroupProblem::Ambiguous),
        _ => Err(GroupProblem::Unknown),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupProblem {
    Unknown,
    Ambiguous,
}

/// Why a row cannot be done, in words the preview and the report show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    MissingEmail,
    InvalidEmail(EmailError),
    UnknownLanguage(String),
    UnknownRole(String),
    BadBool(String),
    UnknownType(String),
    BadDate(String),
    DeletionInPast,
    /// A group the admin cannot see or that does not exist: the same
    /// words, so the file cannot probe other scopes.
    UnknownGroup(String),
    AmbiguousGroup(String),
    NoGroup,
    NoRole,
    RoleNotAllowed(GroupRole),
    /// `admin` set by someone who is not a platform admin.
    AdminRefused,
    GuestRole(Vec<GroupRole>),
    GuestAdmin,
    /// "Create or update" would make a guest of someone holding these
    /// roles, which a guest cannot hold.
    GuestHeldRoles(Vec<GroupRole>),
    NamesMissing,
    NameInvalid,
    Field(String, FieldError),
    OwnAccount,
    /// An account the admin does not reach uses the address.
    AddressInUse,
    NoSeat,
    /// A rule of the door refused the row at the write (the panels' own
    /// message).
    Refused(crate::i18n::Msg),
}

/// What will be done with a row (preview) or was done (report).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Invite,
    Create,
    /// An account matched by address: the named columns change, and new
    /// groups and roles are added.
    Update(Vec<Target>),
    AddToGroups,
    Merge,
    AlreadyInvited,
    UpToDate,
    /// Skipped: the same address as the row on that line.
    Duplicate(usize),
    Error(Vec<RowProblem>),
}

impl Verdict {
    /// The filter and counter a verdict falls under.
    pub fn kind(&self) -> VerdictKind {
        match self {
            Verdict::Invite => VerdictKind::Invite,
            Verdict::Create => VerdictKind::Create,
            Verdict::Update(_) => VerdictKind::Update,
            Verdict::AddToGroups => VerdictKind::AddToGroups,
            Verdict::Merge => VerdictKind::Merge,
            Verdict::AlreadyInvited | Verdict::UpToDate => VerdictKind::Unchanged,
            Verdict::Duplicate(_) => VerdictKind::Duplicate,
            Verdict::Error(_) => VerdictKind::Error,
        }
    }

    /// Whether the commit writes something for this row.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Verdict::Invite
                | Verdict::Create
                | Verdict::Update(_)
                | Verdict::AddToGroups
                | Verdict::Merge
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VerdictKind {
    Invite,
    Create,
    Update,
    AddToGroups,
    Merge,
    Unchanged,
    Duplicate,
    Error,
}

impl VerdictKind {
    pub const ALL: [VerdictKind; 8] = [
        VerdictKind::Invite,
        VerdictKind::Create,
        VerdictKind::Update,
        VerdictKind::AddToGroups,
        VerdictKind::Merge,
        VerdictKind::Unchanged,
        VerdictKind::Duplicate,
        VerdictKind::Error,
    ];

    pub fn code(self) -> &'static str {
        match self {
            VerdictKind::Invite => "invite",
            VerdictKind::Create => "create",
            VerdictKind::Update => "update",
            VerdictKind::AddToGroups => "add",
            VerdictKind::Merge => "merge",
            VerdictKind::Unchanged => "unchanged",
            VerdictKind::Duplicate => "duplicate",
            VerdictKind::Error => "error",
        }
    }

    pub fn parse(code: &str) -> Option<VerdictKind> {
        VerdictKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// invite (mails with links) / create (active at once) / create or update.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    #[default]
    Invite,
    Create,
    CreateOrUpdate,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Invite, Mode::Create, Mode::CreateOrUpdate];

    pub fn code(self) -> &'static str {
        match self {
            Mode::Invite => "invite",
            Mode::Create => "create",
            Mode::CreateOrUpdate => "create_or_update",
        }
    }

    pub fn parse(code: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// What the wizard sets for every row; a value in the file wins.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Defaults {
    pub language: Lang,
    pub roles: Vec<GroupRole>,
    pub groups: Vec<GroupId>,
    pub account_type: AccountType,
    /// `YYYY-MM-DD`.
    pub deletion_date: Option<String>,
    pub custom: HashMap<String, String>,
    pub message: String,
    /// Create modes: mail a set-password link to each new account.
    pub send_credentials: bool,
}

/// A row once read and checked, defaults applied: what the service asks
/// the database about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowAsk {
    pub email: Email,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub language: Lang,
    pub grants: Vec<(GroupId, GroupRole)>,
    pub platform_admin: bool,
    pub account_type: AccountType,
    pub deletion_at: Option<i64>,
    /// Canonical custom values by key (blank ones left out).
    pub custom: Vec<(String, String)>,
    /// The columns the file gave for this row (an update changes only those).
    pub given: Vec<Target>,
}

/// What reading a row needs besides its cells.
pub struct RowContext<'a> {
    pub mapping: &'a [Option<Target>],
    pub defaults: &'a Defaults,
    pub fields: &'a [FieldDef],
    /// Every group the actor may import into, with its lower-cased path.
    pub groups: &'a [(GroupId, Vec<String>)],
    pub actor: &'a policy::Actor,
    pub tree: &'a GroupTree,
    pub mode: Mode,
    pub now: i64,
}

/// Reads one row: every cell checked, every problem said at once.
pub fn read_row(cells: &[String], cx: &RowContext<'_>) -> Result<RowAsk, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let cell = |target: &Target| -> Option<&str> {
        cx.mapping
            .iter()
            .position(|t| t.as_ref() == Some(target))
            .and_then(|i| cells.get(i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    };
    let given: Vec<Target> = cx
        .mapping
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let t = t.as_ref()?;
            cells
                .get(i)
                .filter(|c| !c.trim().is_empty())
                .map(|_| t.clone())
        })
        .collect();

    let email = match cell(&Target::Email) {
        None => {
            problems.push(RowProblem::MissingEmail);
            None
        }
        Some(raw) => Email::parse(raw)
            .map_err(|e| problems.push(RowProblem::InvalidEmail(e)))
            .ok(),
    };
    let first_name = cell(&Target::FirstName).map(str::to_owned);
    let last_name = cell(&Target::LastName).map(str::to_owned);
    for name in [&first_name, &last_name].into_iter().flatten() {
        if super::person_name::PersonName::parse(name).is_err() {
            problems.push(RowProblem::NameInvalid);
            break;
        }
    }
    if cx.mode != Mode::Invite && (first_name.is_none() || last_name.is_none()) {
        // An update keeps the names it has; a creation needs both.
        if cx.mode == Mode::Create {
            problems.push(RowProblem::NamesMissing);
        }
    }
    let language = match cell(&Target::Language) {
        None => cx.defaults.language,
        Some(raw) => parse_language(raw).unwrap_or_else(|| {
            problems.push(RowProblem::UnknownLanguage(raw.to_owned()));
            cx.defaults.language
        }),
    };
    let roles = match cell(&Target::Roles) {
        None => cx.defaults.roles.clone(),
        Some(raw) => parse_roles(raw).unwrap_or_else(|unknown| {
            problems.push(RowProblem::UnknownRole(unknown));
            Vec::new()
        }),
    };
    let groups = match cell(&Target::Groups) {
        None => cx.defaults.groups.clone(),
        Some(raw) => {
            let mut ids = Vec::new();
            for spec in split_groups(raw) {
                match resolve_group(&spec, cx.groups) {
                    Ok(id) if !ids.contains(&id) => ids.push(id),
                    Ok(_) => {}
                    Err(GroupProblem::Unknown) => {
                        problems.push(RowProblem::UnknownGroup(spec.join(" › ")))
                    }
                    Err(GroupProblem::Ambiguous) => {
                        problems.push(RowProblem::AmbiguousGroup(spec.join(" › ")))
                    }
                }
            }
            ids
        }
    };
    let platform_admin = match cell(&Target::Admin) {
        None => false,
        Some(raw) => parse_bool(raw).unwrap_or_else(|| {
            problems.push(RowProblem::BadBool(raw.to_owned()));
            false
        }),
    };
    let account_type = match cell(&Target::AccountType) {
        None => cx.defaults.account_type,
        Some(raw) => parse_account_type(raw).unwrap_or_else(|| {
            problems.push(RowProblem::UnknownType(raw.to_owned()));
            cx.defaults.account_type
        }),
    };
    let deletion = match cell(&Target::DeletionDate) {
        None => cx.defaults.deletion_date.clone(),
        Some(raw) => parse_date(raw).or_else(|| {
            problems.push(RowProblem::BadDate(raw.to_owned()));
            None
        }),
    };
    let deletion_at = deletion.as_deref().and_then(date_to_ms);
    if deletion_at.is_some_and(|at| at <= cx.now) {
        problems.push(RowProblem::DeletionInPast);
    }
    let mut custom = Vec::new();
    for def in cx.fields {
        let target = Target::Custom(def.key.clone());
        let raw = cell(&target).or(cx.defaults.custom.get(&def.key).map(String::as_str));
        match custom_field::check_value(def, raw.unwrap_or("")) {
            Ok(Some(value)) => custom.push((def.key.clone(), value)),
            Ok(None) => {}
            // A required field left blank blocks a creation only: an
            // invitation or an update keeps what the person has.
            Err(FieldError::Required) if cx.mode == Mode::Invite => {}
            Err(e) => problems.push(RowProblem::Field(def.key.clone(), e)),
        }
    }

    // The policy, row by row: the panels' rules for the groups and roles
    // this row asks.
    let group_named_wrong = problems.iter().any(|p| {
        matches!(
            p,
            RowProblem::UnknownGroup(_) | RowProblem::AmbiguousGroup(_)
        )
    });
    if groups.is_empty() && !group_named_wrong {
        problems.push(RowProblem::NoGroup);
    } else if !groups.is_empty() && roles.is_empty() {
        problems.push(RowProblem::NoRole);
    }
    let mut grants = Vec::new();
    for &group in &groups {
        for &role in &roles {
            if !policy::may_grant(cx.actor, cx.tree, group, role) {
                if !problems.contains(&RowProblem::RoleNotAllowed(role)) {
                    problems.push(RowProblem::RoleNotAllowed(role));
                }
                continue;
            }
            grants.push((group, role));
        }
    }
    if platform_admin && !policy::may_grant_platform_admin(cx.actor) {
        problems.push(RowProblem::AdminRefused);
    }
    let beyond = policy::roles_not_held_by(account_type, &roles);
    if !beyond.is_empty() {
        problems.push(RowProblem::GuestRole(beyond));
    }
    if platform_admin && !policy::may_be_platform_admin(account_type) {
        problems.push(RowProblem::GuestAdmin);
    }
    match email {
        Some(email) if problems.is_empty() => Ok(RowAsk {
            email,
            first_name,
            last_name,
            language,
            grants,
            platform_admin,
            account_type,
            deletion_at,
            custom,
            given,
        }),
        _ => Err(problems),
    }
}

/// What the database knows of a row's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Known {
    Nothing,
    Pending {
        held: Vec<(GroupId, GroupRole)>,
        /// Whether the invitation already carries this row's options.
        same_options: bool,
    },
    Account {
        own: bool,
        /// The admin reaches the whole account (may change its profile).
        whole: bool,
        /// The admin reaches some membership or may add to groups.
        visible: bool,
        account_type: AccountType,
        platform_admin: bool,
        held: Vec<(GroupId, GroupRole)>,
        /// The columns whose value differs from the account's.
        differs: Vec<Target>,
    },
}

/// The verdict of a row read well, once the database is known. Re-running
/// the same file finds everything done: "already invited", "up to date".
pub fn decide(mode: Mode, ask: &RowAsk, known: &Known) -> Verdict {
    let new_grants = |held: &[(GroupId, GroupRole)]| ask.grants.iter().any(|g| !held.contains(g));
    match known {
        Known::Nothing if mode == Mode::Invite => Verdict::Invite,
        Known::Nothing => Verdict::Create,
        Known::Pending { held, same_options } => {
            if new_grants(held) || (mode == Mode::Invite && !same_options) {
                Verdict::Merge
            } else {
                Verdict::AlreadyInvited
            }
        }
        Known::Account {
            own,
            whole,
            visible,
            account_type,
            platform_admin,
            held,
            differs,
        } => {
            if *own {
                return Verdict::Error(vec![RowProblem::OwnAccount]);
            }
            // "Create or update" may change the type the file names; the
            // new roles are then checked against the type the account
            // will have.
            let converts = mode == Mode::CreateOrUpdate && differs.contains(&Target::AccountType);
            let becomes = if converts {
                ask.account_type
            } else {
                *account_type
            };
            let beyond = policy::roles_not_held_by(
                becomes,
                &ask.grants.iter().map(|(_, r)| *r).collect::<Vec<_>>(),
            );
            if !beyond.is_empty() {
                return Verdict::Error(vec![RowProblem::GuestRole(beyond)]);
            }
            if converts && !policy::may_be_platform_admin(becomes) && *platform_admin {
                return Verdict::Error(vec![RowProblem::GuestAdmin]);
            }
            // An import only adds: the roles a guest cannot hold are not
            // removed for it (the user's page does that, confirmed).
            let kept = policy::roles_not_held_by(
                becomes,
                &held.iter().map(|(_, r)| *r).collect::<Vec<_>>(),
            );
            if converts && !kept.is_empty() {
                return Verdict::Error(vec![RowProblem::GuestHeldRoles(kept)]);
            }
            let updates = mode == Mode::CreateOrUpdate && !differs.is_empty();
            if updates && !whole {
                return Verdict::Error(vec![RowProblem::AddressInUse]);
            }
            if updates {
                Verdict::Update(differs.clone())
            } else if new_grants(held) {
                // Adding to one's groups needs no reach over the account:
                // the panels do the same for an address in use.
                let _ = visible;
                Verdict::AddToGroups
            } else {
                Verdict::UpToDate
            }
        }
    }
}

/// The address as duplicates are found: case and spaces ignored.
pub fn duplicate_key(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::custom_field::{FieldType, Labels};
    use crate::domain::{FieldId, GroupNode, UserId, Visibility};
    use proptest::prelude::*;

    fn field(key: &str, label: &str, field_type: FieldType) -> FieldDef {
        let mut labels = Labels::default();
        labels.set(Lang::Fr, label);
        FieldDef {
            id: FieldId(1),
            key: key.into(),
            labels,
            field_type,
            choices: vec![],
            required: false,
        }
    }

    #[test]
    fn headers_are_recognised_in_french_english_and_dutch_whatever_case_and_accents() {
        let fields = [field("matricule", "Numéro d'employé", FieldType::Text)];
        for (header, target) in [
            ("email", Target::Email),
            ("E-mail", Target::Email),
            ("Courriel", Target::Email),
            ("Adresse e-mail", Target::Email),
            ("ADRESSE EMAIL", Target::Email),
            ("Prénom", Target::FirstName),
            ("prenom", Target::FirstName),
            ("first_name", Target::FirstName),
            ("Nom", Target::LastName),
            ("Last name", Target::LastName),
            ("Langue", Target::Language),
            ("Groupes", Target::Groups),
            ("Rôles", Target::Roles),
            ("Type de compte", Target::AccountType),
            ("Date de suppression", Target::DeletionDate),
            ("matricule", Target::Custom("matricule".into())),
            ("numero d'employe", Target::Custom("matricule".into())),
        ] {
            assert_eq!(recognise(header, &fields), Some(target), "{header}");
        }
        assert_eq!(recognise("Remarques", &fields), None);
        assert_eq!(recognise("", &fields), None);
    }

    #[test]
    fn a_column_claimed_twice_keeps_the_first() {
        let header = vec!["Courriel".to_owned(), "E-mail".to_owned(), "Nom".to_owned()];
        assert_eq!(
            auto_map(&header, &[]),
            vec![Some(Target::Email), None, Some(Target::LastName)]
        );
    }

    #[test]
    fn booleans_read_in_three_languages() {
        for yes in ["TRUE", "vrai", "Oui", "yes", "1", "ja", "waar"] {
            assert_eq!(parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["FALSE", "Faux", "non", "no", "0", "nee", "onwaar"] {
            assert_eq!(parse_bool(no), Some(false), "{no}");
        }
        assert_eq!(parse_bool("peut-être"), None);
    }

    #[test]
    fn dates_read_as_iso_french_and_excel_serials() {
        assert_eq!(parse_date("2027-03-01").as_deref(), Some("2027-03-01"));
        assert_eq!(parse_date("01/03/2027").as_deref(), Some("2027-03-01"));
        assert_eq!(parse_date("1.3.2027").as_deref(), Some("2027-03-01"));
        // 46447 is 2027-03-01 in Excel's 1900 date system.
        assert_eq!(parse_date("46447").as_deref(), Some("2027-03-01"));
        assert_eq!(parse_date("31/02/2027"), None);
        assert_eq!(parse_date("demain"), None);
        assert_eq!(date_to_ms("1970-01-02"), Some(86_400_000));
    }

    #[test]
    fn languages_types_and_roles_read_leniently() {
        assert_eq!(parse_language("nl-BE"), Some(Lang::Nl));
        assert_eq!(parse_language("Français"), Some(Lang::Fr));
        assert_eq!(parse_language("klingon"), None);
        assert_eq!(parse_account_type("Invité"), Some(AccountType::Guest));
        assert_eq!(parse_account_type("membre"), Some(AccountType::Member));
        assert_eq!(
            parse_roles("Apprenant; animateur"),
            Ok(vec![GroupRole::Learner, GroupRole::Trainer])
        );
        assert_eq!(parse_roles("learner, chef"), Err("chef".into()));
    }

    fn sample() -> (GroupTree, Vec<(GroupId, Vec<String>)>) {
        let node = |id, parent: Option<i64>, visibility| GroupNode {
            id: GroupId(id),
            parent: parent.map(GroupId),
            visibility,
        };
        let tree = GroupTree::new([
            node(1, None, Visibility::Private),
            node(2, Some(1), Visibility::Public),
            node(3, Some(2), Visibility::Public),
            node(4, Some(1), Visibility::Private),
            node(5, Some(4), Visibility::Private),
        ]);
        let paths = vec![
            (GroupId(1), vec!["acme".into()]),
            (GroupId(2), vec!["acme".into(), "ventes".into()]),
            (
                GroupId(3),
                vec!["acme".into(), "ventes".into(), "paris".into()],
            ),
            (GroupId(4), vec!["acme".into(), "support".into()]),
            (
                GroupId(5),
                vec!["acme".into(), "support".into(), "paris".into()],
            ),
        ];
        (tree, paths)
    }

    #[test]
    fn groups_resolve_by_name_or_path_and_a_shared_name_needs_its_path() {
        let (_, paths) = sample();
        let one = |s: &str| split_groups(s).remove(0);
        assert_eq!(resolve_group(&one("Ventes"), &paths), Ok(GroupId(2)));
        assert_eq!(
            resolve_group(&one("Acme › Ventes › Paris"), &paths),
            Ok(GroupId(3))
        );
        assert_eq!(resolve_group(&one("support/paris"), &paths), Ok(GroupId(5)));
        assert_eq!(
            resolve_group(&one("Paris"), &paths),
            Err(GroupProblem::Ambiguous)
        );
        assert_eq!(
            resolve_group(&one("Lyon"), &paths),
            Err(GroupProblem::Unknown)
        );
        assert_eq!(split_groups("Ventes; Acme > Support").len(), 2);
    }

    fn context<'a>(
        mapping: &'a [Option<Target>],
        defaults: &'a Defaults,
        actor: &'a policy::Actor,
        tree: &'a GroupTree,
        paths: &'a [(GroupId, Vec<String>)],
        mode: Mode,
    ) -> RowContext<'a> {
        RowContext {
            mapping,
            defaults,
            fields: &[],
            groups: paths,
            actor,
            tree,
            mode,
            now: 0,
        }
    }

    fn cells(values: &[&str]) -> Vec<String> {
        values.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_value_in_the_file_overrides_the_default_and_a_blank_takes_it() {
        let (tree, paths) = sample();
        let admin = policy::Actor {
            user_id: UserId(1),
            platform_admin: true,
            roles: vec![],
        };
        let defaults = Defaults {
            language: Lang::Fr,
            roles: vec![GroupRole::Learner],
            groups: vec![GroupId(3)],
            ..Default::default()
        };
        let mapping = [
            Some(Target::Email),
            Some(Target::Language),
            Some(Target::Groups),
        ];
        let cx = context(&mapping, &defaults, &admin, &tree, &paths, Mode::Invite);
        let row = read_row(&cells(&["Marie@Exemple.fr", "en", "Support"]), &cx).unwrap();
        assert_eq!(row.email.as_str(), "marie@exemple.fr");
        assert_eq!(row.language, Lang::En);
        assert_eq!(row.grants, vec![(GroupId(4), GroupRole::Learner)]);
        let row = read_row(&cells(&["jean@exemple.fr", "", ""]), &cx).unwrap();
        assert_eq!(row.language, Lang::Fr);
        assert_eq!(row.grants, vec![(GroupId(3), GroupRole::Learner)]);
    }

    #[test]
    fn every_problem_of_a_row_is_said_at_once() {
        let (tree, paths) = sample();
        let admin = policy::Actor {
            user_id: UserId(1),
            platform_admin: true,
            roles: vec![],
        };
        let defaults = Defaults::default();
        let mapping = [
            Some(Target::Email),
            Some(Target::Language),
            Some(Target::Groups),
            Some(Target::Roles),
            Some(Target::DeletionDate),
        ];
        let cx = context(&mapping, &defaults, &admin, &tree, &paths, Mode::Invite);
        let problems =
            read_row(&cells(&["marie@", "xx", "Lyon", "learner", "bientôt"]), &cx).unwrap_err();
        assert!(problems.contains(&RowProblem::InvalidEmail(EmailError::EmptyDomain)));
        assert!(problems.contains(&RowProblem::UnknownLanguage("xx".into())));
        assert!(problems.contains(&RowProblem::UnknownGroup("lyon".into())));
        assert!(problems.contains(&RowProblem::BadDate("bientôt".into())));
    }

    #[test]
    fn a_user_admin_cannot_grant_admin_roles_nor_the_platform_flag_by_file() {
        let (tree, paths) = sample();
        let user_admin = policy::Actor {
            user_id: UserId(7),
            platform_admin: false,
            roles: vec![(GroupId(2), GroupRole::UserAdmin)],
        };
        let defaults = Defaults {
            groups: vec![GroupId(3)],
            ..Default::default()
        };
        let mapping = [
            Some(Target::Email),
            Some(Target::Roles),
            Some(Target::Admin),
        ];
        let cx = context(
            &mapping,
            &defaults,
            &user_admin,
            &tree,
            &paths,
            Mode::Invite,
        );
        let problems = read_row(&cells(&["a@exemple.fr", "group admin", "oui"]), &cx).unwrap_err();
        assert!(problems.contains(&RowProblem::RoleNotAllowed(GroupRole::GroupAdmin)));
        assert!(problems.contains(&RowProblem::AdminRefused));
        let ok = read_row(&cells(&["a@exemple.fr", "apprenant", "non"]), &cx).unwrap();
        assert_eq!(ok.grants, vec![(GroupId(3), GroupRole::Learner)]);
    }

    #[test]
    fn a_guest_row_with_a_trainer_role_is_refused() {
        let (tree, paths) = sample();
        let admin = policy::Actor {
            user_id: UserId(1),
            platform_admin: true,
            roles: vec![],
        };
        let defaults = Defaults {
            groups: vec![GroupId(3)],
            ..Default::default()
        };
        let mapping = [
            Some(Target::Email),
            Some(Target::Roles),
            Some(Target::AccountType),
        ];
        let cx = context(&mapping, &defaults, &admin, &tree, &paths, Mode::Create);
        let problems = read_row(&cells(&["a@exemple.fr", "animateur", "invité"]), &cx).unwrap_err();
        assert!(problems.contains(&RowProblem::GuestRole(vec![GroupRole::Trainer])));
        assert!(problems.contains(&RowProblem::NamesMissing));
    }

    fn ask(grants: Vec<(GroupId, GroupRole)>) -> RowAsk {
        RowAsk {
            email: Email::parse("a@exemple.fr").unwrap(),
            first_name: None,
            last_name: None,
            language: Lang::Fr,
            grants,
            platform_admin: false,
            account_type: AccountType::Member,
            deletion_at: None,
            custom: vec![],
            given: vec![],
        }
    }

    #[test]
    fn a_second_run_of_the_same_rows_finds_them_done() {
        let g = (GroupId(3), GroupRole::Learner);
        let row = ask(vec![g]);
        assert_eq!(decide(Mode::Invite, &row, &Known::Nothing), Verdict::Invite);
        let pending = Known::Pending {
            held: vec![g],
            same_options: true,
        };
        assert_eq!(
            decide(Mode::Invite, &row, &pending),
            Verdict::AlreadyInvited
        );
        let account = Known::Account {
            own: false,
            whole: true,
            visible: true,
            account_type: AccountType::Member,
            platform_admin: false,
            held: vec![g],
            differs: vec![],
        };
        assert_eq!(decide(Mode::Create, &row, &account), Verdict::UpToDate);
        assert_eq!(
            decide(Mode::CreateOrUpdate, &row, &account),
            Verdict::UpToDate
        );
        let trainer = ask(vec![g, (GroupId(3), GroupRole::Trainer)]);
        assert_eq!(decide(Mode::Invite, &trainer, &pending), Verdict::Merge);
        assert_eq!(
            decide(Mode::Create, &trainer, &account),
            Verdict::AddToGroups
        );
    }

    #[test]
    fn an_update_needs_the_whole_account_and_never_touches_ones_own() {
        let row = ask(vec![]);
        let account = |whole, own| Known::Account {
            own,
            whole,
            visible: true,
            account_type: AccountType::Member,
            platform_admin: false,
            held: vec![],
            differs: vec![Target::LastName],
        };
        assert_eq!(
            decide(Mode::CreateOrUpdate, &row, &account(true, false)),
            Verdict::Update(vec![Target::LastName])
        );
        assert_eq!(
            decide(Mode::CreateOrUpdate, &row, &account(false, false)),
            Verdict::Error(vec![RowProblem::AddressInUse])
        );
        assert_eq!(
            decide(Mode::CreateOrUpdate, &row, &account(true, true)),
            Verdict::Error(vec![RowProblem::OwnAccount])
        );
    }

    #[test]
    fn create_or_update_changes_the_type_within_the_guest_rules() {
        let g = |role| (GroupId(3), role);
        let account =
            |account_type, platform_admin, held: Vec<(GroupId, GroupRole)>| Known::Account {
                own: false,
                whole: true,
                visible: true,
                account_type,
                platform_admin,
                held,
                differs: vec![Target::AccountType],
            };
        let guest_row = |grants| RowAsk {
            account_type: AccountType::Guest,
            given: vec![Target::AccountType],
            ..ask(grants)
        };
        let learner = vec![g(GroupRole::Learner)];
        assert_eq!(
            decide(
                Mode::CreateOrUpdate,
                &guest_row(learner.clone()),
                &account(AccountType::Member, false, learner.clone())
            ),
            Verdict::Update(vec![Target::AccountType])
        );
        assert_eq!(
            decide(
                Mode::CreateOrUpdate,
                &guest_row(vec![]),
                &account(AccountType::Member, false, vec![g(GroupRole::Trainer)])
            ),
            Verdict::Error(vec![RowProblem::GuestHeldRoles(vec![GroupRole::Trainer])])
        );
        assert_eq!(
            decide(
                Mode::CreateOrUpdate,
                &guest_row(vec![]),
                &account(AccountType::Member, true, vec![])
            ),
            Verdict::Error(vec![RowProblem::GuestAdmin])
        );
        // A guest becoming a member may receive a member's role in the same row.
        let member_row = RowAsk {
            given: vec![Target::AccountType],
            ..ask(vec![g(GroupRole::Trainer)])
        };
        assert_eq!(
            decide(
                Mode::CreateOrUpdate,
                &member_row,
                &account(AccountType::Guest, false, learner.clone())
            ),
            Verdict::Update(vec![Target::AccountType])
        );
        // The other modes never change a type: the guest keeps its rules.
        assert_eq!(
            decide(
                Mode::Create,
                &member_row,
                &account(AccountType::Guest, false, learner)
            ),
            Verdict::Error(vec![RowProblem::GuestRole(vec![GroupRole::Trainer])])
        );
    }

    #[test]
    fn duplicates_ignore_case_and_spaces() {
        assert_eq!(
            duplicate_key(" Marie@Exemple.FR "),
            duplicate_key("marie@exemple.fr")
        );
    }

    proptest! {
        #[test]
        fn target_codes_round_trip(key in "[a-z][a-z0-9_]{0,20}") {
            for t in Target::FIXED.into_iter().chain([Target::Custom(key)]) {
                prop_assert_eq!(Target::from_code(&t.code()), Some(t));
            }
        }

        #[test]
        fn folding_is_idempotent_and_ascii(s in "\\PC{0,40}") {
            let once = fold_header(&s);
            prop_assert!(once.is_ascii());
            prop_assert_eq!(fold_header(&once), once.clone());
        }
    }
}
