//! The import wizard: upload a file, map its columns, preview a verdict
//! per row, run it in the background, report what was done.
//!
//! Every row goes through the doors the panels use — `invitations::
//! create_many` / `invite_address` (invite, merge into a pending
//! invitation, add an existing account to groups), `accounts::
//! insert_accounts` (grants with propagation, the seat check, the
//! set-password mail, the audit entry) — after `domain::import::read_row`
//! applied the panels' policy to it. The preview and the run share
//! `evaluate`, so they give the same verdicts.
//!
//! A run is one transaction (a crash leaves nothing of it). New
//! invitations and new accounts are written 500 at a time, each batch in a
//! savepoint; a batch refused by a rule only the write can see (the last
//! seats taken meanwhile) is written again row by row, each row in its own
//! savepoint, so the refused rows are said in the report and the rest goes
//! on. The other rows (merges, updates) are written one by one.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Connection as _;

use crate::contracts::imports::{
    ColumnView, DialectView, ImportHome, ImportStatus, ImportSummary, ImportView, PreviewRow,
    TargetChoice,
};
use crate::domain::audit::AuditAction;
use crate::domain::custom_field::FieldDef;
use crate::domain::import::{
    self as rules, Defaults, Known, Mode, RowAsk, RowContext, RowProblem, Target, Verdict,
    VerdictKind,
};
use crate::domain::policy::{self, AccountReach};
use crate::domain::{AccountType, GroupId, GroupRole, ImportId, InvitationId, UserId};
use crate::i18n::{Lang, Msg};
use crate::server::Backend;
use crate::server::error::{AppError, AppResult};
use crate::server::services::accounts::{NewAccount, insert_account, insert_accounts};
use crate::server::services::auth::CurrentUser;
use crate::server::services::directory::{self, Directory};
use crate::server::services::invitations::{self as invitation_service, Ask, Fresh, MailContext};
use crate::server::services::{account_type, custom_fields, grants, seats};
use crate::server::spreadsheet::{self, Dialect, ReadError, Table};
use crate::server::state::AppState;
use crate::server::store::invitations::InvitationOptions;
use crate::server::store::{
    Conn, audit, custom_fields as field_store, imports, invitations, memberships, users,
};

/// Rows shown per page of the preview and the report.
pub const PAGE_ROWS: usize = 50;
/// How often the instance running an import on PostgreSQL writes its
/// progress and sign of life, outside the run's transaction.
const HEARTBEAT_EVERY: Duration = Duration::from_secs(2);
/// A run silent for this long died with its process (its transaction
/// rolled back, nothing written): it may be started again.
const SILENT_RUN_MS: i64 = 60_000;
/// SQLite holds its one writer for the whole run, so no sign of life can
/// be written meanwhile; being one instance, it fails its interrupted runs
/// at start-up (`fail_interrupted_runs`), and this is only a last resort.
const SQLITE_STALE_RUN_MS: i64 = 60 * 60_000;

/// The instant before which a running import's last sign of life means
/// its process died.
fn stale_before(state: &AppState, now: i64) -> i64 {
    match state.db.backend {
        Backend::Postgres => now - SILENT_RUN_MS,
        Backend::Sqlite => now - SQLITE_STALE_RUN_MS,
    }
}

/// The wizard's choices, kept with the import as JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    pub dialect: Dialect,
    /// One target code per column of the file (`None`: ignored).
    pub mapping: Vec<Option<String>>,
    pub mode: Mode,
    pub defaults: Defaults,
    /// Rows corrected in the preview: row index → its cells.
    pub edits: BTreeMap<usize, Vec<String>>,
}

impl Setup {
    fn targets(&self) -> Vec<Option<Target>> {
        self.mapping
            .iter()
            .map(|code| code.as_deref().and_then(Target::from_code))
            .collect()
    }
}

/// One line of the report: the row, its address and what was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    pub index: usize,
    pub line: usize,
    pub email: String,
    pub verdict: Verdict,
}

pub fn read_error(e: ReadError) -> AppError {
    AppError::Invalid(match e {
        ReadError::TooLarge => Msg::ErrImportTooLarge,
        ReadError::TooManyRows => Msg::ErrImportTooManyRows,
        ReadError::TooManyColumns => Msg::ErrImportTooManyColumns,
        ReadError::Empty => Msg::ErrImportEmpty,
        ReadError::Unsupported => Msg::ErrImportUnsupported,
        ReadError::NotWhatItSays => Msg::ErrImportNotWhatItSays,
        ReadError::Corrupt => Msg::ErrImportCorrupt,
        ReadError::ZipBomb => Msg::ErrImportZipBomb,
        ReadError::SheetNotFound => Msg::ErrImportSheetNotFound,
    })
}

/// Reads the file off the async runtime: a workbook of 100,000 rows is
/// CPU work.
async fn read_table(file_name: String, bytes: Vec<u8>, dialect: Dialect) -> AppResult<Table> {
    tokio::task::spawn_blocking(move || spreadsheet::read(&file_name, &bytes, &dialect))
        .await?
        .map_err(read_error)
}

/// Who may follow an import: whoever may add users to its group (its
/// author included, while they still may).
fn authorize(
    me: &CurrentUser,
    dir: &Directory,
    record: &imports::ImportRecord,
) -> AppResult<GroupId> {
    let group = record.group_id.ok_or(AppError::NotFound)?;
    if !policy::may_import_into(&me.actor, &dir.tree, group) {
        return Err(AppError::NotFound);
    }
    Ok(group)
}

