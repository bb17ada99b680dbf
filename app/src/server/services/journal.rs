//! The audit log page (`Journal`) and its export: the entries the reader's
//! scope holds (`policy::audit_scope`), filtered, newest first, dates in
//! the reader's zone.

use jiff::tz::TimeZone;
use serde_json::Value;

use crate::contracts::journal::{
    Detail, JOURNAL_COUNT_CAP, JOURNAL_PAGE_SIZE, JournalEntry, JournalPage, JournalQuery,
    PersonRef,
};
use crate::domain::audit::AuditAction;
use crate::domain::policy::{self, AuditScope};
use crate::domain::{AccountType, Email, GroupId, GroupRole, UserId};
use crate::i18n::{Lang, Msg};
use crate::server::error::{AppError, AppResult};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::services::platform;
use crate::server::state::AppState;
use crate::server::store::codec::decode;
use crate::server::store::{Conn, audit, users};
use crate::server::tz;

/// The zone the reader's dates are written in: their browser's, else the
/// platform's.
pub struct Zone {
    pub name: String,
    pub zone: TimeZone,
}

pub async fn reader_zone(conn: &mut Conn, browser: Option<&str>) -> AppResult<Zone> {
    if let Some(name) = browser
        && let Some(zone) = tz::zone(name)
    {
        return Ok(Zone {
            name: name.trim().to_owned(),
            zone,
        });
    }
    let (name, zone) = platform::zone(conn).await?;
    Ok(Zone { name, zone })
}

/// The filters resolved, or why nothing can match.
struct Resolved {
    scope: audit::Scope,
    filter: audit::Filter,
    before: Option<i64>,
    unknown_person: bool,
}

fn store_scope(scope: AuditScope) -> AppResult<audit::Scope> {
    match scope {
        AuditScope::All => Ok(audit::Scope::All),
        AuditScope::Groups(groups) => Ok(audit::Scope::Groups(groups.into_iter().collect())),
        AuditScope::Nothing => Err(AppError::Forbidden),
    }
}

