//! The import wizard's pages and forms.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::form::RoleChecks;
use super::seats::SeatUse;
use crate::domain::custom_field::FieldDef;
use crate::domain::import::{Defaults, Mode, VerdictKind};
use crate::domain::{GroupId, GroupRole, ImportId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportStatus {
    /// Uploaded; columns, preview and options may change.
    Draft,
    Running,
    Done,
    /// The run failed or died: nothing of it was kept.
    Failed,
}

/// How the file was read, and what the admin forced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialectView {
    /// `DELIMITED`, `XLSX`, `XLS`, `ODS`.
    pub format: String,
    pub encoding: Option<String>,
    pub separator: Option<String>,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub forced_encoding: Option<String>,
    pub forced_separator: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnView {
    pub index: usize,
    pub header: String,
    /// The first non-blank value below the header.
    pub sample: String,
    /// The target's code (`email`, `custom:<key>`…), `None`: ignored.
    pub target: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetChoice {
    pub code: String,
    pub label: String,
}

/// One row of the preview or the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    /// Its index among the file's data rows (what a correction names).
    pub index: usize,
    /// Its line in the file, as a spreadsheet numbers it.
    pub line: usize,
    pub email: String,
    /// Its cells (corrected ones included), one per column.
    pub cells: Vec<String>,
    /// The verdict as a sentence in the reader's language.
    pub text: String,
    pub kind: VerdictKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportView {
    pub id: ImportId,
    pub group_id: GroupId,
    pub group_path: String,
    pub file_name: String,
    pub status: ImportStatus,
    pub dialect: DialectView,
    pub columns: Vec<ColumnView>,
    pub targets: Vec<TargetChoice>,
    /// No column is the address: said at once, the run refused.
    pub missing_email: bool,
    pub total: usize,
    /// Rows by verdict (preview) or by outcome (report).
    pub counts: Vec<(VerdictKind, usize)>,
    pub filter: Option<VerdictKind>,
    pub rows: Vec<PreviewRow>,
    pub page: usize,
    pub pages: usize,
    pub seats: SeatUse,
    /// Members this import would bill at most (created now, or invited and
    /// billed once they accept).
    pub seats_needed: usize,
    pub mode: Mode,
    pub defaults: Defaults,
    /// Roles the admin may grant in the import's group.
    pub grantable: Vec<GroupRole>,
    pub may_grant_admin: bool,
    pub custom_fields: Vec<FieldDef>,
    pub done_rows: usize,
    pub failed: bool,
}

impl ImportView {
    pub fn count(&self, kind: VerdictKind) -> usize {
        self.counts
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    }
}

/// One import in the history (`Imports`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub id: ImportId,
    pub group_id: GroupId,
    pub file_name: String,
    pub author: Option<String>,
    pub created_at: i64,
    pub mode: Mode,
    pub status: ImportStatus,
    pub rows: usize,
    pub counts: Vec<(VerdictKind, usize)>,
}

/// The upload step and the history (`Imports`) of a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportHome {
    pub group_id: GroupId,
    pub group_path: String,
    pub imports: Vec<ImportSummary>,
}

/// The page's URL: `?step=…&verdict=…&page=…`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportQuery {
    pub id: ImportId,
    pub verdict: Option<String>,
    pub page: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DialectInput {
    pub id: ImportId,
    /// A code of `spreadsheet::Encoding`; empty: detect.
    pub encoding: Option<String>,
    pub separator: Option<String>,
    pub sheet: Option<String>,
}

/// `input[columns][<index>]=<target code>`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnsInput {
    pub id: ImportId,
    #[serde(default)]
    pub columns: HashMap<String, String>,
}

/// A row corrected in the preview: `input[cells][<index>]=<value>`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditRowInput {
    pub id: ImportId,
    pub row: usize,
    #[serde(default)]
    pub cells: HashMap<String, String>,
}

/// `IMPORTER`: the mode and the defaults every row takes unless its file
/// says otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunInput {
    pub id: ImportId,
    pub mode: String,
    pub language: String,
    #[serde(default)]
    pub roles: RoleChecks,
    pub account_type: String,
    pub deletion_date: Option<String>,
    pub message: Option<String>,
    pub send_credentials: Option<String>,
    #[serde(default)]
    pub custom: HashMap<String, String>,
}

/// Where the wizard's steps live.
pub fn import_url(group: GroupId, id: ImportId, step: &str) -> String {
    format!("/groups/{group}/users/import/{id}?step={step}")
}