/// Step 2: the file is read, its columns recognised, and the import kept
/// as a draft. Answers its id.
#[tracing::instrument(name = "imports::upload", skip_all, fields(actor = %me.user.id, group = %group_id, bytes = bytes.len()))]
pub async fn upload(
    state: &AppState,
    me: &CurrentUser,
    group_id: GroupId,
    file_name: &str,
    bytes: Vec<u8>,
) -> AppResult<ImportId> {
    {
        let mut conn = state.db.pool.acquire().await?;
        let dir = Directory::load(&mut conn).await?;
        if !policy::may_import_into(&me.actor, &dir.tree, group_id) {
            return Err(AppError::Forbidden);
        }
    }
    if bytes.is_empty() {
        return Err(AppError::Invalid(Msg::ErrImportNoFile));
    }
    let file_name: String = file_name
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let sha = {
        let digest = Sha256::digest(&bytes);
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let table = read_table(file_name.clone(), bytes.clone(), Dialect::default()).await?;
    let mut conn = state.db.pool.acquire().await?;
    let defs = field_store::list(&mut conn).await?;
    let mapping = rules::auto_map(&table.header, &defs)
        .into_iter()
        .map(|t| t.map(|t| t.code()))
        .collect();
    let setup = Setup {
        mapping,
        defaults: Defaults {
            language: me.user.language,
            roles: vec![GroupRole::Learner],
            groups: vec![group_id],
            ..Default::default()
        },
        ..Default::default()
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let id = imports::insert(
        &mut tx,
        &imports::NewImport {
            group_id,
            created_by: me.user.id,
            file_name: &file_name,
            file_sha256: &sha,
            total_rows: table.rows.len() as i64,
            setup: &serde_json::to_string(&setup).map_err(AppError::internal)?,
            content: &bytes,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

struct Loaded {
    record: imports::ImportRecord,
    group: GroupId,
    setup: Setup,
    dir: Directory,
    defs: Vec<FieldDef>,
}

async fn load(conn: &mut Conn, me: &CurrentUser, id: ImportId) -> AppResult<Loaded> {
    let record = imports::by_id(conn, id).await?.ok_or(AppError::NotFound)?;
    let dir = Directory::load(conn).await?;
    let group = authorize(me, &dir, &record)?;
    let setup: Setup = serde_json::from_str(&record.setup).map_err(AppError::internal)?;
    let defs = field_store::list(conn).await?;
    Ok(Loaded {
        record,
        group,
        setup,
        dir,
        defs,
    })
}

async fn file_table(conn: &mut Conn, loaded: &Loaded) -> AppResult<Table> {
    let bytes = imports::content(conn, loaded.record.id)
        .await?
        .ok_or(AppError::NotFound)?;
    read_table(
        loaded.record.file_name.clone(),
        bytes,
        loaded.setup.dialect.clone(),
    )
    .await
}

/// Every group the actor may import into, with its lower-cased path: what
/// a row's `groups` cell may name. A group outside is "unknown", so a file
/// cannot probe the rest of the tree.
fn importable_groups(me: &CurrentUser, dir: &Directory) -> Vec<(GroupId, Vec<String>)> {
    dir.groups
        .iter()
        .filter(|g| policy::may_import_into(&me.actor, &dir.tree, g.id))
        .map(|g| {
            let path = directory::path(&dir.tree, &dir.names, g.id)
                .split(" › ")
                .map(str::to_lowercase)
                .collect();
            (g.id, path)
        })
        .collect()
}

/// What one evaluation found: a verdict per row and, for the rows read
/// well, what they ask.
struct Evaluation {
    lines: Vec<ReportLine>,
    asks: Vec<Option<RowAsk>>,
}

/// The verdict of every row against the database as it stands: read and
/// checked by the domain, duplicates found, then accounts and pending
/// invitations looked up in batches, and the seats counted in file order.
async fn evaluate(
    conn: &mut Conn,
    me: &CurrentUser,
    loaded: &Loaded,
    table: &Table,
    setup: &Setup,
    now: i64,
) -> AppResult<Evaluation> {
    let mapping = setup.targets();
    let groups = importable_groups(me, &loaded.dir);
    let cx = RowContext {
        mapping: &mapping,
        defaults: &setup.defaults,
        fields: &loaded.defs,
        groups: &groups,
        actor: &me.actor,
        tree: &loaded.dir.tree,
        mode: setup.mode,
        now,
    };
    let email_column = mapping.iter().position(|t| t == &Some(Target::Email));
    let mut lines = Vec::with_capacity(table.rows.len());
    let mut asks: Vec<Option<RowAsk>> = Vec::with_capacity(table.rows.len());
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for (index, row) in table.rows.iter().enumerate() {
        let cells = setup.edits.get(&index).unwrap_or(&row.cells);
        let email = email_column
            .and_then(|i| cells.get(i))
            .cloned()
            .unwrap_or_default();
        let (verdict, ask) = match rules::read_row(cells, &cx) {
            Err(problems) => (Verdict::Error(problems), None),
            Ok(ask) => match first_line.get(ask.email.as_str()) {
                Some(&line) => (Verdict::Duplicate(line), None),
                None => {
                    first_line.insert(ask.email.as_str().to_owned(), row.line);
                    // Decided below, once the database is read.
                    (Verdict::Invite, Some(ask))
                }
            },
        };
        lines.push(ReportLine {
            index,
            line: row.line,
            email,
            verdict,
        });
        asks.push(ask);
    }

    let emails: Vec<String> = asks
        .iter()
        .flatten()
        .map(|a| a.email.as_str().to_owned())
        .collect();
    let accounts: HashMap<String, users::UserRecord> = users::by_emails(conn, &emails)
        .await?
        .into_iter()
        .filter_map(|u| Some((u.email.clone()?, u)))
        .collect();
    let account_ids: Vec<UserId> = accounts.values().map(|u| u.id).collect();
    let roles = memberships::roles_of_users(conn, &account_ids).await?;
    let pending: HashMap<String, _> = invitations::pending_by_emails(conn, &emails)
        .await?
        .into_iter()
        .map(|(i, held)| (i.email.clone(), (i, held)))
        .collect();
    let pending_ids: Vec<InvitationId> = pending.values().map(|(i, _)| i.id).collect();
    let pending_values = invitations::custom_values_many(conn, &pending_ids).await?;
    let mut values: HashMap<UserId, Vec<(crate::domain::FieldId, String)>> = HashMap::new();
    if setup.mode == Mode::CreateOrUpdate {
        let mut held = field_store::user_values_many(conn, &account_ids).await?;
        for user in accounts.values() {
            values.insert(user.id, held.remove(&user.id).unwrap_or_default());
        }
    }

    let seat_use = seats::usage(conn).await?;
    let mut seats_taken = seat_use.used;
    for (line, ask) in lines.iter_mut().zip(&asks) {
        let Some(ask) = ask else { continue };
        let known = if let Some(user) = accounts.get(ask.email.as_str()) {
            let held = roles.get(&user.id).cloned().unwrap_or_default();
            let reach = policy::account_reach(
                &me.actor,
                &loaded.dir.tree,
                user.id,
                user.platform_admin,
                &held,
            );
            let differs = differences(ask, user, values.get(&user.id), &loaded.defs);
            Known::Account {
                own: user.id == me.user.id,
                whole: reach == AccountReach::Account,
                visible: reach != AccountReach::None,
                account_type: user.account_type,
                platform_admin: user.platform_admin,
                held,
                differs,
            }
        } else if let Some((invitation, held)) = pending.get(ask.email.as_str()) {
            let custom = custom_json(&loaded.defs, ask);
            let carried = custom_fields_json_equal(
                pending_values
                    .get(&invitation.id)
                    .map_or("{}", String::as_str),
                &custom,
            );
            Known::Pending {
                held: held.clone(),
                same_options: invitation.language == ask.language
                    && invitation.account_type == ask.account_type
                    && invitation.platform_admin == ask.platform_admin
                    && invitation.deletion_at == ask.deletion_at
                    && invitation.message == setup.defaults.message.trim()
                    && carried,
            }
        } else {
            Known::Nothing
        };
        let mut verdict = rules::decide(setup.mode, ask, &known);
        // A creation takes a seat now; an invitation only when accepted;
        // an active guest made a member takes one too. (A member made a
        // guest frees one for the invitees already waiting, not for the
        // rows below.)
        let takes_seat = match &verdict {
            Verdict::Create => true,
            Verdict::Update(fields) => {
                fields.contains(&Target::AccountType)
                    && accounts
                        .get(ask.email.as_str())
                        .is_some_and(|u| u.activated_at.is_some())
            }
            _ => false,
        };
        if takes_seat && ask.account_type.is_billable() {
            if policy::seat_available(seat_use.limit, seats_taken) {
                seats_taken += 1;
            } else {
                verdict = Verdict::Error(vec![RowProblem::NoSeat]);
            }
        }
        line.verdict = verdict;
    }
    Ok(Evaluation { lines, asks })
}

fn custom_fields_json_equal(stored: &str, asked: &Option<String>) -> bool {
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).ok();
    let empty = serde_json::json!({});
    let stored = parse(stored).unwrap_or(empty.clone());
    let asked = asked.as_deref().and_then(parse).unwrap_or(empty);
    stored == asked
}

fn custom_pairs(defs: &[FieldDef], ask: &RowAsk) -> Vec<(crate::domain::FieldId, String)> {
    ask.custom
        .iter()
        .filter_map(|(key, value)| {
            defs.iter()
                .find(|d| &d.key == key)
                .map(|d| (d.id, value.clone()))
        })
        .collect()
}

fn custom_json(defs: &[FieldDef], ask: &RowAsk) -> Option<String> {
    let pairs = custom_pairs(defs, ask);
    (!pairs.is_empty()).then(|| custom_fields::to_json(defs, &pairs))
}

/// The columns the file gives for this row whose value differs from the
/// account's (an update changes only what the file names; never removes).
fn differences(
    ask: &RowAsk,
    user: &users::UserRecord,
    values: Option<&Vec<(crate::domain::FieldId, String)>>,
    defs: &[FieldDef],
) -> Vec<Target> {
    let mut differs = Vec::new();
    if ask.given.contains(&Target::FirstName) && ask.first_name.as_deref() != Some(&user.first_name)
    {
        differs.push(Target::FirstName);
    }
    if ask.given.contains(&Target::LastName) && ask.last_name.as_deref() != Some(&user.last_name) {
        differs.push(Target::LastName);
    }
    if ask.given.contains(&Target::Language) && ask.language != user.language {
        differs.push(Target::Language);
    }
    if ask.given.contains(&Target::DeletionDate) && ask.deletion_at != user.deletion_at {
        differs.push(Target::DeletionDate);
    }
    if ask.given.contains(&Target::AccountType) && ask.account_type != user.account_type {
        differs.push(Target::AccountType);
    }
    for (key, value) in &ask.custom {
        let target = Target::Custom(key.clone());
        let Some(def) = defs.iter().find(|d| &d.key == key) else {
            continue;
        };
        let held = values.and_then(|v| v.iter().find(|(id, _)| *id == def.id).map(|(_, v)| v));
        if ask.given.contains(&target) && held != Some(value) {
            differs.push(target);
        }
    }
    differs
}

fn counts(lines: &[ReportLine]) -> Vec<(VerdictKind, usize)> {
    let mut counts: BTreeMap<VerdictKind, usize> = BTreeMap::new();
    for line in lines {
        *counts.entry(line.verdict.kind()).or_default() += 1;
    }
    counts.into_iter().collect()
}

fn status_of(record: &imports::ImportRecord, stale_before: i64) -> ImportStatus {
    match record.status.as_str() {
        "draft" => ImportStatus::Draft,
        "running"
            if record
                .heartbeat_at
                .or(record.started_at)
                .is_some_and(|at| at < stale_before) =>
        {
            ImportStatus::Failed
        }
        "running" => ImportStatus::Running,
        "done" => ImportStatus::Done,
        _ => ImportStatus::Failed,
    }
}

fn target_choices(defs: &[FieldDef], lang: Lang) -> Vec<TargetChoice> {
    Target::FIXED
        .into_iter()
        .chain(defs.iter().map(|d| Target::Custom(d.key.clone())))
        .map(|t| TargetChoice {
            code: t.code(),
            label: crate::i18n::labels::import_target(&t, defs, lang),
        })
        .collect()
}

/// The wizard's page: the file as read, the columns, the verdicts (a page
/// of them, filtered), the options; while running, the progress; once
/// done, the report.
#[tracing::instrument(name = "imports::view", skip_all, fields(actor = %me.user.id, import = %id))]
pub async fn view(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    filter: Option<VerdictKind>,
    page: usize,
    lang: Lang,
) -> AppResult<ImportView> {
    let mut conn = state.db.pool.acquire().await?;
    let loaded = load(&mut conn, me, id).await?;
    let now = state.now();
    let status = status_of(&loaded.record, stale_before(state, now));
    // While the run goes on the page asks every second for the count
    // alone: the file is not read again for it.
    let table = if status == ImportStatus::Running {
        Table {
            format: spreadsheet::Format::Delimited,
            encoding: None,
            separator: None,
            sheets: Vec::new(),
            sheet: None,
            header: Vec::new(),
            rows: Vec::new(),
        }
    } else {
        file_table(&mut conn, &loaded).await?
    };
    let (lines, seats_needed) = match status {
        ImportStatus::Done => {
            let report: Vec<ReportLine> =
                serde_json::from_str(&imports::report(&mut conn, id).await?)
                    .map_err(AppError::internal)?;
            (report, 0)
        }
        ImportStatus::Running => (Vec::new(), 0),
        _ => {
            let evaluation = evaluate(&mut conn, me, &loaded, &table, &loaded.setup, now).await?;
            let seats = evaluation
                .lines
                .iter()
                .zip(&evaluation.asks)
                .filter(|(l, a)| {
                    matches!(l.verdict, Verdict::Create | Verdict::Invite)
                        && a.as_ref().is_some_and(|a| a.account_type.is_billable())
                })
                .count();
            (evaluation.lines, seats)
        }
    };
    let counts = counts(&lines);
    let filtered: Vec<&ReportLine> = lines
        .iter()
        .filter(|l| filter.is_none_or(|f| l.verdict.kind() == f))
        .collect();
    let pages = filtered.len().div_ceil(PAGE_ROWS).max(1);
    let page = page.clamp(1, pages);
    let rows = filtered
        .iter()
        .skip((page - 1) * PAGE_ROWS)
        .take(PAGE_ROWS)
        .map(|l| PreviewRow {
            index: l.index,
            line: l.line,
            email: l.email.clone(),
            cells: loaded
                .setup
                .edits
                .get(&l.index)
                .or(table.rows.get(l.index).map(|r| &r.cells))
                .cloned()
                .unwrap_or_default(),
            text: crate::i18n::labels::verdict(&l.verdict, &loaded.defs, lang),
            kind: l.verdict.kind(),
        })
        .collect();
    let mapping = loaded.setup.targets();
    let columns = table
        .header
        .iter()
        .enumerate()
        .map(|(i, header)| ColumnView {
            index: i,
            header: header.clone(),
            sample: table
                .rows
                .iter()
                .map(|r| r.cells.get(i).cloned().unwrap_or_default())
                .find(|c| !c.is_empty())
                .unwrap_or_default(),
            target: mapping.get(i).cloned().flatten().map(|t| t.code()),
        })
        .collect();
    let grantable: Vec<GroupRole> = GroupRole::ALL
        .into_iter()
        .filter(|r| policy::may_grant(&me.actor, &loaded.dir.tree, loaded.group, *r))
        .collect();
    let progress = state
        .import_progress
        .lock()
        .ok()
        .and_then(|p| p.get(&id.0).copied());
    Ok(ImportView {
        id,
        group_id: loaded.group,
        group_path: loaded.dir.path(loaded.group),
        file_name: loaded.record.file_name.clone(),
        status,
        dialect: DialectView {
            format: match table.format {
                // The extension says which text it is: CSV, TSV, TXT.
                spreadsheet::Format::Delimited => loaded
                    .record
                    .file_name
                    .rsplit_once('.')
                    .map_or("CSV".into(), |(_, ext)| ext.to_uppercase()),
                other => format!("{other:?}").to_uppercase(),
            },
            encoding: table.encoding.map(|e| e.code().to_owned()),
            separator: table.separator.map(|s| s.code().to_owned()),
            sheets: table.sheets.clone(),
            sheet: table.sheet.clone(),
            forced_encoding: loaded.setup.dialect.encoding.map(|e| e.code().to_owned()),
            forced_separator: loaded.setup.dialect.separator.map(|s| s.code().to_owned()),
        },
        columns,
        targets: target_choices(&loaded.defs, lang),
        missing_email: !mapping.contains(&Some(Target::Email)),
        total: if status == ImportStatus::Running {
            loaded.record.total_rows as usize
        } else {
            table.rows.len()
        },
        counts,
        filter,
        rows,
        page,
        pages,
        seats: seats::usage(&mut conn).await?,
        seats_needed,
        mode: loaded.setup.mode,
        defaults: loaded.setup.defaults.clone(),
        grantable,
        may_grant_admin: policy::may_grant_platform_admin(&me.actor),
        custom_fields: loaded.defs.clone(),
        done_rows: progress.unwrap_or(loaded.record.done_rows as usize),
        failed: loaded.record.error.is_some() || status == ImportStatus::Failed,
    })
}

/// Changes the wizard's choices of a draft (dialect, columns, a row's
/// cells); the preview is recomputed on the next view.
async fn change_setup(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    change: impl FnOnce(&mut Setup, &Table) -> AppResult<()>,
) -> AppResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    let loaded = load(&mut conn, me, id).await?;
    if loaded.record.status != "draft" {
        return Err(AppError::Invalid(Msg::ErrImportNotDraft));
    }
    let mut setup = loaded.setup.clone();
    let table = file_table(&mut conn, &loaded).await?;
    change(&mut setup, &table)?;
    // A new dialect may read other columns: the file is read again only
    // then, and its columns recognised again.
    let table = if setup.dialect == loaded.setup.dialect {
        table
    } else {
        read_table(
            loaded.record.file_name.clone(),
            imports::content(&mut conn, id).await?.unwrap_or_default(),
            setup.dialect.clone(),
        )
        .await?
    };
    if setup.mapping.len() != table.header.len() {
        setup.mapping = rules::auto_map(&table.header, &loaded.defs)
            .into_iter()
            .map(|t| t.map(|t| t.code()))
            .collect();
        setup.edits.clear();
    }
    let json = serde_json::to_string(&setup).map_err(AppError::internal)?;
    if !imports::set_setup(&mut conn, id, &json, table.rows.len() as i64).await? {
        return Err(AppError::Invalid(Msg::ErrImportNotDraft));
    }
    Ok(())
}

/// The file read another way: encoding, separator, sheet.
pub async fn set_dialect(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    dialect: Dialect,
) -> AppResult<()> {
    change_setup(state, me, id, |setup, _| {
        if setup.dialect != dialect {
            setup.dialect = dialect;
            setup.mapping.clear();
        }
        Ok(())
    })
    .await
}

/// Column `i` means `targets[i]` (a code; anything unknown is ignored).
pub async fn set_columns(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    targets: HashMap<usize, String>,
) -> AppResult<()> {
    change_setup(state, me, id, |setup, table| {
        let mut taken = Vec::new();
        setup.mapping = (0..table.header.len())
            .map(|i| {
                let target = targets.get(&i).and_then(|c| Target::from_code(c))?;
                // A target chosen twice keeps its first column.
                if taken.contains(&target) {
                    return None;
                }
                taken.push(target.clone());
                Some(target.code())
            })
            .collect();
        Ok(())
    })
    .await
}

/// A row corrected in the preview: its cells replaced, its verdict
/// re-checked on the next view.
pub async fn edit_row(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    index: usize,
    cells: HashMap<usize, String>,
) -> AppResult<()> {
    change_setup(state, me, id, |setup, table| {
        let row = table.rows.get(index).ok_or(AppError::NotFound)?;
        let mut edited = setup.edits.get(&index).unwrap_or(&row.cells).clone();
        for (i, value) in cells {
            if let Some(cell) = edited.get_mut(i) {
                *cell = value.trim().chars().take(500).collect();
            }
        }
        setup.edits.insert(index, edited);
        Ok(())
    })
    .await
}

/// What `IMPORTER` posts: the mode and the defaults.
#[derive(Clone, Debug, Default)]
pub struct RunRequest {
    pub mode: Mode,
    pub defaults: Defaults,
}

/// Step 6: checks the defaults, marks the import running (once), and runs
/// it in the background; the page follows its progress.
#[tracing::instrument(name = "imports::run", skip_all, fields(actor = %me.user.id, import = %id))]
pub async fn run(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    req: RunRequest,
) -> AppResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    let loaded = load(&mut conn, me, id).await?;
    let mut setup = loaded.setup.clone();
    if !setup.mapping.iter().any(|c| c.as_deref() == Some("email")) {
        return Err(AppError::Invalid(Msg::ErrImportNoEmailColumn));
    }
    let defaults = req.defaults;
    for role in &defaults.roles {
        if !policy::may_grant(&me.actor, &loaded.dir.tree, loaded.group, *role) {
            return Err(AppError::Invalid(Msg::ErrRoleNotAllowed));
        }
    }
    if defaults.message.chars().count() > 2_000 {
        return Err(AppError::Invalid(Msg::ErrMessageTooLong));
    }
    setup.mode = req.mode;
    setup.defaults = Defaults {
        groups: vec![loaded.group],
        ..defaults
    };
    let json = serde_json::to_string(&setup).map_err(AppError::internal)?;
    let now = state.now();
    if !imports::start(
        &mut conn,
        id,
        req.mode.code(),
        &json,
        now,
        stale_before(state, now),
    )
    .await?
    {
        return Err(AppError::Invalid(Msg::ErrImportNotDraft));
    }
    drop(conn);
    if let Ok(mut progress) = state.import_progress.lock() {
        progress.insert(id.0, 0);
    }
    let (state, me) = (state.clone(), me.clone());
    // The run outlives the request: the admin may close the page.
    tokio::spawn(async move {
        let stop = Arc::new(tokio::sync::Notify::new());
        let beating = (state.db.backend == Backend::Postgres)
            .then(|| tokio::spawn(heartbeat(state.clone(), id, stop.clone())));
        let outcome = commit(&state, &me, id).await;
        stop.notify_one();
        if let Some(beating) = beating {
            let _ = beating.await;
        }
        if let Err(e) = outcome {
            tracing::error!(error = ?e, import = %id, "import run failed; nothing of it was kept");
            if let Ok(mut conn) = state.db.pool.acquire().await {
                let _ = imports::fail(&mut conn, id, "internal", state.now()).await;
            }
        }
        if let Ok(mut progress) = state.import_progress.lock() {
            progress.remove(&id.0);
        }
    });
    Ok(())
}

/// Writes the run's progress and sign of life every `HEARTBEAT_EVERY`
/// until told to stop (never in the middle of a write).
async fn heartbeat(state: AppState, id: ImportId, stop: Arc<tokio::sync::Notify>) {
    loop {
        tokio::select! {
            _ = stop.notified() => return,
            _ = tokio::time::sleep(HEARTBEAT_EVERY) => {}
        }
        if let Err(e) = beat(&state, id).await {
            tracing::warn!(error = %e, import = %id, "import progress not written");
        }
    }
}

/// One sign of life of a run of this instance: the rows done so far, for
/// the admins following it from another instance.
pub async fn beat(state: &AppState, id: ImportId) -> AppResult<()> {
    let done = state
        .import_progress
        .lock()
        .ok()
        .and_then(|p| p.get(&id.0).copied())
        .unwrap_or(0);
    let mut conn = state.db.pool.acquire().await?;
    imports::heartbeat(&mut conn, id, done as i64, state.now()).await?;
    Ok(())
}

/// At start-up on SQLite (one instance, so no run can be alive): the runs
/// left `running` by a stopped process are failed, and may be run again.
pub async fn fail_interrupted_runs(state: &AppState) -> AppResult<u64> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(imports::fail_running(&mut conn, state.now()).await?)
}

/// How many rows are done between two progress updates.
const PROGRESS_EVERY: usize = 50;
/// New invitations or accounts written per batch (multi-row statements).
const BATCH: usize = 500;

/// What a row's invitation carries besides its grants.
fn invitation_options(ask: &RowAsk, setup: &Setup) -> InvitationOptions {
    InvitationOptions {
        language: ask.language,
        account_type: ask.account_type,
        platform_admin: ask.platform_admin,
        message: setup.defaults.message.trim().to_owned(),
        deletion_at: ask.deletion_at,
    }
}

/// The run: one transaction, a savepoint per row.
pub async fn commit(state: &AppState, me: &CurrentUser, id: ImportId) -> AppResult<()> {
    let table = {
        let mut conn = state.db.pool.acquire().await?;
        let loaded = load(&mut conn, me, id).await?;
        file_table(&mut conn, &loaded).await?
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let loaded = load(&mut tx, me, id).await?;
    let setup = loaded.setup.clone();
    let evaluation = evaluate(&mut tx, me, &loaded, &table, &setup, now).await?;
    let life = invitation_service::lifecycle(&mut tx).await?;
    let ctx = MailContext {
        state,
        inviter: me.user.display_name(),
        names: loaded.dir.names.clone(),
        tree: &loaded.dir.tree,
    };
    let Evaluation { lines, asks } = evaluation;
    let expires_at = now + life.lifetime;
    let mut mailed = false;
    let mut done = 0;
    let progress = |done: usize| {
        if let Ok(mut progress) = state.import_progress.lock() {
            progress.insert(id.0, done);
        }
    };

    // New invitations and new accounts (the bulk of a file) are written
    // together, 500 at a time, through the paths every door uses; the
    // evaluation found them free in this transaction. A batch refused as a
    // whole (the last seats taken meanwhile, an address taken by another
    // admin) is written again row by row, so only its guilty rows fail.
    let mut lines = lines;
    for together in [Verdict::Invite, Verdict::Create] {
        let rows: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].verdict == together && asks[i].is_some())
            .collect();
        for batch in rows.chunks(BATCH) {
            let batch_asks: Vec<&RowAsk> = batch.iter().filter_map(|&i| asks[i].as_ref()).collect();
            let mut savepoint = (*tx).begin().await?;
            let written = write_together(
                state,
                &mut savepoint,
                &ctx,
                me,
                &loaded,
                &setup,
                &together,
                &batch_asks,
                expires_at,
                now,
            )
            .await;
            match written {
                Ok(sent) => {
                    savepoint.commit().await?;
                    mailed |= sent;
                }
                Err(refusal) => {
                    refused(refusal)?;
                    savepoint.rollback().await?;
                    for &i in batch {
                        let Some(ask) = &asks[i] else { continue };
                        match write_row_alone(
                            state, &mut tx, &ctx, me, &loaded, &setup, ask, &together, expires_at,
                            now,
                        )
                        .await?
                        {
                            Ok(sent) => mailed |= sent,
                            Err(problem) => lines[i].verdict = Verdict::Error(vec![problem]),
                        }
                    }
                }
            }
            done += batch.len();
            progress(done);
        }
    }

    // The other rows one by one, each in a savepoint.
    let mut report = Vec::with_capacity(lines.len());
    for (mut line, ask) in lines.into_iter().zip(&asks) {
        let together = matches!(line.verdict, Verdict::Invite | Verdict::Create);
        if let (Some(ask), true, false) = (ask, line.verdict.writes(), together) {
            match write_row_alone(
                state,
                &mut tx,
                &ctx,
                me,
                &loaded,
                &setup,
                ask,
                &line.verdict,
                expires_at,
                now,
            )
            .await?
            {
                Ok(sent) => mailed |= sent,
                Err(problem) => line.verdict = Verdict::Error(vec![problem]),
            }
            done += 1;
            if done % PROGRESS_EVERY == 0 {
                progress(done);
            }
        }
        report.push(line);
    }
    let counts = counts(&report);
    let written = report.iter().filter(|l| l.verdict.writes()).count();
    let freed_seat = report.iter().zip(&asks).any(|(line, ask)| {
        matches!(&line.verdict, Verdict::Update(fields) if fields.contains(&Target::AccountType))
            && ask
                .as_ref()
                .is_some_and(|a| a.account_type == AccountType::Guest)
    });
    audit::record(
        &mut tx,
        AuditAction::ImportCompleted,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            group_id: Some(loaded.group),
            details: serde_json::json!({
                "import": id,
                "file": loaded.record.file_name,
                "mode": setup.mode.code(),
                "rows": report.len(),
                "written": written,
            })
            .to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    imports::finish(
        &mut tx,
        id,
        &serde_json::to_string(&counts).map_err(AppError::internal)?,
        &serde_json::to_string(&report).map_err(AppError::internal)?,
        report.len() as i64,
        state.now(),
    )
    .await?;
    tx.commit().await?;
    if freed_seat && let Err(e) = seats::activate_waiting(state).await {
        tracing::warn!(error = %e, "waiting invitees not activated after an import freed seats");
    }
    if mailed {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

/// A refusal of one row (the row is skipped, the rest goes on); anything
/// else fails the whole run.
fn refused(e: AppError) -> AppResult<RowProblem> {
    match e {
        AppError::SeatsFull { .. } => Ok(RowProblem::NoSeat),
        AppError::Invalid(Msg::ErrEmailTaken) => Ok(RowProblem::AddressInUse),
        AppError::Invalid(msg) => Ok(RowProblem::Refused(msg)),
        AppError::InvalidFields(_) | AppError::InvalidField(..) => {
            Ok(RowProblem::Refused(Msg::ErrRoleNotAllowed))
        }
        other => Err(other),
    }
}

/// Writes one row in its own savepoint: `Ok(true)` when a mail was
/// queued, the row's problem when a rule refused it (nothing of the row
/// is kept); any other error fails the run.
#[allow(clippy::too_many_arguments)]
async fn write_row_alone(
    state: &AppState,
    tx: &mut Conn,
    ctx: &MailContext<'_>,
    me: &CurrentUser,
    loaded: &Loaded,
    setup: &Setup,
    ask: &RowAsk,
    verdict: &Verdict,
    expires_at: i64,
    now: i64,
) -> AppResult<Result<bool, RowProblem>> {
    let mut savepoint = tx.begin().await?;
    let written = write_row(
        state,
        &mut savepoint,
        ctx,
        me,
        loaded,
        setup,
        ask,
        verdict,
        expires_at,
        now,
    )
    .await;
    match written {
        Ok(sent) => {
            savepoint.commit().await?;
            Ok(Ok(sent))
        }
        Err(refusal) => {
            savepoint.rollback().await?;
            Ok(Err(refused(refusal)?))
        }
    }
}

/// Writes rows of one verdict together — new invitations (`Invite`) or
/// new accounts (`Create`) — through the batched path of their door; true
/// when mails were queued.
#[allow(clippy::too_many_arguments)]
async fn write_together(
    state: &AppState,
    tx: &mut Conn,
    ctx: &MailContext<'_>,
    me: &CurrentUser,
    loaded: &Loaded,
    setup: &Setup,
    verdict: &Verdict,
    rows: &[&RowAsk],
    expires_at: i64,
    now: i64,
) -> AppResult<bool> {
    match verdict {
        Verdict::Invite => {
            let options: Vec<InvitationOptions> =
                rows.iter().map(|a| invitation_options(a, setup)).collect();
            let customs: Vec<Option<String>> =
                rows.iter().map(|a| custom_json(&loaded.defs, a)).collect();
            let asked: Vec<Ask> = rows
                .iter()
                .zip(&options)
                .zip(&customs)
                .map(|((a, options), custom)| Ask {
                    group_id: a.grants.first().map_or(loaded.group, |(g, _)| *g),
                    grants: &a.grants,
                    options,
                    custom_json: custom.as_deref(),
                    expires_at,
                    now,
                    resend_unchanged: false,
                })
                .collect();
            let fresh: Vec<Fresh> = asked
                .iter()
                .zip(rows)
                .map(|(ask, row)| Fresh {
                    address: row.email.as_str(),
                    ask,
                })
                .collect();
            invitation_service::create_many(tx, ctx, me, &fresh).await?;
            Ok(!fresh.is_empty())
        }
        Verdict::Create => {
            let customs: Vec<Vec<(crate::domain::FieldId, String)>> =
                rows.iter().map(|a| custom_pairs(&loaded.defs, a)).collect();
            let news: Vec<NewAccount> = rows
                .iter()
                .zip(&customs)
                .map(|(ask, custom)| new_account(loaded, setup, ask, custom))
                .collect();
            insert_accounts(state, tx, me, &loaded.dir.tree, &news, now).await?;
            Ok(setup.defaults.send_credentials && !news.is_empty())
        }
        _ => Err(AppError::internal(
            "rows of this verdict are written one by one",
        )),
    }
}

/// The account an import row creates: never a password (a set-password
/// link when the admin asked for mails).
fn new_account<'a>(
    loaded: &Loaded,
    setup: &Setup,
    ask: &'a RowAsk,
    custom: &'a [(crate::domain::FieldId, String)],
) -> NewAccount<'a> {
    NewAccount {
        email: Some(ask.email.as_str().to_owned()),
        login_name: None,
        first_name: ask.first_name.clone().unwrap_or_default(),
        last_name: ask.last_name.clone().unwrap_or_default(),
        password_hash: None,
        account_type: ask.account_type,
        language: ask.language,
        extra_info: "",
        deletion_at: ask.deletion_at,
        custom,
        grants: &ask.grants,
        origin_group: loaded.group,
        mail_link: setup.defaults.send_credentials,
        consumed_invitation: None,
    }
}

/// Writes one row through the door its verdict names; true when a mail
/// was queued.
#[allow(clippy::too_many_arguments)]
async fn write_row(
    state: &AppState,
    tx: &mut Conn,
    ctx: &MailContext<'_>,
    me: &CurrentUser,
    loaded: &Loaded,
    setup: &Setup,
    ask: &RowAsk,
    verdict: &Verdict,
    expires_at: i64,
    now: i64,
) -> AppResult<bool> {
    let tree = &loaded.dir.tree;
    let group_id = ask.grants.first().map(|(g, _)| *g).unwrap_or(loaded.group);
    match verdict {
        Verdict::Invite | Verdict::Merge | Verdict::AddToGroups => {
            let options = invitation_options(ask, setup);
            let custom = custom_json(&loaded.defs, ask);
            let (_, sent) = invitation_service::invite_address(
                tx,
                ctx,
                me,
                tree,
                ask.email.as_str(),
                &Ask {
                    group_id,
                    grants: &ask.grants,
                    options: &options,
                    custom_json: custom.as_deref(),
                    expires_at,
                    now,
                    resend_unchanged: false,
                },
            )
            .await?;
            Ok(sent)
        }
        Verdict::Create => {
            let custom = custom_pairs(&loaded.defs, ask);
            let new = new_account(loaded, setup, ask, &custom);
            insert_account(state, tx, me, tree, &new, now).await?;
            Ok(setup.defaults.send_credentials)
        }
        Verdict::Update(fields) => {
            let user = users::by_email(tx, ask.email.as_str())
                .await?
                .ok_or(AppError::Invalid(Msg::ErrEmailTaken))?;
            if user.id == me.user.id {
                return Err(AppError::Invalid(Msg::ErrOwnRoles));
            }
            let given = |t: &Target| fields.contains(t);
            users::set_imported_profile(
                tx,
                user.id,
                match (&ask.first_name, given(&Target::FirstName)) {
                    (Some(n), true) => n,
                    _ => &user.first_name,
                },
                match (&ask.last_name, given(&Target::LastName)) {
                    (Some(n), true) => n,
                    _ => &user.last_name,
                },
                if given(&Target::Language) {
                    ask.language
                } else {
                    user.language
                },
                if given(&Target::DeletionDate) {
                    ask.deletion_at
                } else {
                    user.deletion_at
                },
                now,
            )
            .await?;
            let mut values = field_store::user_values(tx, user.id).await?;
            for (id, value) in custom_pairs(&loaded.defs, ask) {
                values.retain(|(held, _)| *held != id);
                values.push((id, value));
            }
            field_store::set_user_values(tx, user.id, &values).await?;
            // Before the grants: a guest made a member may receive a
            // member's role in the same row.
            if given(&Target::AccountType) {
                let change =
                    account_type::change(tx, me, tree, &user, ask.account_type, false, now).await?;
                if let account_type::Change::Blocked(_) = change {
                    return Err(AppError::Invalid(Msg::ErrGuestLearnerOnly));
                }
            }
            let applied =
                grants::apply(tx, tree, user.id, &ask.grants, Some(me.user.id), now).await?;
            audit::record(
                tx,
                AuditAction::AccountUpdated,
                audit::Entry {
                    actor_user_id: Some(me.user.id),
                    target_user_id: Some(user.id),
                    target_email: user.email.clone(),
                    group_id: Some(group_id),
                    details: serde_json::json!({
                        "fields": fields.iter().map(Target::code).collect::<Vec<_>>(),
                        "grants": applied.iter().map(|(g, r)| (g, r.as_str())).collect::<Vec<_>>(),
                    })
                    .to_string(),
                },
                now,
            )
            .await?;
            Ok(false)
        }
        _ => Ok(false),
    }
}

/// The imports into the groups one may import into, newest first.
pub async fn history(
    state: &AppState,
    me: &CurrentUser,
    group_id: GroupId,
    directory: &directory::Shared,
) -> AppResult<ImportHome> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = directory.get(&mut conn).await?;
    if !policy::may_import_into(&me.actor, &dir.tree, group_id) {
        return Err(AppError::NotFound);
    }
    let mut groups = dir.tree.descendants(group_id);
    groups.push(group_id);
    let now = state.now();
    let records = imports::recent(&mut conn, Some(&groups), 50).await?;
    let mut out = Vec::with_capacity(records.len());
    for record in records {
        let author = match record.created_by {
            Some(id) => users::by_id(&mut conn, id).await?.map(|u| u.display_name()),
            None => None,
        };
        let counts: Vec<(VerdictKind, usize)> =
            serde_json::from_str(&record.counts).unwrap_or_default();
        out.push(ImportSummary {
            id: record.id,
            group_id: record.group_id.unwrap_or(group_id),
            file_name: record.file_name.clone(),
            author,
            created_at: record.created_at,
            mode: Mode::parse(&record.mode).unwrap_or_default(),
            status: status_of(&record, stale_before(state, now)),
            rows: record.total_rows as usize,
            counts,
        });
    }
    Ok(ImportHome {
        group_id,
        group_path: dir.path(group_id),
        imports: out,
    })
}