fn typed(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// An account named by address or identifiant; with the address itself
/// (entries about invitations name an address, not an account).
async fn person(conn: &mut Conn, typed: &str) -> AppResult<(Option<UserId>, Option<String>)> {
    if typed.contains('@') {
        let Ok(email) = Email::parse(typed) else {
            return Ok((None, None));
        };
        let user = users::by_email(conn, email.as_str()).await?;
        Ok((user.map(|u| u.id), Some(email.as_str().to_owned())))
    } else {
        let user = users::by_login_name(conn, &typed.to_lowercase()).await?;
        Ok((user.map(|u| u.id), None))
    }
}

async fn resolve(
    conn: &mut Conn,
    me: &CurrentUser,
    dir: &Directory,
    zone: &TimeZone,
    query: &JournalQuery,
) -> AppResult<Resolved> {
    let scope = policy::audit_scope(&me.actor, &dir.tree);
    let in_scope = |group: GroupId| match &scope {
        AuditScope::All => dir.tree.contains(group),
        AuditScope::Groups(groups) => groups.contains(&group),
        AuditScope::Nothing => false,
    };
    let mut filter = audit::Filter::default();
    let mut unknown_person = false;
    if let Some(actor) = typed(&query.actor) {
        match person(conn, actor).await? {
            (Some(user), _) => filter.actor = Some(user),
            _ => unknown_person = true,
        }
    }
    if let Some(target) = typed(&query.person) {
        match person(conn, target).await? {
            (None, None) => unknown_person = true,
            found => filter.person = Some(found),
        }
    }
    if let Some(code) = typed(&query.action) {
        let action = AuditAction::decode(code).ok_or(AppError::Invalid(Msg::ErrJournalAction))?;
        filter.action = Some(action.code().to_owned());
    }
    if let Some(group) = typed(&query.group) {
        let group: GroupId = group
            .parse()
            .ok()
            .filter(|g| in_scope(*g))
            .ok_or(AppError::Invalid(Msg::ErrJournalGroup))?;
        let mut groups = vec![group];
        groups.extend(
            dir.tree
                .descendants(group)
                .into_iter()
                .filter(|g| in_scope(*g)),
        );
        filter.groups = Some(groups);
    }
    if let Some(from) = typed(&query.from) {
        filter.from =
            Some(tz::parse_day(zone, from).ok_or(AppError::Invalid(Msg::ErrJournalDate))?);
    }
    if let Some(to) = typed(&query.to) {
        // Both days included: up to the start of the day after.
        let start = tz::parse_day(zone, to).ok_or(AppError::Invalid(Msg::ErrJournalDate))?;
        filter.until = Some(tz::next_day_start(zone, start));
    }
    if let (Some(from), Some(until)) = (filter.from, filter.until)
        && from >= until
    {
        return Err(AppError::Invalid(Msg::ErrJournalDateOrder));
    }
    if filter.from.is_some() || filter.until.is_some() {
        filter.ids = Some(audit::id_bounds(conn, filter.from, filter.until).await?);
    }
    let before = typed(&query.before).and_then(|b| b.parse::<i64>().ok());
    Ok(Resolved {
        scope: store_scope(scope)?,
        filter,
        before,
        unknown_person,
    })
}

/// One page of the log for this reader.
#[tracing::instrument(name = "journal::page", skip_all, fields(actor = %me.user.id))]
pub async fn page(
    state: &AppState,
    me: &CurrentUser,
    query: JournalQuery,
    browser_zone: Option<&str>,
    directory: &directory::Shared,
) -> AppResult<JournalPage> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    let zone = reader_zone(&mut conn, browser_zone).await?;
    let resolved = resolve(&mut conn, me, &dir, &zone.zone, &query).await?;
    let groups = filter_groups(me, &dir);
    if resolved.unknown_person {
        return Ok(JournalPage {
            entries: Vec::new(),
            older: None,
            total: 0,
            capped: false,
            groups,
            time_zone: zone.name,
            unknown_person: true,
        });
    }
    let mut rows = audit::page(
        &mut conn,
        &resolved.scope,
        &resolved.filter,
        resolved.before,
        JOURNAL_PAGE_SIZE + 1,
    )
    .await?;
    let older = (rows.len() > JOURNAL_PAGE_SIZE).then(|| {
        rows.truncate(JOURNAL_PAGE_SIZE);
        rows.last().map(|r| r.id).unwrap_or_default()
    });
    let counted = audit::count(
        &mut conn,
        &resolved.scope,
        &resolved.filter,
        JOURNAL_COUNT_CAP + 1,
    )
    .await?;
    Ok(JournalPage {
        entries: rows
            .into_iter()
            .map(|r| entry(r, &dir, &zone.zone))
            .collect(),
        older,
        total: counted.min(JOURNAL_COUNT_CAP),
        capped: counted > JOURNAL_COUNT_CAP,
        groups,
        time_zone: zone.name,
        unknown_person: false,
    })
}

/// The groups the reader may filter by, by path.
fn filter_groups(me: &CurrentUser, dir: &Directory) -> Vec<(GroupId, String)> {
    let mut groups: Vec<(GroupId, String)> = match policy::audit_scope(&me.actor, &dir.tree) {
        AuditScope::All => dir.tree.ids().map(|g| (g, dir.path(g))).collect(),
        AuditScope::Groups(groups) => groups.into_iter().map(|g| (g, dir.path(g))).collect(),
        AuditScope::Nothing => Vec::new(),
    };
    groups.sort_by_key(|(_, path)| path.to_lowercase());
    groups
}

fn entry(row: audit::Row, dir: &Directory, zone: &TimeZone) -> JournalEntry {
    let action = AuditAction::decode(&row.action).ok_or(row.action.clone());
    let details: Value = serde_json::from_str(&row.details).unwrap_or(Value::Null);
    let actor = row.actor.map(|named| PersonRef {
        user_id: row.actor_user_id,
        email: named.email.filter(|e| *e != named.name),
        name: named.name,
    });
    // The invitee completing the form has no account yet: they, not the
    // platform, did it.
    let actor = match (&action, actor, &row.target_email) {
        (Ok(AuditAction::InvitationAwaitingSeat), None, Some(email)) => Some(PersonRef {
            user_id: None,
            name: email.clone(),
            email: None,
        }),
        (_, actor, _) => actor,
    };
    let target = match (row.target, row.target_email) {
        (Some(named), _) => Some(PersonRef {
            user_id: row.target_user_id,
            email: named.email.filter(|e| *e != named.name),
            name: named.name,
        }),
        (None, Some(email)) => Some(PersonRef {
            user_id: None,
            name: email,
            email: None,
        }),
        (None, None) => None,
    };
    JournalEntry {
        id: row.id,
        at: tz::local(zone, row.at),
        actor,
        target,
        group: row
            .group_id
            .filter(|g| dir.tree.contains(*g))
            .map(|g| dir.path(g)),
        details: action
            .as_ref()
            .map(|a| read_details(*a, &details, dir, zone))
            .unwrap_or_default(),
        action,
    }
}

fn roles_of(value: &Value) -> Vec<GroupRole> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|r| r.as_str().and_then(|r| decode::<GroupRole>(r).ok()))
                .collect()
        })
        .unwrap_or_default()
}