/// The report's rows for a download: (line, address, what was done), or
/// the rows in error with their cells, for a file to fix and upload again.
pub async fn report_rows(
    state: &AppState,
    me: &CurrentUser,
    id: ImportId,
    errors_only: bool,
    lang: Lang,
) -> AppResult<(String, crate::server::export::Table)> {
    let mut conn = state.db.pool.acquire().await?;
    let loaded = load(&mut conn, me, id).await?;
    let now = state.now();
    let table = file_table(&mut conn, &loaded).await?;
    let lines: Vec<ReportLine> = match status_of(&loaded.record, stale_before(state, now)) {
        ImportStatus::Done => serde_json::from_str(&imports::report(&mut conn, id).await?)
            .map_err(AppError::internal)?,
        _ => {
            evaluate(&mut conn, me, &loaded, &table, &loaded.setup, now)
                .await?
                .lines
        }
    };
    let stem = loaded
        .record
        .file_name
        .rsplit_once('.')
        .map(|(s, _)| s.to_owned())
        .unwrap_or(loaded.record.file_name.clone());
    if errors_only {
        let mut header = table.header.clone();
        header.push(lang.t(Msg::ImportColWhy).to_owned());
        let rows = lines
            .iter()
            .filter(|l| l.verdict.kind() == VerdictKind::Error)
            .map(|l| {
                let mut cells = loaded
                    .setup
                    .edits
                    .get(&l.index)
                    .or(table.rows.get(l.index).map(|r| &r.cells))
                    .cloned()
                    .unwrap_or_default();
                cells.push(crate::i18n::labels::verdict(&l.verdict, &loaded.defs, lang));
                cells
            })
            .collect();
        return Ok((
            format!("{stem}-erreurs"),
            crate::server::export::Table { header, rows },
        ));
    }
    let header = vec![
        lang.t(Msg::ImportColLine).to_owned(),
        lang.t(Msg::Email).to_owned(),
        lang.t(Msg::ImportColOutcome).to_owned(),
        lang.t(Msg::ImportColWhy).to_owned(),
    ];
    let rows = lines
        .iter()
        .map(|l| {
            vec![
                l.line.to_string(),
                l.email.clone(),
                lang.t(crate::i18n::labels::verdict_kind(l.verdict.kind()))
                    .to_owned(),
                crate::i18n::labels::verdict(&l.verdict, &loaded.defs, lang),
            ]
        })
        .collect();
    Ok((
        format!("{stem}-rapport"),
        crate::server::export::Table { header, rows },
    ))
}

/// The template's columns: the fixed ones and one per custom field, an
/// example row, and (for the workbook) a sheet explaining each column.
pub async fn template(state: &AppState, me: &CurrentUser, lang: Lang) -> AppResult<Template> {
    let mut conn = state.db.pool.acquire().await?;
    let dir = Directory::load(&mut conn).await?;
    if !dir
        .groups
        .iter()
        .any(|g| policy::may_import_into(&me.actor, &dir.tree, g.id))
    {
        return Err(AppError::Forbidden);
    }
    let defs = field_store::list(&mut conn).await?;
    let targets: Vec<Target> = Target::FIXED
        .into_iter()
        .chain(defs.iter().map(|d| Target::Custom(d.key.clone())))
        .collect();
    let header: Vec<String> = targets
        .iter()
        .map(|t| match t {
            Target::Custom(key) => key.clone(),
            t => t.code(),
        })
        .collect();
    let example_group = dir
        .groups
        .iter()
        .find(|g| policy::may_import_into(&me.actor, &dir.tree, g.id))
        .map(|g| dir.path(g.id))
        .unwrap_or_default();
    let example: Vec<String> = targets
        .iter()
        .map(|t| match t {
            Target::Email => "marie.curie@exemple.fr".into(),
            Target::FirstName => "Marie".into(),
            Target::LastName => "Curie".into(),
            Target::Language => lang.code().into(),
            Target::Groups => example_group.clone(),
            Target::Roles => lang.t(Msg::RoleLearner).into(),
            Target::Admin => lang.t(Msg::ImportExampleFalse).into(),
            Target::AccountType => AccountType::Member.as_str().into(),
            Target::DeletionDate => String::new(),
            Target::Custom(_) => String::new(),
        })
        .collect();
    let help = targets
        .iter()
        .map(|t| {
            vec![
                match t {
                    Target::Custom(key) => key.clone(),
                    t => t.code(),
                },
                crate::i18n::labels::import_target(t, &defs, lang),
                crate::i18n::labels::import_target_help(t, &defs, lang),
            ]
        })
        .collect();
    Ok(Template {
        table: crate::server::export::Table {
            header,
            rows: vec![example],
        },
        help: crate::server::export::Table {
            header: vec![
                lang.t(Msg::ImportColColumn).to_owned(),
                lang.t(Msg::ImportColMeaning).to_owned(),
                lang.t(Msg::ImportColValues).to_owned(),
            ],
            rows: help,
        },
    })
}

pub struct Template {
    pub table: crate::server::export::Table,
    pub help: crate::server::export::Table,
}