fn grants_of(value: &Value, dir: &Directory) -> Vec<(String, GroupRole)> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|pair| {
                    let group = GroupId(pair.get(0)?.as_i64()?);
                    let role = decode::<GroupRole>(pair.get(1)?.as_str()?).ok()?;
                    let name = if dir.tree.contains(group) {
                        dir.path(group)
                    } else {
                        format!("#{}", group.0)
                    };
                    Some((name, role))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What the stored JSON says, as facts the page translates. Unknown keys
/// are left out: the details are a help to read the entry, not its proof.
fn read_details(
    action: AuditAction,
    json: &Value,
    dir: &Directory,
    zone: &TimeZone,
) -> Vec<Detail> {
    use AuditAction as A;
    let mut out = Vec::new();
    let get = |key: &str| json.get(key).filter(|v| !v.is_null());
    match action {
        A::MemberRolesChanged | A::MemberRemoved => {
            out.push(Detail::RolesChange {
                from: get("from").map(roles_of).unwrap_or_default(),
                to: get("to").map(roles_of).unwrap_or_default(),
            });
        }
        A::AccountTypeChanged => {
            if let (Some(from), Some(to)) = (
                get("from")
                    .and_then(Value::as_str)
                    .and_then(|t| decode::<AccountType>(t).ok()),
                get("to")
                    .and_then(Value::as_str)
                    .and_then(|t| decode::<AccountType>(t).ok()),
            ) {
                out.push(Detail::TypeChange { from, to });
            }
        }
        A::PlatformDefaultLanguageSet => {
            if let (Some(from), Some(to)) = (
                get("from").and_then(Value::as_str).and_then(Lang::decode),
                get("to").and_then(Value::as_str).and_then(Lang::decode),
            ) {
                out.push(Detail::LanguageChange { from, to });
            }
        }
        A::PlatformSeatLimitSet => out.push(Detail::SeatLimitChange {
            from: get("from").and_then(Value::as_i64),
            to: get("to").and_then(Value::as_i64),
        }),
        A::PlatformTimeZoneSet => out.push(Detail::TextChange {
            from: get("from").and_then(Value::as_str).unwrap_or("").to_owned(),
            to: get("to").and_then(Value::as_str).unwrap_or("").to_owned(),
        }),
        _ => {}
    }
    if let Some(roles) = get("roles").map(roles_of).filter(|r| !r.is_empty()) {
        out.push(Detail::Roles(roles));
    }
    for (key, wrap) in [
        ("grants", Detail::Grants as fn(_) -> Detail),
        ("propagated", Detail::Propagated),
        ("removed", Detail::RolesRemoved),
    ] {
        if let Some(list) = get(key)
            .map(|v| grants_of(v, dir))
            .filter(|l| !l.is_empty())
        {
            out.push(wrap(list));
        }
    }
    if !matches!(action, A::AccountTypeChanged)
        && let Some(kind) = get("account_type")
            .and_then(Value::as_str)
            .and_then(|t| decode::<AccountType>(t).ok())
    {
        out.push(Detail::AccountType(kind));
    }
    if get("platform_admin").and_then(Value::as_bool) == Some(true) {
        out.push(Detail::PlatformAdmin);
    }
    if let (Some(limit), Some(used)) = (
        get("limit").and_then(Value::as_i64),
        get("used").and_then(Value::as_i64),
    ) {
        out.push(Detail::NoSeat { limit, used });
    }
    if let Some(at) = get("deletion_at").and_then(Value::as_i64) {
        out.push(Detail::DeletionDate(tz::local(zone, at)));
    }
    if let Some(name) = get("name").and_then(Value::as_str) {
        out.push(Detail::Name(name.to_owned()));
    }
    if let Some(name) = get("login_name").and_then(Value::as_str) {
        out.push(Detail::LoginName(name.to_owned()));
    }
    if let Some(key) = get("key").and_then(Value::as_str) {
        out.push(Detail::FieldKey(key.to_owned()));
    }
    if get("waited_for_seat").and_then(Value::as_bool) == Some(true) {
        out.push(Detail::WaitedForSeat);
    }
    if get("credentials_mailed").and_then(Value::as_bool) == Some(true) {
        out.push(Detail::CredentialsMailed);
    }
    if let Some(client) = get("client").and_then(Value::as_str) {
        out.push(Detail::Client(client.to_owned()));
    }
    out
}

/// The export: every matching entry (no paging), as CSV lines in chunks,
/// so a million entries stream out without being held in memory.
pub struct Export {
    resolved: Option<Resolved>,
    dir: Directory,
    zone: TimeZone,
    lang: Lang,
}

/// Entries read per chunk of the export.
const EXPORT_CHUNK: usize = 2_000;

impl Export {
    pub async fn open(
        state: &AppState,
        me: &CurrentUser,
        query: JournalQuery,
        browser_zone: Option<&str>,
        lang: Lang,
    ) -> AppResult<Export> {
        let mut conn = state.db.pool.acquire().await?;
        let dir = Directory::load(&mut conn).await?;
        let zone = reader_zone(&mut conn, browser_zone).await?;
        let mut resolved = resolve(&mut conn, me, &dir, &zone.zone, &query).await?;
        resolved.before = None;
        Ok(Export {
            resolved: (!resolved.unknown_person).then_some(resolved),
            dir,
            zone: zone.zone,
            lang,
        })
    }

    pub fn header(&self) -> Vec<String> {
        [
            Msg::JournalWhen,
            Msg::JournalWho,
            Msg::JournalAction,
            Msg::JournalTarget,
            Msg::JournalGroup,
            Msg::JournalDetails,
        ]
        .iter()
        .map(|m| self.lang.t(*m).to_owned())
        .collect()
    }

    /// The next chunk of rows; empty when done.
    pub async fn next_chunk(&mut self, state: &AppState) -> AppResult<Vec<Vec<String>>> {
        let Some(resolved) = self.resolved.as_mut() else {
            return Ok(Vec::new());
        };
        let mut conn = state.db.pool.acquire().await?;
        let rows = audit::page(
            &mut conn,
            &resolved.scope,
            &resolved.filter,
            resolved.before,
            EXPORT_CHUNK,
        )
        .await?;
        match rows.last() {
            Some(last) if rows.len() == EXPORT_CHUNK => resolved.before = Some(last.id),
            _ => self.resolved = None,
        }
        let lang = self.lang;
        Ok(rows
            .into_iter()
            .map(|row| {
                let e = entry(row, &self.dir, &self.zone);
                let person = |p: &Option<PersonRef>| match p {
                    Some(PersonRef {
                        name,
                        email: Some(email),
                        ..
                    }) => format!("{name} <{email}>"),
                    Some(p) => p.name.clone(),
                    None => String::new(),
                };
                vec![
                    crate::i18n::labels::date_time(e.at, lang),
                    person(&e.actor),
                    crate::i18n::labels::action_text(&e.action, lang),
                    person(&e.target),
                    e.group.clone().unwrap_or_default(),
                    e.details
                        .iter()
                        .map(|d| crate::i18n::labels::detail(d, lang))
                        .collect::<Vec<_>>()
                        .join(" · "),
                ]
            })
            .collect())
    }
}
