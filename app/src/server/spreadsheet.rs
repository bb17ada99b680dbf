//! Reading the table an admin uploads for a bulk user import: CSV, TSV or
//! TXT in whatever encoding and separator a spreadsheet program saved it
//! with, and XLSX, XLS and ODS workbooks. Every format ends up as the same
//! [`Table`]: a header (the first non-blank row) and trimmed rows of exactly
//! its width, each carrying the row number the admin sees in their program,
//! so that an import error can say "line 12" and be found.
//!
//! The file comes from a browser, so it is hostile until proven otherwise,
//! and a parser that runs out of memory takes the whole server down with it
//! (an allocation failure aborts, it does not unwind):
//! - Sizes are bounded ([`MAX_FILE_BYTES`], [`MAX_ROWS`], [`MAX_COLUMNS`]),
//!   and reading stops at the first row over the limit instead of building
//!   everything and counting afterwards.
//! - XLSX sheets go through calamine's streaming cell reader, so a sheet of
//!   millions of rows is refused after `MAX_ROWS + 1` of them, never held.
//! - A workbook's zip is inspected before anything is inflated: the declared
//!   sizes must add up to at most [`MAX_INFLATED_BYTES`] and no large entry
//!   may claim an absurd compression ratio. The `zip` crate refuses to
//!   inflate an entry past its declared size, so the declared total is a
//!   real bound, not a promise.
//! - calamine builds XLS and ODS workbooks whole (every sheet, when the file
//!   is opened) and sizes some buffers from numbers written in the file: XLS
//!   dimensions and sector chains, ODS repeat counts, the XLSX shared-string
//!   count. A few hundred bytes can ask for gigabytes that way, so those
//!   numbers are read and checked here first (the `guard_*` functions), and
//!   what calamine would build is capped (`MAX_MATERIALISED_CELLS`).
//!   calamine's remaining panics on malformed input are caught and reported
//!   as [`ReadError::Corrupt`].

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, DataRef, ExcelDateTime, Ods, Range, Reader, SheetType, Xls, Xlsx};
use serde::{Deserialize, Serialize};
use zip::ZipArchive;

pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Data rows, the header excluded.
pub const MAX_ROWS: usize = 100_000;
pub const MAX_COLUMNS: usize = 200;
/// Total uncompressed size a workbook's zip may announce/inflate to.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// Zip entries larger than this must not claim a ratio above [`MAX_RATIO`]:
/// real XLSX/ODS parts rarely compress better than 50 to 1, zeros a
/// thousand to 1.
const RATIO_CHECKED_FROM: u64 = 1024 * 1024;
const MAX_RATIO: u64 = 200;

/// The cells calamine may build for a whole XLS or ODS workbook (every sheet
/// is built when the file is opened, not only the one read). At 32 bytes a
/// cell, plus as much again for calamine's formula layout, a few hundred MB
/// at worst; and still room for a full 100,000-row import 40 columns wide.
const MAX_MATERIALISED_CELLS: u64 = 4_000_000;

/// Where the sniffers look: the start of the file is what decides.
const SNIFF_LINES: usize = 30;
const SNIFF_BYTES: usize = 1024 * 1024;
const UTF16_SNIFF_BYTES: usize = 1024;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    pub const ALL: [Encoding; 5] = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1252,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    pub fn parse(code: &str) -> Option<Encoding> {
        Encoding::ALL
            .into_iter()
            .find(|encoding| encoding.code().eq_ignore_ascii_case(code.trim()))
    }

    fn is_utf16(self) -> bool {
        matches!(self, Encoding::Utf16Le | Encoding::Utf16Be)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Separator {
    Comma,
    Semicolon,
    Tab,
}

impl Separator {
    pub const ALL: [Separator; 3] = [Separator::Comma, Separator::Semicolon, Separator::Tab];

    pub fn code(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Tab => "tab",
        }
    }

    pub fn parse(code: &str) -> Option<Separator> {
        Separator::ALL
            .into_iter()
            .find(|separator| separator.code().eq_ignore_ascii_case(code.trim()))
    }

    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Delimited,
    Xlsx,
    Xls,
    Ods,
}

/// What the admin forced; None = detect.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dialect {
    pub encoding: Option<Encoding>,
    pub separator: Option<Separator>,
    pub sheet: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub format: Format,
    /// Delimited files: detected or forced.
    pub encoding: Option<Encoding>,
    /// Delimited files: detected or forced.
    pub separator: Option<Separator>,
    /// Workbooks: every worksheet's name, in order (chart sheets, which hold
    /// no cells, are left out).
    pub sheets: Vec<String>,
    /// Workbooks: the sheet read (forced, else the first).
    pub sheet: Option<String>,
    /// The first non-blank row, cells trimmed.
    pub header: Vec<String>,
    /// The data rows after it; blank rows skipped.
    pub rows: Vec<Row>,
}

/// A data row.
///
/// `line` is the row's number as a spreadsheet shows it: the file's first
/// row is 1, and a CSV record with quoted line breaks has the number of the
/// line it starts on.
///
/// `cells` are trimmed and exactly as many as the header's. The table is as
/// wide as the header row as written (a CSV header `email,name,,` has four
/// cells; a workbook's header spans every column used anywhere in the
/// sheet), minus the columns at the right end that are empty everywhere.
/// Shorter rows are padded with "". Cells of a CSV row beyond its header
/// are dropped, even non-empty ones: the header says what the columns are,
/// and a cell without a column cannot be imported anyway.
///
/// Columns past [`MAX_COLUMNS`] are an error only when they would be part
/// of the table: a non-empty one in the header, in a CSV row under the
/// header, or anywhere in a workbook sheet (the sheet's used width is the
/// table's width).
///
/// A workbook's columns keep their letters: a sheet whose cells start in
/// column B reads with an empty first column (an empty first header cell),
/// so that cell positions match what the admin sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// More than [`MAX_FILE_BYTES`].
    TooLarge,
    /// More than [`MAX_ROWS`] data rows. For XLS and ODS, also: the
    /// workbook, all sheets together, would make calamine build more than
    /// four million cells, or the sheet's range is taller than
    /// `MAX_ROWS + 1` rows, blank ones included.
    TooManyRows,
    /// A non-empty cell past [`MAX_COLUMNS`] (see [`Row`]).
    TooManyColumns,
    /// No non-blank row at all (or a workbook without worksheets).
    Empty,
    /// The extension is not one of csv, txt, tsv, xlsx, xls, ods.
    Unsupported,
    /// The content does not match the extension: an .xlsx or .ods that is
    /// not a zip (or a zip of something else), an .xls that is not an OLE
    /// file, a .csv that is a zip or OLE file or holds NUL bytes while not
    /// UTF-16.
    NotWhatItSays,
    /// The workbook cannot be read.
    Corrupt,
    /// The zip announces more than [`MAX_INFLATED_BYTES`] in total, or an
    /// entry over 1 MB claims a ratio over 200:1.
    ZipBomb,
    /// The forced sheet is not in the workbook.
    SheetNotFound,
}

use ReadError::{
    Corrupt, Empty, NotWhatItSays, TooLarge, TooManyColumns, TooManyRows, Unsupported, ZipBomb,
};

/// Reads an uploaded table file; the format comes from `file_name`'s
/// extension and is then checked against the content.
pub fn read(file_name: &str, bytes: &[u8], dialect: &Dialect) -> Result<Table, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(TooLarge);
    }
    let extension = extension(file_name).ok_or(Unsupported)?;
    let format = match extension.as_str() {
        "csv" | "txt" | "tsv" => Format::Delimited,
        "xlsx" => Format::Xlsx,
        "xls" => Format::Xls,
        "ods" => Format::Ods,
        _ => return Err(Unsupported),
    };
    if bytes.is_empty() {
        return Err(Empty);
    }
    let zip = bytes.starts_with(ZIP_MAGIC);
    let ole = bytes.starts_with(OLE_MAGIC);
    match format {
        Format::Delimited if zip || ole => Err(NotWhatItSays),
        Format::Xlsx | Format::Ods if !zip => Err(NotWhatItSays),
        Format::Xls if !ole => Err(NotWhatItSays),
        Format::Delimited => read_delimited(bytes, dialect, extension == "tsv"),
        Format::Xlsx => read_xlsx(bytes, dialect),
        Format::Xls => read_xls(bytes, dialect),
        Format::Ods => read_ods(bytes, dialect),
    }
}

/// Lower-cased; browsers send a bare name, but old ones sent a whole path.
fn extension(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (_, extension) = base.rsplit_once('.')?;
    Some(extension.trim().to_ascii_lowercase())
}

// ---------------------------------------------------------------------------
// Delimited text
// ---------------------------------------------------------------------------

fn read_delimited(bytes: &[u8], dialect: &Dialect, tsv: bool) -> Result<Table, ReadError> {
    let encoding = dialect.encoding.unwrap_or_else(|| detect_encoding(bytes));
    // Text has no NUL bytes outside UTF-16; a file that does is a binary
    // file renamed, and reading it as text would only show garbage rows.
    if !encoding.is_utf16() && bytes.contains(&0) {
        return Err(NotWhatItSays);
    }
    let text = decode(bytes, encoding);
    let separator = dialect.separator.unwrap_or_else(|| {
        if tsv {
            Separator::Tab
        } else {
            sniff_separator(&text)
        }
    });

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator.byte())
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(text.as_bytes());
    let mut table = TableBuilder::new(true);
    while reader.read_record(&mut record).map_err(|_| Corrupt)? {
        let start = record.position().map_or(0, |position| {
            usize::try_from(position.byte()).unwrap_or(usize::MAX)
        });
        let line = lines.line_at(start);
        let mut cells = Vec::with_capacity(record.len().min(MAX_COLUMNS));
        let mut overflow = None;
        for (index, field) in record.iter().enumerate() {
            let field = field.trim();
            if index < MAX_COLUMNS {
                cells.push(field.to_owned());
            } else if !field.is_empty() {
                overflow = Some(index);
                break;
            }
        }
        table.push(line, cells, record.len(), overflow)?;
    }
    let (header, rows) = table.finish()?;
    Ok(Table {
        format: Format::Delimited,
        encoding: Some(encoding),
        separator: Some(separator),
        sheets: Vec::new(),
        sheet: None,
        header,
        rows,
    })
}

/// Line numbers as a spreadsheet program counts them. The `csv` crate's own
/// count is where it stopped after the previous record (before that
/// record's line break and the blank lines after it), and it does not
/// count a lone CR, which old Mac files and some exports end lines with.
struct LineCounter<'t> {
    text: &'t [u8],
    scanned: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t [u8]) -> LineCounter<'t> {
        LineCounter {
            text,
            scanned: 0,
            line: 1,
        }
    }

    /// The line of the record the reader started reading at `start`: past
    /// the line breaks it skips there.
    fn line_at(&mut self, start: usize) -> usize {
        let start = start.clamp(self.scanned, self.text.len());
        let mut at = self.scanned;
        while at < start || (at < self.text.len() && matches!(self.text[at], b'\r' | b'\n')) {
            self.line += usize::from(self.is_break(at));
            at += 1;
        }
        self.scanned = at;
        self.line
    }

    /// CRLF is one break, counted at its LF.
    fn is_break(&self, at: usize) -> bool {
        match self.text[at] {
            b'\n' => true,
            b'\r' => self.text.get(at + 1) != Some(&b'\n'),
            _ => false,
        }
    }
}

/// A byte-order mark decides; without one, UTF-16 shows as NUL bytes in
/// every other position (Excel's "Unicode text" has a BOM, other tools
/// not always); then valid UTF-8 is UTF-8, and anything else is taken for
/// Windows-1252, what Excel writes for "CSV (séparateur: point-virgule)".
fn detect_encoding(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(UTF8_BOM) {
        Encoding::Utf8Bom
    } else if bytes.starts_with(UTF16LE_BOM) {
        Encoding::Utf16Le
    } else if bytes.starts_with(UTF16BE_BOM) {
        Encoding::Utf16Be
    } else if let Some(encoding) = sniff_utf16(&bytes[..bytes.len().min(UTF16_SNIFF_BYTES)]) {
        encoding
    } else if std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else {
        Encoding::Windows1252
    }
}

/// UTF-16 text that is at least a quarter ASCII (separators, digits,
/// addresses: a user list always is) has NUL high bytes on one side only.
fn sniff_utf16(sample: &[u8]) -> Option<Encoding> {
    let units = sample.len() / 2;
    if units == 0 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 4 >= units && even * 8 <= odd {
        Some(Encoding::Utf16Le)
    } else if even * 4 >= units && odd * 8 <= even {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Never fails: what does not decode becomes U+FFFD, which the import then
/// shows in the row rather than refusing the whole file.
fn decode(bytes: &[u8], encoding: Encoding) -> Cow<'_, str> {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => String::from_utf8_lossy(bytes),
            }
        }
        Encoding::Utf16Le => {
            let bytes = bytes.strip_prefix(UTF16LE_BOM).unwrap_or(bytes);
            encoding_rs::UTF_16LE.decode_without_bom_handling(bytes).0
        }
        Encoding::Utf16Be => {
            let bytes = bytes.strip_prefix(UTF16BE_BOM).unwrap_or(bytes);
            encoding_rs::UTF_16BE.decode_without_bom_handling(bytes).0
        }
        Encoding::Windows1252 => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

/// Candidates in the order that wins ties: a `;` file often has commas in
/// its cells (decimal commas, "Nom, Prénom"), the reverse is rarer, and a
/// tab is the least likely separator in a file not named .tsv.
const SNIFFED: [Separator; 3] = [Separator::Semicolon, Separator::Comma, Separator::Tab];

/// Picks, among the separators found on the header line (outside quotes),
/// the one whose count on the header line is repeated on the most sampled
/// lines; ties go to the first of [`SNIFFED`]. A header without any is a
/// single column, which any separator reads the same: comma.
fn sniff_separator(text: &str) -> Separator {
    let (lines, totals) = separator_counts(text);
    let Some(header) = lines.first() else {
        // Only separators and spaces: whichever is most common makes every
        // row blank, as the file is.
        let mut most: Option<(Separator, usize)> = None;
        for (separator, total) in SNIFFED.into_iter().zip(totals) {
            if total > most.map_or(0, |(_, most_total)| most_total) {
                most = Some((separator, total));
            }
        }
        return most.map_or(Separator::Comma, |(separator, _)| separator);
    };
    let mut best: Option<(Separator, usize)> = None;
    for (index, separator) in SNIFFED.into_iter().enumerate() {
        if header[index] == 0 {
            continue;
        }
        let score = lines
            .iter()
            .filter(|counts| counts[index] == header[index])
            .count();
        if best.is_none_or(|(_, best_score)| score > best_score) {
            best = Some((separator, score));
        }
    }
    best.map_or(Separator::Comma, |(separator, _)| separator)
}

/// For each of the first non-blank records (a quoted line break does not
/// end one), how many of each [`SNIFFED`] separator it has outside quotes;
/// and their totals over every line looked at, blank ones included.
/// A quote opens a quoted field only at the start of a field, as the `csv`
/// crate reads it; since the separator is not known yet, any candidate
/// starts a field.
fn separator_counts(text: &str) -> (Vec<[usize; 3]>, [usize; 3]) {
    let bytes = &text.as_bytes()[..text.len().min(SNIFF_BYTES)];
    let mut lines = Vec::new();
    let mut totals = [0; 3];
    let mut counts = [0; 3];
    let mut content = false;
    let mut field_start = true;
    let mut quoted = false;
    let mut index = 0;
    while index < bytes.len() && lines.len() < SNIFF_LINES {
        let byte = bytes[index];
        index += 1;
        if quoted {
            if byte == b'"' {
                if bytes.get(index) == Some(&b'"') {
                    index += 1;
                    content = true;
                } else {
                    quoted = false;
                }
            } else if !byte.is_ascii_whitespace() {
                content = true;
            }
            continue;
        }
        match byte {
            b'\n' | b'\r' => {
                if content {
                    lines.push(counts);
                }
                for (total, count) in totals.iter_mut().zip(counts) {
                    *total += count;
                }
                counts = [0; 3];
                content = false;
            }
            b';' => counts[0] += 1,
            b',' => counts[1] += 1,
            b'\t' => counts[2] += 1,
            b'"' if field_start => quoted = true,
            b' ' => {}
            _ => content = true,
        }
        field_start = matches!(byte, b'\n' | b'\r' | b';' | b',' | b'\t');
    }
    if content && lines.len() < SNIFF_LINES {
        lines.push(counts);
    }
    for (total, count) in totals.iter_mut().zip(counts) {
        *total += count;
    }
    (lines, totals)
}

// ---------------------------------------------------------------------------
// Rows into a table (every format)
// ---------------------------------------------------------------------------

/// Turns rows as read (trimmed cells, the first [`MAX_COLUMNS`] of them)
/// into the header and data rows, enforcing the limits as it goes so that
/// a reader can stop at the first row too many.
struct TableBuilder {
    /// CSV: cells beyond the header's are dropped. Workbooks: the sheet's
    /// used width is the table's.
    clip_to_header: bool,
    header: Option<Vec<String>>,
    /// How many cells of a data row belong to the table.
    span: usize,
    /// Up to the last column with a non-empty cell anywhere.
    used: usize,
    rows: Vec<Row>,
}

impl TableBuilder {
    fn new(clip_to_header: bool) -> TableBuilder {
        TableBuilder {
            clip_to_header,
            header: None,
            span: usize::MAX,
            used: 0,
            rows: Vec::new(),
        }
    }

    /// `width`: how many cells the row had as written; `overflow`: the first
    /// non-empty cell at or past [`MAX_COLUMNS`], which `cells` leaves out.
    fn push(
        &mut self,
        line: usize,
        mut cells: Vec<String>,
        width: usize,
        overflow: Option<usize>,
    ) -> Result<(), ReadError> {
        if self.header.is_none() {
            let filled = filled_width(&cells);
            if overflow.is_some() {
                return Err(TooManyColumns);
            }
            if filled == 0 {
                return Ok(());
            }
            if self.clip_to_header {
                self.span = width;
            }
            self.used = filled;
            self.header = Some(cells);
            return Ok(());
        }
        if overflow.is_some_and(|column| column < self.span) {
            return Err(TooManyColumns);
        }
        cells.truncate(self.span);
        let filled = filled_width(&cells);
        if filled == 0 {
            return Ok(());
        }
        if self.rows.len() == MAX_ROWS {
            return Err(TooManyRows);
        }
        self.used = self.used.max(filled);
        self.rows.push(Row { line, cells });
        Ok(())
    }

    fn finish(self) -> Result<(Vec<String>, Vec<Row>), ReadError> {
        let mut header = self.header.ok_or(Empty)?;
        header.resize(self.used, String::new());
        let mut rows = self.rows;
        for row in &mut rows {
            row.cells.resize(self.used, String::new());
        }
        Ok((header, rows))
    }
}

/// Up to and including the last non-empty cell.
fn filled_width(cells: &[String]) -> usize {
    cells
        .iter()
        .rposition(|cell| !cell.is_empty())
        .map_or(0, |index| index + 1)
}

/// One workbook row's cells, placed by column as they come.
#[derive(Default)]
struct RowCells {
    index: Option<u32>,
    cells: Vec<String>,
    overflow: Option<usize>,
}

impl RowCells {
    fn put(&mut self, column: u32, text: String) {
        if text.is_empty() {
            return;
        }
        let column = column as usize;
        if column >= MAX_COLUMNS {
            self.overflow = Some(self.overflow.map_or(column, |first| first.min(column)));
            return;
        }
        if self.cells.len() <= column {
            self.cells.resize(column + 1, String::new());
        }
        self.cells[column] = text;
    }

    fn flush_into(&mut self, table: &mut TableBuilder) -> Result<(), ReadError> {
        if let Some(index) = self.index.take() {
            let cells = std::mem::take(&mut self.cells);
            let width = cells.len();
            table.push(index as usize + 1, cells, width, self.overflow.take())?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Workbooks
// ---------------------------------------------------------------------------

fn read_xlsx(bytes: &[u8], dialect: &Dialect) -> Result<Table, ReadError> {
    let mut archive = open_zip(bytes, Format::Xlsx)?;
    guard_shared_strings(&mut archive)?;
    drop(archive);
    calamine_guarded(|| {
        let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|_| Corrupt)?;
        let sheets = worksheet_names(workbook.sheets_metadata());
        let sheet = choose_sheet(&sheets, dialect)?;
        let mut reader = workbook
            .worksheet_cells_reader(&sheet)
            .map_err(|_| Corrupt)?;
        let mut table = TableBuilder::new(false);
        let mut row = RowCells::default();
        while let Some(cell) = reader.next_cell().map_err(|_| Corrupt)? {
            let (index, column) = cell.get_position();
            if row.index != Some(index) {
                row.flush_into(&mut table)?;
                row.index = Some(index);
            }
            row.put(column, data_ref_text(cell.get_value()));
        }
        row.flush_into(&mut table)?;
        let (header, rows) = table.finish()?;
        Ok(Table {
            format: Format::Xlsx,
            encoding: None,
            separator: None,
            sheets,
            sheet: Some(sheet),
            header,
            rows,
        })
    })
}

fn read_xls(bytes: &[u8], dialect: &Dialect) -> Result<Table, ReadError> {
    guard_xls(bytes)?;
    calamine_guarded(|| {
        let mut workbook = Xls::new(Cursor::new(bytes)).map_err(|_| Corrupt)?;
        read_whole_sheet(&mut workbook, Format::Xls, dialect)
    })
}

fn read_ods(bytes: &[u8], dialect: &Dialect) -> Result<Table, ReadError> {
    let mut archive = open_zip(bytes, Format::Ods)?;
    guard_ods(&mut archive)?;
    drop(archive);
    calamine_guarded(|| {
        let mut workbook = Ods::new(Cursor::new(bytes)).map_err(|_| Corrupt)?;
        read_whole_sheet(&mut workbook, Format::Ods, dialect)
    })
}

/// calamine is a parser of untrusted bytes with the odd unchecked index;
/// its panics are a corrupt file, not a failed request.
fn calamine_guarded<T>(read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or(Err(Corrupt))
}

fn worksheet_names(sheets: &[calamine::Sheet]) -> Vec<String> {
    sheets
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect()
}

fn choose_sheet(sheets: &[String], dialect: &Dialect) -> Result<String, ReadError> {
    match &dialect.sheet {
        Some(wanted) if sheets.contains(wanted) => Ok(wanted.clone()),
        Some(_) => Err(ReadError::SheetNotFound),
        None => sheets.first().cloned().ok_or(Empty),
    }
}

/// XLS and ODS: calamine has built every sheet already; this one is read
/// from its range.
fn read_whole_sheet<RS, R>(
    workbook: &mut R,
    format: Format,
    dialect: &Dialect,
) -> Result<Table, ReadError>
where
    RS: Read + std::io::Seek,
    R: Reader<RS>,
{
    let sheets = worksheet_names(workbook.sheets_metadata());
    let sheet = choose_sheet(&sheets, dialect)?;
    let range = workbook.worksheet_range(&sheet).map_err(|_| Corrupt)?;
    let (header, rows) = range_table(&range)?;
    Ok(Table {
        format,
        encoding: None,
        separator: None,
        sheets,
        sheet: Some(sheet),
        header,
        rows,
    })
}

fn range_table(range: &Range<Data>) -> Result<(Vec<String>, Vec<Row>), ReadError> {
    let mut table = TableBuilder::new(false);
    if let Some((first_row, first_column)) = range.start() {
        if range.height() > MAX_ROWS + 1 {
            return Err(TooManyRows);
        }
        for (offset, values) in range.rows().enumerate() {
            let mut row = RowCells {
                index: Some(first_row.saturating_add(offset as u32)),
                ..RowCells::default()
            };
            for (column, value) in values.iter().enumerate() {
                row.put(first_column.saturating_add(column as u32), data_text(value));
            }
            row.flush_into(&mut table)?;
        }
    }
    table.finish()
}

/// A cell as the admin reads it, trimmed.
fn data_ref_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::SharedString(text) => text.trim().to_owned(),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            text.trim().to_owned()
        }
        DataRef::Int(number) => number.to_string(),
        DataRef::Float(number) => float_text(*number),
        DataRef::Bool(value) => bool_text(*value),
        DataRef::DateTime(date) => date_text(date),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

fn data_text(value: &Data) -> String {
    match value {
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            text.trim().to_owned()
        }
        Data::Int(number) => number.to_string(),
        Data::Float(number) => float_text(*number),
        Data::Bool(value) => bool_text(*value),
        Data::DateTime(date) => date_text(date),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Rust's `Display` for floats is the shortest text that reads back the
/// same, never in exponent form, and without ".0" for whole numbers
/// (42.0 → "42"): what the admin typed, for what an import reads (postcodes,
/// employee numbers, amounts).
fn float_text(number: f64) -> String {
    if number == 0.0 {
        // No "-0".
        "0".to_owned()
    } else {
        number.to_string()
    }
}

fn bool_text(value: bool) -> String {
    String::from(if value { "TRUE" } else { "FALSE" })
}

/// Dates as ISO dates, the time of day dropped: an import reads dates
/// (arrival, birth), and "2027-03-01" is what every field parser accepts.
/// calamine applies the workbook's 1900 or 1904 date system and Excel's
/// 1900 leap-year bug. A serial below 1 is a time of day without a date
/// (1900 system) and reads "HH:MM:SS"; durations read "H:MM:SS".
fn date_text(date: &ExcelDateTime) -> String {
    let serial = date.as_f64();
    if date.is_duration() {
        // Saturating cast; durations of a billion hours are not a concern.
        let seconds = (serial * 86_400.0).round() as i64;
        let sign = if seconds < 0 { "-" } else { "" };
        let seconds = seconds.unsigned_abs();
        return format!(
            "{sign}{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
    }
    let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
    if (0.0..1.0).contains(&serial) {
        format!("{hour:02}:{minute:02}:{second:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    }
}

// ---------------------------------------------------------------------------
// Guards: zip
// ---------------------------------------------------------------------------

/// Opens a workbook's zip and checks its central directory before anything
/// is inflated (see the module's documentation), then that it is the kind
/// of zip the extension says.
fn open_zip(bytes: &[u8], format: Format) -> Result<ZipArchive<Cursor<&[u8]>>, ReadError> {
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| Corrupt)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index_data(index).map_err(|_| Corrupt)?;
        let size = entry.size();
        total = total.saturating_add(size);
        if total > MAX_INFLATED_BYTES
            || (size > RATIO_CHECKED_FROM
                && size > entry.compressed_size().saturating_mul(MAX_RATIO))
        {
            return Err(ZipBomb);
        }
    }
    // Every OOXML package has a content-type list, every ODF one a mimetype
    // entry: without it, the zip is something else renamed.
    let marker: &[u8] = match format {
        Format::Ods => b"mimetype",
        _ => b"[Content_Types].xml",
    };
    if !archive
        .file_names_raw()
        .any(|name| name.eq_ignore_ascii_case(marker))
    {
        return Err(NotWhatItSays);
    }
    Ok(archive)
}

/// calamine reserves room for as many strings as sharedStrings.xml says it
/// holds before reading any; a count no file of that size could hold is
/// refused (the smallest string, `<si/>`, takes 5 bytes).
fn guard_shared_strings(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), ReadError> {
    let parts: Vec<usize> = archive
        .file_names_raw()
        .enumerate()
        .filter(|(_, name)| name.to_ascii_lowercase().ends_with(b"sharedstrings.xml"))
        .map(|(index, _)| index)
        .collect();
    for index in parts {
        let part = archive.by_index(index).map_err(|_| Corrupt)?;
        let most = part.size() / 5;
        let mut tags = Tags::new(BufReader::new(part));
        while let Some(tag) = tags.next_tag()? {
            if local_name(element_name(tag)) != b"sst" {
                continue;
            }
            let count = attribute(tag, b"uniqueCount").map_or(0, leading_number);
            if count > most {
                return Err(Corrupt);
            }
            break;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Guards: ODS
// ---------------------------------------------------------------------------

/// calamine's own caps on ODS repeat counts.
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

/// Attributes that give a cell a value (a cell with content also has one).
const ODS_VALUE_ATTRIBUTES: [&[u8]; 6] = [
    b"office:value",
    b"office:string-value",
    b"office:date-value",
    b"office:time-value",
    b"office:boolean-value",
    b"table:formula",
];

/// An ODS row or cell can say "repeated a million times" in a few bytes,
/// and calamine writes every repetition out, for every sheet, when the
/// file is opened. This walks content.xml's tags (without building
/// anything) and adds up what calamine would build: the cells it lists per
/// row, and the rectangle from the first to the last row with a value, as
/// wide as the widest, with repetitions. Empty cells and rows, which
/// LibreOffice repeats to the end of the sheet, cost nothing there and are
/// not counted.
fn guard_ods(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), ReadError> {
    let content = archive.by_name("content.xml").map_err(|_| Corrupt)?;
    let mut tags = Tags::new(BufReader::with_capacity(64 * 1024, content));
    let mut estimate = OdsEstimate::default();
    while let Some(tag) = tags.next_tag()? {
        let closing = tag.first() == Some(&b'/');
        let name = element_name(if closing { &tag[1..] } else { tag });
        let self_closing = tag.last() == Some(&b'/');
        match (closing, name) {
            (_, b"table:table") => estimate.next_table(),
            (false, b"table:table-row") => {
                estimate.start_row(repeat(tag, b"table:number-rows-repeated")?);
                if self_closing {
                    estimate.end_row()?;
                }
            }
            (true, b"table:table-row") => estimate.end_row()?,
            (false, b"table:table-cell" | b"table:covered-table-cell") => {
                let valued = !self_closing
                    || ODS_VALUE_ATTRIBUTES
                        .iter()
                        .any(|key| attribute(tag, key).is_some());
                estimate.cell(repeat(tag, b"table:number-columns-repeated")?, valued);
            }
            _ => {}
        }
    }
    Ok(())
}

/// A repeat count calamine would read; anything but plain digits is
/// refused rather than guessed at (calamine decodes entities, this does not).
fn repeat(tag: &[u8], key: &[u8]) -> Result<u64, ReadError> {
    match attribute(tag, key) {
        None => Ok(1),
        Some(value) if !value.is_empty() && value.iter().all(u8::is_ascii_digit) => {
            Ok(leading_number(value))
        }
        Some(_) => Err(Corrupt),
    }
}

#[derive(Default)]
struct OdsEstimate {
    earlier_tables: u64,
    rows: u64,
    first_valued: Option<u64>,
    valued_end: u64,
    width: u64,
    listed: u64,
    row: Option<OdsRow>,
}

struct OdsRow {
    repeat: u64,
    column: u64,
    valued_to: u64,
}

impl OdsEstimate {
    fn table_cells(&self) -> u64 {
        let height = self
            .first_valued
            .map_or(0, |first| self.valued_end.saturating_sub(first));
        self.listed
            .saturating_add(height.saturating_mul(self.width))
    }

    /// Closes the current table (nested or not, its cells stay counted).
    fn next_table(&mut self) {
        let earlier_tables = self.earlier_tables.saturating_add(self.table_cells());
        *self = OdsEstimate {
            earlier_tables,
            ..OdsEstimate::default()
        };
    }

    fn start_row(&mut self, repeat: u64) {
        self.row = Some(OdsRow {
            repeat,
            column: 0,
            valued_to: 0,
        });
    }

    fn cell(&mut self, repeat: u64, valued: bool) {
        if let Some(row) = &mut self.row {
            row.column = row.column.saturating_add(repeat).min(ODS_MAX_COLUMNS);
            if valued {
                row.valued_to = row.column;
            }
        }
    }

    fn end_row(&mut self) -> Result<(), ReadError> {
        let Some(row) = self.row.take() else {
            return Ok(());
        };
        self.listed = self.listed.saturating_add(row.valued_to);
        let start = self.rows;
        self.rows = self.rows.saturating_add(row.repeat).min(ODS_MAX_ROWS);
        if row.valued_to > 0 {
            self.first_valued.get_or_insert(start);
            self.valued_end = self.rows;
            self.width = self.width.max(row.valued_to);
        }
        if self.earlier_tables.saturating_add(self.table_cells()) > MAX_MATERIALISED_CELLS {
            return Err(TooManyRows);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Guards: a tag scanner for the XML parts read before calamine
// ---------------------------------------------------------------------------

/// Yields an XML document's markup one tag at a time (the bytes between `<`
/// and `>`, without them), delimited the way an XML parser delimits them:
/// a `>` inside a quoted attribute value, a comment, a CDATA section or a
/// processing instruction does not end it. Nothing is built, so a part of
/// any size is walked in constant memory (but for one tag).
struct Tags<R> {
    input: R,
    tag: Vec<u8>,
}

impl<R: BufRead> Tags<R> {
    fn new(input: R) -> Tags<R> {
        Tags {
            input,
            tag: Vec::new(),
        }
    }

    fn next_tag(&mut self) -> Result<Option<&[u8]>, ReadError> {
        loop {
            let buffer = self.input.fill_buf().map_err(|_| Corrupt)?;
            if buffer.is_empty() {
                return Ok(None);
            }
            match buffer.iter().position(|&byte| byte == b'<') {
                Some(at) => {
                    self.input.consume(at + 1);
                    break;
                }
                None => {
                    let skipped = buffer.len();
                    self.input.consume(skipped);
                }
            }
        }
        self.tag.clear();
        let mut quote: Option<u8> = None;
        let mut scanned = 0;
        loop {
            self.input
                .read_until(b'>', &mut self.tag)
                .map_err(|_| Corrupt)?;
            if self.tag.last() != Some(&b'>') {
                // Cut off inside a tag: calamine will say what it thinks.
                return Ok(None);
            }
            let tag = &self.tag[..];
            let complete = if tag.starts_with(b"!--") {
                tag.len() >= 6 && tag.ends_with(b"-->")
            } else if tag.starts_with(b"![CDATA[") {
                tag.len() >= 11 && tag.ends_with(b"]]>")
            } else if tag.starts_with(b"?") {
                tag.len() >= 3 && tag.ends_with(b"?>")
            } else if tag.starts_with(b"!") {
                true
            } else {
                let end = tag.len() - 1;
                for &byte in &tag[scanned..end] {
                    match quote {
                        Some(open) if byte == open => quote = None,
                        None if byte == b'"' || byte == b'\'' => quote = Some(byte),
                        _ => {}
                    }
                }
                scanned = end;
                quote.is_none()
            };
            if complete {
                self.tag.pop();
                return Ok(Some(&self.tag));
            }
        }
    }
}

/// `table:table-row` in `table:table-row table:style-name="ro1"`.
fn element_name(tag: &[u8]) -> &[u8] {
    let end = tag
        .iter()
        .position(|&byte| byte.is_ascii_whitespace() || byte == b'/')
        .unwrap_or(tag.len());
    &tag[..end]
}

fn local_name(name: &[u8]) -> &[u8] {
    name.rsplit(|&byte| byte == b':').next().unwrap_or(name)
}

/// The raw value of the first attribute named exactly `key`.
fn attribute<'t>(tag: &'t [u8], key: &[u8]) -> Option<&'t [u8]> {
    let mut rest = &tag[element_name(tag).len()..];
    loop {
        rest = rest.trim_ascii_start();
        let equals = rest.iter().position(|&byte| byte == b'=')?;
        let name = rest[..equals].trim_ascii();
        rest = rest[equals + 1..].trim_ascii_start();
        let quote = *rest.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let length = rest[1..].iter().position(|&byte| byte == quote)?;
        if name == key {
            return Some(&rest[1..1 + length]);
        }
        rest = &rest[length + 2..];
    }
}

/// The number its leading digits spell, saturating.
fn leading_number(value: &[u8]) -> u64 {
    value
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .fold(0u64, |number, &digit| {
            number
                .saturating_mul(10)
                .saturating_add(u64::from(digit - b'0'))
        })
}

// ---------------------------------------------------------------------------
// Guards: XLS
// ---------------------------------------------------------------------------

const OLE_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Sector numbers from here up are markers, not sectors.
const FIRST_MARKER: u32 = 0xFFFF_FFFA;
const DIFAT_MARKER: u32 = 0xFFFF_FFFC;
const MINI_SECTOR_BYTES: usize = 64;
const MINI_STREAM_CUTOFF: usize = 4096;

/// calamine follows an XLS file's sector chains without a bound (a loop in
/// one is an allocation without end), reserves what a DIMENSIONS record
/// asks for, and lays each sheet out as the rectangle around its cells,
/// however far apart. So the Workbook stream is located here the way
/// calamine locates it, every chain on the way checked to end within the
/// file, and its records are walked the way calamine walks them, adding up
/// what it would build.
fn guard_xls(bytes: &[u8]) -> Result<(), ReadError> {
    let stream = workbook_stream(bytes).ok_or(Corrupt)?;
    guard_biff(&stream)
}

fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.len() < 512 || !bytes.starts_with(OLE_SIGNATURE) {
        return None;
    }
    let sector_size = match le_u16(bytes, 30)? {
        9 => 512,
        12 => 4096,
        _ => return None,
    };
    if le_u16(bytes, 32)? != 6 || bytes.len() < sector_size {
        return None;
    }
    let version = le_u16(bytes, 26)?;
    let max_id = bytes.len() / sector_size;
    // The header takes the place of sector -1.
    let sector = |id: u32| -> Option<&[u8]> {
        let id = id as usize;
        if id > max_id {
            return None;
        }
        let start = (id + 1) * sector_size;
        (start < bytes.len()).then(|| &bytes[start..bytes.len().min(start + sector_size)])
    };

    let mut difat: Vec<u32> = le_u32s(&bytes[76..512]).collect();
    let mut next = le_u32(bytes, 68)?;
    let mut steps = 0;
    while next < FIRST_MARKER {
        steps += 1;
        if steps > max_id + 1 {
            return None;
        }
        difat.extend(le_u32s(sector(next)?));
        next = difat.pop()?;
    }
    let fat_sectors: Vec<u32> = difat.into_iter().filter(|&id| id < DIFAT_MARKER).collect();
    // A file lists each of its FAT sectors once; listing one many times
    // would make calamine's FAT larger than the file.
    if fat_sectors.len() > max_id + 1 {
        return None;
    }
    let mut fat = Vec::new();
    for id in fat_sectors {
        fat.extend(le_u32s(sector(id)?));
    }

    let directory = follow_chain(&sector, &fat, le_u32(bytes, 48)?, usize::MAX, max_id + 1)?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let root = entries.first()?;
    if version != 3 && le_u32(root, 116)? == END_OF_CHAIN {
        return None;
    }
    let entry_len = |entry: &[u8]| -> Option<usize> {
        if sector_size == 512 {
            le_u32(entry, 120).map(|len| len as usize)
        } else {
            le_u64(entry, 120).and_then(|len| usize::try_from(len).ok())
        }
    };
    let entry_name = |entry: &[u8]| -> String {
        // As calamine does, BOM sniffing included.
        let mut name = encoding_rs::UTF_16LE.decode(&entry[..64]).0.into_owned();
        if let Some(end) = name.find('\0') {
            name.truncate(end);
        }
        name
    };
    let find = |wanted: &str| {
        entries
            .iter()
            .find(|entry| entry_name(entry).eq_ignore_ascii_case(wanted))
    };
    // calamine loads the mini stream whenever the file has a mini FAT.
    let mini_fat_sectors = le_u32(bytes, 64)? as usize;
    let mini = if mini_fat_sectors > 0 {
        let stream = follow_chain(
            &sector,
            &fat,
            le_u32(root, 116)?,
            entry_len(root)?,
            max_id + 1,
        )?;
        let fat_bytes = follow_chain(
            &sector,
            &fat,
            le_u32(bytes, 60)?,
            mini_fat_sectors.checked_mul(sector_size)?,
            max_id + 1,
        )?;
        Some((stream, le_u32s(&fat_bytes).collect::<Vec<u32>>()))
    } else {
        None
    };

    let workbook = find("Workbook").or_else(|| find("Book"))?;
    let start = le_u32(workbook, 116)?;
    let len = entry_len(workbook)?;
    if len >= MINI_STREAM_CUTOFF {
        return follow_chain(&sector, &fat, start, len, max_id + 1);
    }
    let (mini_stream, mini_fat) = mini.as_ref()?;
    let max_mini_id = max_id * 8;
    // Past the mini stream calamine would read whatever follows in the
    // file; no sound file points there, so it is refused instead.
    let mini_sector = |id: u32| -> Option<&[u8]> {
        let id = id as usize;
        let start = id.checked_mul(MINI_SECTOR_BYTES)?;
        (id <= max_mini_id)
            .then(|| mini_stream.get(start..start + MINI_SECTOR_BYTES))
            .flatten()
    };
    follow_chain(&mini_sector, mini_fat, start, len, max_mini_id + 1)
}

/// Concatenates a chain's sectors up to `len` bytes, as calamine does, but
/// gives up after `max_steps` sectors: more than the file has means a loop.
fn follow_chain<'a>(
    sector: &impl Fn(u32) -> Option<&'a [u8]>,
    fat: &[u32],
    mut id: u32,
    len: usize,
    max_steps: usize,
) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut steps = 0;
    while id != END_OF_CHAIN {
        steps += 1;
        if steps > max_steps {
            return None;
        }
        let data = sector(id)?;
        let take = data.len().min(len - out.len());
        out.extend_from_slice(&data[..take]);
        if out.len() >= len {
            break;
        }
        id = *fat.get(id as usize)?;
    }
    Some(out)
}

const BIFF_BOF: u16 = 0x0809;
const BIFF_EOF: u16 = 0x000A;
const BIFF_CONTINUE: u16 = 0x003C;
const BIFF_BOUNDSHEET: u16 = 0x0085;
const BIFF_DIMENSIONS: u16 = 0x0200;
const BIFF_FORMULA: u16 = 0x0006;
const BIFF_STRING: u16 = 0x0207;
const BIFF_MULRK: u16 = 0x00BD;
/// NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST: a row and a column first.
const BIFF_CELLS: [u16; 6] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD];

/// The sheets' substreams, where the global part says they start (calamine
/// reads each from there, so two sheets pointing into one substream would
/// make it read it twice: refused), adding up the rectangles calamine lays
/// out; and every DIMENSIONS record, which calamine reserves room for.
fn guard_biff(stream: &[u8]) -> Result<(), ReadError> {
    let mut sheets = Vec::new();
    for record in BiffRecords::new(stream, 0) {
        let (kind, data) = record?;
        match kind {
            BIFF_BOUNDSHEET if data.len() >= 6 => sheets.push(le_u32(data, 0).ok_or(Corrupt)?),
            BIFF_BOUNDSHEET => return Err(Corrupt),
            BIFF_EOF => break,
            _ => {}
        }
    }
    sheets.sort_unstable();
    let mut read_up_to = 0;
    let mut cells: u64 = 0;
    for start in sheets {
        let start = start as usize;
        if start < read_up_to || start > stream.len() {
            return Err(Corrupt);
        }
        let (area, end) = sheet_area(stream, start)?;
        cells = cells.saturating_add(area);
        if cells > MAX_MATERIALISED_CELLS {
            return Err(TooManyRows);
        }
        read_up_to = end;
    }
    Ok(())
}

/// One sheet substream, as calamine reads it: nested substreams (charts)
/// skipped, up to its EOF. Returns the cells of its rectangle and where the
/// substream ends.
fn sheet_area(stream: &[u8], start: usize) -> Result<(u64, usize), ReadError> {
    let mut records = BiffRecords::new(stream, start);
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut bounds: Option<[u32; 4]> = None;
    let mut formula_at = (0, 0);
    for record in records.by_ref() {
        let (kind, data) = record?;
        if depth > 0 {
            match kind {
                BIFF_BOF => depth += 1,
                BIFF_EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        let position = || Some((le_u16(data, 0)?, le_u16(data, 2)?));
        match kind {
            BIFF_BOF if seen_bof => depth += 1,
            BIFF_BOF => seen_bof = true,
            BIFF_DIMENSIONS if dimensions_area(data)? > MAX_MATERIALISED_CELLS => {
                return Err(TooManyRows);
            }
            BIFF_FORMULA => {
                if let Some(at) = position() {
                    formula_at = at;
                    widen(&mut bounds, at);
                }
            }
            BIFF_STRING => widen(&mut bounds, formula_at),
            BIFF_MULRK if data.len() >= 6 => {
                let row = le_u16(data, 0).ok_or(Corrupt)?;
                widen(&mut bounds, (row, le_u16(data, 2).ok_or(Corrupt)?));
                widen(
                    &mut bounds,
                    (row, le_u16(data, data.len() - 2).ok_or(Corrupt)?),
                );
            }
            kind if BIFF_CELLS.contains(&kind) => {
                if let Some(at) = position() {
                    widen(&mut bounds, at);
                }
            }
            BIFF_EOF => break,
            _ => {}
        }
    }
    let area = bounds.map_or(0, |[top, bottom, left, right]| {
        u64::from(bottom - top + 1) * u64::from(right - left + 1)
    });
    Ok((area, records.offset))
}

fn widen(bounds: &mut Option<[u32; 4]>, (row, column): (u16, u16)) {
    let (row, column) = (u32::from(row), u32::from(column));
    *bounds = Some(match *bounds {
        None => [row, row, column, column],
        Some([top, bottom, left, right]) => [
            top.min(row),
            bottom.max(row),
            left.min(column),
            right.max(column),
        ],
    });
}

/// The cells calamine reserves for a DIMENSIONS record, computed as it
/// does, wrapping `u32` arithmetic included (a last row before the first
/// one wraps to four billion rows).
fn dimensions_area(data: &[u8]) -> Result<u64, ReadError> {
    let field = |at: usize, wide: bool| {
        if wide {
            le_u32(data, at)
        } else {
            le_u16(data, at).map(u32::from)
        }
    };
    let wide = match data.len() {
        10 => false,
        14 | 16 => true,
        _ => return Err(Corrupt),
    };
    let step = if wide { 4 } else { 2 };
    let first_row = field(0, wide).ok_or(Corrupt)?;
    let end_row = field(step, wide).ok_or(Corrupt)?;
    let mut first_column = field(2 * step, false).ok_or(Corrupt)?;
    let end_column = field(2 * step + 2, false).ok_or(Corrupt)?;
    if first_column > 0xFF || end_column < first_column {
        first_column = 0;
    }
    let (last_row, last_column) = if end_row >= 1 && end_column >= 1 {
        (end_row - 1, end_column - 1)
    } else {
        (first_row, first_column)
    };
    let rows = last_row.wrapping_sub(first_row).wrapping_add(1);
    let columns = last_column.wrapping_sub(first_column).wrapping_add(1);
    Ok(u64::from(rows).saturating_mul(u64::from(columns)))
}

/// BIFF records as calamine's iterator yields them: CONTINUE records are
/// part of the record before them.
struct BiffRecords<'a> {
    stream: &'a [u8],
    offset: usize,
}

impl<'a> BiffRecords<'a> {
    fn new(stream: &'a [u8], offset: usize) -> BiffRecords<'a> {
        BiffRecords { stream, offset }
    }
}

impl<'a> Iterator for BiffRecords<'a> {
    type Item = Result<(u16, &'a [u8]), ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.stream[self.offset..];
        if rest.is_empty() {
            return None;
        }
        let (Some(kind), Some(len)) = (le_u16(rest, 0), le_u16(rest, 2)) else {
            self.offset = self.stream.len();
            return Some(Err(Corrupt));
        };
        let Some(data) = rest.get(4..4 + len as usize) else {
            self.offset = self.stream.len();
            return Some(Err(Corrupt));
        };
        self.offset += 4 + data.len();
        loop {
            let rest = &self.stream[self.offset..];
            if rest.len() <= 4 || le_u16(rest, 0) != Some(BIFF_CONTINUE) {
                break;
            }
            let len = le_u16(rest, 2).map_or(0, usize::from);
            if rest.len() < 4 + len {
                self.offset = self.stream.len();
                return Some(Err(Corrupt));
            }
            self.offset += 4 + len;
        }
        Some(Ok((kind, data)))
    }
}

fn le_u16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn le_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn le_u64(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

fn le_u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use proptest::prelude::*;
    use rust_xlsxwriter::{ExcelDateTime as XlsxDate, Format as XlsxFormat, Formula, Workbook};
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};

    use super::*;

    fn detect() -> Dialect {
        Dialect::default()
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| (*cell).to_owned()).collect()
    }

    fn row(line: usize, cells: &[&str]) -> Row {
        Row {
            line,
            cells: strings(cells),
        }
    }

    // --- Delimited files -------------------------------------------------

    #[test]
    fn french_excel_csv_is_windows_1252_with_semicolons() {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252
            .encode("Prénom;Nom;Courriel\r\nAndré;Lefèvre;andre@exemple.fr\r\n");
        assert!(!unmappable);
        // What Excel writes: é as the single byte 0xE9, not UTF-8.
        assert!(bytes.contains(&0xE9));

        let table = read("export.csv", &bytes, &detect()).unwrap();

        assert_eq!(table.format, Format::Delimited);
        assert_eq!(table.encoding, Some(Encoding::Windows1252));
        assert_eq!(table.separator, Some(Separator::Semicolon));
        assert_eq!(table.header, strings(&["Prénom", "Nom", "Courriel"]));
        assert_eq!(
            table.rows,
            vec![row(2, &["André", "Lefèvre", "andre@exemple.fr"])]
        );
        assert!(table.sheets.is_empty());
        assert_eq!(table.sheet, None);
    }

    #[test]
    fn utf8_bom_csv_with_quoted_cells_blank_lines_and_trailing_columns() {
        let text = "\u{FEFF}email, first_name ,,\n\
                    \n\
                    \x20 ana@exemple.fr ,  Ana ,,\n\
                    \"bob@exemple.fr\",\"Bob, \"\"Bobby\"\"\nLe Grand \",,\n\
                    ,, ,\n\
                    \n\
                    carla@exemple.fr,Carla\n";
        assert!(text.as_bytes().starts_with(UTF8_BOM));

        let table = read("users.csv", text.as_bytes(), &detect()).unwrap();

        assert_eq!(table.encoding, Some(Encoding::Utf8Bom));
        assert_eq!(table.separator, Some(Separator::Comma));
        assert_eq!(table.header, strings(&["email", "first_name"]));
        assert_eq!(
            table.rows,
            vec![
                row(3, &["ana@exemple.fr", "Ana"]),
                // The record starts on line 4 and ends on line 5.
                row(4, &["bob@exemple.fr", "Bob, \"Bobby\"\nLe Grand"]),
                row(8, &["carla@exemple.fr", "Carla"]),
            ]
        );
    }

    #[test]
    fn csv_width_follows_the_header_as_written() {
        // A column without a header but with data stays; the empty ones
        // at the right end go.
        let table = read("a.csv", b"email,,,\na@exemple.fr,,x,\n", &detect()).unwrap();
        assert_eq!(table.header, strings(&["email", "", ""]));
        assert_eq!(table.rows, vec![row(2, &["a@exemple.fr", "", "x"])]);

        // Cells beyond the header are dropped, short rows padded.
        let table = read(
            "a.csv",
            b"email,name\na@exemple.fr,Ann,extra\nb@exemple.fr\n",
            &detect(),
        )
        .unwrap();
        assert_eq!(table.header, strings(&["email", "name"]));
        assert_eq!(
            table.rows,
            vec![
                row(2, &["a@exemple.fr", "Ann"]),
                row(3, &["b@exemple.fr", ""]),
            ]
        );

        // A row whose only content is beyond the header is blank.
        let table = read("a.csv", b"email\n,stray\nb@exemple.fr\n", &detect()).unwrap();
        assert_eq!(table.rows, vec![row(3, &["b@exemple.fr"])]);

        // Leading blank lines: the header is the first non-blank row.
        let table = read("a.csv", b"\r\n;;\r\nemail;name\r\nx@y.fr;X\r\n", &detect()).unwrap();
        assert_eq!(table.header, strings(&["email", "name"]));
        assert_eq!(table.rows, vec![row(4, &["x@y.fr", "X"])]);
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend(if big_endian { UTF16BE_BOM } else { UTF16LE_BOM });
        }
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    #[test]
    fn excel_unicode_text_is_utf16le_with_tabs() {
        let text = "Prénom\tNom\temail\r\nÉlodie\tÇa, va\telodie@exemple.fr\r\n";
        let bytes = utf16(text, false, true);

        let table = read("users.txt", &bytes, &detect()).unwrap();

        assert_eq!(table.encoding, Some(Encoding::Utf16Le));
        assert_eq!(table.separator, Some(Separator::Tab));
        assert_eq!(table.header, strings(&["Prénom", "Nom", "email"]));
        assert_eq!(
            table.rows,
            vec![row(2, &["Élodie", "Ça, va", "elodie@exemple.fr"])]
        );
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let text = "email;nom\nana@exemple.fr;Ana\n";
        let table = read("u.csv", &utf16(text, true, false), &detect()).unwrap();
        assert_eq!(table.encoding, Some(Encoding::Utf16Be));
        assert_eq!(table.rows, vec![row(2, &["ana@exemple.fr", "Ana"])]);

        let table = read("u.csv", &utf16(text, false, false), &detect()).unwrap();
        assert_eq!(table.encoding, Some(Encoding::Utf16Le));
        assert_eq!(table.rows, vec![row(2, &["ana@exemple.fr", "Ana"])]);
    }

    #[test]
    fn tsv_files_are_tab_separated_whatever_they_contain() {
        let table = read("u.TSV", b"a;b\tc\n1;2\t3\n", &detect()).unwrap();
        assert_eq!(table.separator, Some(Separator::Tab));
        assert_eq!(table.header, strings(&["a;b", "c"]));
    }

    #[test]
    fn forced_dialect_overrides_detection() {
        let forced = Dialect {
            separator: Some(Separator::Comma),
            ..Dialect::default()
        };
        let table = read("u.csv", b"email;name\na@exemple.fr;Ann\n", &forced).unwrap();
        assert_eq!(table.separator, Some(Separator::Comma));
        assert_eq!(table.header, strings(&["email;name"]));
        assert_eq!(table.rows, vec![row(2, &["a@exemple.fr;Ann"])]);

        // Windows-1252 bytes forced as UTF-8: replacement characters, no error.
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("nom\nAndré\n");
        let forced = Dialect {
            encoding: Some(Encoding::Utf8),
            ..Dialect::default()
        };
        let table = read("u.csv", &bytes, &forced).unwrap();
        assert_eq!(table.encoding, Some(Encoding::Utf8));
        assert_eq!(table.rows, vec![row(2, &["Andr\u{FFFD}"])]);

        // UTF-8 forced as Windows-1252 reads what Windows-1252 reads.
        let forced = Dialect {
            encoding: Some(Encoding::Windows1252),
            ..Dialect::default()
        };
        let table = read("u.csv", "nom\nAndré\n".as_bytes(), &forced).unwrap();
        assert_eq!(table.rows, vec![row(2, &["AndrÃ©"])]);

        // A forced encoding still loses its BOM.
        let forced = Dialect {
            encoding: Some(Encoding::Utf8),
            ..Dialect::default()
        };
        let table = read("u.csv", "\u{FEFF}nom\nAnn\n".as_bytes(), &forced).unwrap();
        assert_eq!(table.header, strings(&["nom"]));

        // The sheet of a dialect means nothing to a CSV file.
        let forced = Dialect {
            sheet: Some("Feuil1".to_owned()),
            ..Dialect::default()
        };
        assert!(read("u.csv", b"nom\nAnn\n", &forced).is_ok());
    }

    #[test]
    fn separator_sniffing_rules() {
        // Only separators on the header line are candidates.
        assert_eq!(
            sniff_separator("nom;montant\nAnn;1,5\nBob;2,25\n"),
            Separator::Semicolon
        );
        assert_eq!(
            sniff_separator("email,name\nann@x.fr,\"Ann; Jr\"\n"),
            Separator::Comma
        );
        // The most consistent count wins...
        assert_eq!(
            sniff_separator("a\tb,c\n1\t2\n3\t4\n5\t6,7,8\n"),
            Separator::Tab
        );
        assert_eq!(
            sniff_separator("a,b,c;d\n1,2,3;4;5\n6,7,8\n"),
            Separator::Comma
        );
        // ...and ties go semicolon, comma, tab.
        assert_eq!(sniff_separator("a,b;c\n1,2;3\n"), Separator::Semicolon);
        assert_eq!(sniff_separator("a,b\tc\n1,2\t3\n"), Separator::Comma);
        // Quoted separators do not count, and a quoted line break does not
        // end the record.
        assert_eq!(
            sniff_separator("\"a;b\",c\n\"1;\n2\",3\n"),
            Separator::Comma
        );
        // Nothing but separators: the most common one.
        assert_eq!(sniff_separator(";;\n ; \n,\n"), Separator::Semicolon);
        // One column, no separator: comma.
        assert_eq!(sniff_separator("email\na@x.fr\n"), Separator::Comma);
        assert_eq!(sniff_separator(""), Separator::Comma);
    }

    #[test]
    fn encoding_detection() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFa"), Encoding::Utf8Bom);
        assert_eq!(detect_encoding(b"\xFF\xFEa\0"), Encoding::Utf16Le);
        assert_eq!(detect_encoding(b"\xFE\xFF\0a"), Encoding::Utf16Be);
        assert_eq!(detect_encoding("émile".as_bytes()), Encoding::Utf8);
        assert_eq!(detect_encoding(b"\xE9mile"), Encoding::Windows1252);
        assert_eq!(detect_encoding(b"plain"), Encoding::Utf8);
    }

    #[test]
    fn codes_round_trip() {
        for encoding in Encoding::ALL {
            assert_eq!(Encoding::parse(encoding.code()), Some(encoding));
        }
        for separator in Separator::ALL {
            assert_eq!(Separator::parse(separator.code()), Some(separator));
        }
        assert_eq!(Encoding::parse("latin-1"), None);
        assert_eq!(Separator::parse("pipe"), None);
        assert_eq!(Separator::Semicolon.byte(), b';');
    }

    // --- XLSX ------------------------------------------------------------

    fn xlsx_fixture() -> Vec<u8> {
        let mut workbook = Workbook::new();
        let date = XlsxFormat::new().set_num_format("yyyy-mm-dd");
        let date_time = XlsxFormat::new().set_num_format("dd/mm/yyyy hh:mm");
        let sheet = workbook.add_worksheet();
        sheet.set_name("Personnes").unwrap();
        for (column, title) in ["email", "arrivée", "badge", "total"].iter().enumerate() {
            sheet.write_string(0, column as u16, *title).unwrap();
        }
        sheet.write_string(1, 0, "  ana@exemple.fr ").unwrap();
        sheet
            .write_datetime_with_format(1, 1, XlsxDate::from_ymd(2027, 3, 1).unwrap(), &date)
            .unwrap();
        sheet.write_number(1, 2, 42).unwrap();
        sheet
            .write_formula(1, 3, Formula::new("=1+1").set_result("2"))
            .unwrap();
        // Row 3 stays blank.
        sheet.write_string(3, 0, "bob@exemple.fr").unwrap();
        let afternoon = XlsxDate::from_ymd(2027, 3, 1)
            .unwrap()
            .and_hms(14, 30, 0)
            .unwrap();
        sheet
            .write_datetime_with_format(3, 1, afternoon, &date_time)
            .unwrap();
        sheet.write_number(3, 2, 2.5).unwrap();
        sheet.write_boolean(3, 3, true).unwrap();

        let guests = workbook.add_worksheet();
        guests.set_name("Invités").unwrap();
        guests.write_string(1, 1, "invité").unwrap();
        guests.write_string(2, 1, "g@exemple.fr").unwrap();
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn xlsx_cells_read_as_the_admin_sees_them() {
        let table = read("Import.XLSX", &xlsx_fixture(), &detect()).unwrap();

        assert_eq!(table.format, Format::Xlsx);
        assert_eq!(table.encoding, None);
        assert_eq!(table.separator, None);
        assert_eq!(table.sheets, strings(&["Personnes", "Invités"]));
        assert_eq!(table.sheet.as_deref(), Some("Personnes"));
        assert_eq!(
            table.header,
            strings(&["email", "arrivée", "badge", "total"])
        );
        assert_eq!(
            table.rows,
            vec![
                row(2, &["ana@exemple.fr", "2027-03-01", "42", "2"]),
                row(4, &["bob@exemple.fr", "2027-03-01", "2.5", "TRUE"]),
            ]
        );
    }

    #[test]
    fn xlsx_forced_sheet() {
        let forced = Dialect {
            sheet: Some("Invités".to_owned()),
            ..Dialect::default()
        };
        let table = read("import.xlsx", &xlsx_fixture(), &forced).unwrap();
        assert_eq!(table.sheet.as_deref(), Some("Invités"));
        // Columns keep their letters: B is the second cell.
        assert_eq!(table.header, strings(&["", "invité"]));
        assert_eq!(table.rows, vec![row(3, &["", "g@exemple.fr"])]);

        let missing = Dialect {
            sheet: Some("Feuil1".to_owned()),
            ..Dialect::default()
        };
        assert_eq!(
            read("import.xlsx", &xlsx_fixture(), &missing),
            Err(ReadError::SheetNotFound)
        );
    }

    /// Copies a zip, passing each entry's bytes through `change`.
    fn rewrite_zip(bytes: &[u8], change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
        let mut archive = ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        for index in 0..archive.len() {
            let mut entry = archive.by_index(index).unwrap();
            let name = entry.name().unwrap().into_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            let options =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            writer.start_file(name.as_str(), options).unwrap();
            writer.write_all(&change(&name, data)).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn replace(data: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
        let text = String::from_utf8(data).unwrap();
        assert!(text.contains(from), "{from} not in {text}");
        text.replacen(from, to, 1).into_bytes()
    }

    #[test]
    fn xlsx_1904_date_system() {
        let bytes = rewrite_zip(&xlsx_fixture(), |name, data| {
            if name == "xl/workbook.xml" {
                replace(data, "<workbookPr ", "<workbookPr date1904=\"1\" ")
            } else {
                data
            }
        });
        let table = read("mac.xlsx", &bytes, &detect()).unwrap();
        // The same serial, counted from 1904-01-01: 1462 days later.
        assert_eq!(table.rows[0].cells[1], "2031-03-02");
    }

    #[test]
    fn xlsx_empty_or_truncated() {
        let mut workbook = Workbook::new();
        workbook.add_worksheet();
        let empty = workbook.save_to_buffer().unwrap();
        assert_eq!(read("e.xlsx", &empty, &detect()), Err(Empty));

        let bytes = xlsx_fixture();
        assert_eq!(
            read("t.xlsx", &bytes[..bytes.len() / 2], &detect()),
            Err(Corrupt)
        );
    }

    #[test]
    fn xlsx_shared_string_count_no_file_could_hold_is_refused() {
        let bytes = rewrite_zip(&xlsx_fixture(), |name, data| {
            if name == "xl/sharedStrings.xml" {
                let text = String::from_utf8(data).unwrap();
                let start = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
                let end = start + text[start..].find('"').unwrap();
                format!("{}4000000000{}", &text[..start], &text[end..]).into_bytes()
            } else {
                data
            }
        });
        assert_eq!(read("s.xlsx", &bytes, &detect()), Err(Corrupt));
    }

    #[test]
    fn xlsx_too_many_rows_or_columns() {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "n").unwrap();
        for index in 1..=MAX_ROWS as u32 + 1 {
            sheet.write_number(index, 0, index).unwrap();
        }
        let bytes = workbook.save_to_buffer().unwrap();
        assert_eq!(read("big.xlsx", &bytes, &detect()), Err(TooManyRows));

        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "email").unwrap();
        sheet.write_string(5, MAX_COLUMNS as u16, "far").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        assert_eq!(read("wide.xlsx", &bytes, &detect()), Err(TooManyColumns));

        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "email").unwrap();
        sheet
            .write_string(5, MAX_COLUMNS as u16 - 1, "last")
            .unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let table = read("wide.xlsx", &bytes, &detect()).unwrap();
        assert_eq!(table.header.len(), MAX_COLUMNS);
    }

    // --- Zip bombs -------------------------------------------------------

    /// A zip with one sheet of `megabytes` MB of zeros, deflated at `level`,
    /// written a chunk at a time (memory stays at one chunk).
    fn zip_of_zeros(megabytes: usize, level: Option<i64>) -> ZipWriter<Cursor<Vec<u8>>> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(level);
        writer.start_file("[Content_Types].xml", options).unwrap();
        writer.write_all(b"<Types/>").unwrap();
        writer
            .start_file("xl/worksheets/sheet1.xml", options)
            .unwrap();
        let chunk = vec![0u8; 1024 * 1024];
        for _ in 0..megabytes {
            writer.write_all(&chunk).unwrap();
        }
        writer
    }

    #[test]
    fn zip_bomb_of_overlapping_entries_is_refused_by_its_total() {
        // 32 MB deflated only about 100:1 (fast level), so no entry's ratio
        // gives it away, then listed nine times over the same data: 288 MB
        // announced by a file of a few hundred KB.
        let mut writer = zip_of_zeros(32, Some(1));
        for copy in 2..=9 {
            writer
                .shallow_copy_file(
                    "xl/worksheets/sheet1.xml",
                    &format!("xl/worksheets/sheet{copy}.xml"),
                )
                .unwrap();
        }
        let bomb = writer.finish().unwrap().into_inner();
        assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
        assert_eq!(read("bomb.xlsx", &bomb, &detect()), Err(ZipBomb));
        assert_eq!(read("bomb.ods", &bomb, &detect()), Err(ZipBomb));
    }

    #[test]
    fn absurd_compression_ratio_is_refused() {
        // 2 MB, far under the total, but a thousand to one.
        let bomb = zip_of_zeros(2, None).finish().unwrap().into_inner();
        assert_eq!(read("r.xlsx", &bomb, &detect()), Err(ZipBomb));
    }

    #[test]
    fn inflation_stops_at_the_declared_size() {
        // A central directory that under-declares the sheet: the zip crate
        // stops inflating at the declared size, so the read fails instead of
        // inflating more than the guard checked.
        let mut bytes = xlsx_fixture();
        let name = b"xl/worksheets/sheet1.xml";
        let mut patched = 0;
        for at in 0..bytes.len() - 46 {
            let (size_at, name_at) = match &bytes[at..at + 4] {
                b"PK\x03\x04" => (at + 22, at + 30),
                b"PK\x01\x02" => (at + 24, at + 46),
                _ => continue,
            };
            if bytes[name_at..].starts_with(name) {
                bytes[size_at..size_at + 4].copy_from_slice(&10u32.to_le_bytes());
                patched += 1;
            }
        }
        assert_eq!(patched, 2);
        assert_eq!(read("lie.xlsx", &bytes, &detect()), Err(Corrupt));
    }

    // --- Limits and mismatches -------------------------------------------

    fn csv_of(rows: usize) -> String {
        let mut text = String::from("email;prénom;nom;a;b;c;d;e;f;g\n");
        for index in 0..rows {
            text.push_str(&format!(
                "user{index}@exemple.fr;Prénom {index};Nom;1;2;3;4;5;6;{index}\n"
            ));
        }
        text
    }

    #[test]
    fn csv_row_limit() {
        let text = csv_of(MAX_ROWS);
        let table = read("full.csv", text.as_bytes(), &detect()).unwrap();
        assert_eq!(table.rows.len(), MAX_ROWS);
        assert_eq!(table.rows[MAX_ROWS - 1].line, MAX_ROWS + 1);
        assert_eq!(
            table.rows[MAX_ROWS - 1].cells[9],
            (MAX_ROWS - 1).to_string()
        );

        let text = csv_of(MAX_ROWS + 1);
        assert_eq!(
            read("over.csv", text.as_bytes(), &detect()),
            Err(TooManyRows)
        );
    }

    #[test]
    fn csv_column_limit() {
        let header = |columns: usize| {
            (0..columns)
                .map(|index| format!("c{index}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        let text = format!("{}\n", header(MAX_COLUMNS + 1));
        assert_eq!(
            read("w.csv", text.as_bytes(), &detect()),
            Err(TooManyColumns)
        );

        // Empty cells past the limit are only trailing separators.
        let text = format!("{}{}\nx\n", header(MAX_COLUMNS), ",".repeat(50));
        let table = read("w.csv", text.as_bytes(), &detect()).unwrap();
        assert_eq!(table.header.len(), MAX_COLUMNS);

        // A value under a header cell past the limit would be a column.
        let text = format!(
            "{}{}\n{}x\n",
            header(MAX_COLUMNS),
            ",".repeat(50),
            ",".repeat(MAX_COLUMNS + 10)
        );
        assert_eq!(
            read("w.csv", text.as_bytes(), &detect()),
            Err(TooManyColumns)
        );
    }

    #[test]
    fn content_must_match_the_extension() {
        let xlsx = xlsx_fixture();
        assert_eq!(
            read("u.xlsx", b"email,name\n", &detect()),
            Err(NotWhatItSays)
        );
        assert_eq!(
            read("u.ods", b"email,name\n", &detect()),
            Err(NotWhatItSays)
        );
        assert_eq!(read("u.xls", &xlsx, &detect()), Err(NotWhatItSays));
        assert_eq!(read("u.csv", &xlsx, &detect()), Err(NotWhatItSays));
        assert_eq!(read("u.txt", OLE_SIGNATURE, &detect()), Err(NotWhatItSays));
        assert_eq!(
            read("u.csv", b"email\0name\n", &detect()),
            Err(NotWhatItSays)
        );
        // A zip, but not a spreadsheet (nor the other spreadsheet format).
        assert_eq!(read("u.ods", &xlsx, &detect()), Err(NotWhatItSays));
        let plain = rewrite_zip(&xlsx, |_, data| data);
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        writer
            .start_file("users.csv", SimpleFileOptions::default())
            .unwrap();
        writer.write_all(b"email\n").unwrap();
        let archive = writer.finish().unwrap().into_inner();
        assert_eq!(read("u.xlsx", &archive, &detect()), Err(NotWhatItSays));
        assert!(read("u.xlsx", &plain, &detect()).is_ok());
    }

    #[test]
    fn unsupported_too_large_and_empty() {
        assert_eq!(read("u.pdf", b"%PDF-1.7", &detect()), Err(Unsupported));
        assert_eq!(read("users", b"email\n", &detect()), Err(Unsupported));
        assert_eq!(read("csv", b"email\n", &detect()), Err(Unsupported));
        assert_eq!(read("u.xlsm", b"PK\x03\x04", &detect()), Err(Unsupported));
        assert!(read("C:\\fakepath\\Users.CSV", b"email\nx@y.fr\n", &detect()).is_ok());

        let huge = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(read("u.csv", &huge, &detect()), Err(TooLarge));
        assert_eq!(read("u.pdf", &huge, &detect()), Err(TooLarge));

        assert_eq!(read("u.csv", b"", &detect()), Err(Empty));
        assert_eq!(read("u.xlsx", b"", &detect()), Err(Empty));
        assert_eq!(
            read("u.csv", b"\n \r\n;;;\n ; \n\"\"\n", &detect()),
            Err(Empty)
        );
        assert_eq!(read("u.csv", b"\xEF\xBB\xBF", &detect()), Err(Empty));
        // A header alone is a table without rows.
        let table = read("u.csv", b"email\n", &detect()).unwrap();
        assert!(table.rows.is_empty());
    }

    // --- XLS (crafted: there is no XLS writer) ----------------------------

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut bytes = kind.to_le_bytes().to_vec();
        bytes.extend((data.len() as u16).to_le_bytes());
        bytes.extend(data);
        bytes
    }

    fn bof(substream: u16) -> Vec<u8> {
        let mut data = vec![0u8; 16];
        data[..2].copy_from_slice(&0x0600u16.to_le_bytes());
        data[2..4].copy_from_slice(&substream.to_le_bytes());
        record(BIFF_BOF, &data)
    }

    fn label(row: u16, column: u16, text: &str) -> Vec<u8> {
        let latin1: Vec<u8> = text.chars().map(|c| c as u8).collect();
        let mut data = Vec::new();
        data.extend(row.to_le_bytes());
        data.extend(column.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        data.extend((latin1.len() as u16).to_le_bytes());
        data.push(0);
        data.extend(latin1);
        record(0x0204, &data)
    }

    fn number(row: u16, column: u16, value: f64) -> Vec<u8> {
        let mut data = Vec::new();
        data.extend(row.to_le_bytes());
        data.extend(column.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        data.extend(value.to_le_bytes());
        record(0x0203, &data)
    }

    fn dimensions(first_row: u32, end_row: u32, first_column: u16, end_column: u16) -> Vec<u8> {
        let mut data = Vec::new();
        data.extend(first_row.to_le_bytes());
        data.extend(end_row.to_le_bytes());
        data.extend(first_column.to_le_bytes());
        data.extend(end_column.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        record(BIFF_DIMENSIONS, &data)
    }

    /// A BIFF8 Workbook stream: the global part, then each sheet's
    /// substream (`at` overrides where a BOUNDSHEET says a sheet starts).
    fn biff(sheets: &[(&str, Vec<u8>)], at: Option<&[u32]>) -> Vec<u8> {
        let boundsheet = |position: u32, name: &str| {
            let mut data = position.to_le_bytes().to_vec();
            let latin1: Vec<u8> = name.chars().map(|c| c as u8).collect();
            data.extend([0, 0, latin1.len() as u8, 0]);
            data.extend(latin1);
            record(BIFF_BOUNDSHEET, &data)
        };
        let globals_len = bof(5).len()
            + sheets
                .iter()
                .map(|(name, _)| boundsheet(0, name).len())
                .sum::<usize>()
            + record(BIFF_EOF, &[]).len();
        let mut substreams = Vec::new();
        let mut positions = Vec::new();
        for (_, body) in sheets {
            positions.push((globals_len + substreams.len()) as u32);
            substreams.extend(bof(0x10));
            substreams.extend(body);
            substreams.extend(record(BIFF_EOF, &[]));
        }
        let positions = at.map_or(positions, <[u32]>::to_vec);
        let mut stream = bof(5);
        for ((name, _), position) in sheets.iter().zip(positions) {
            stream.extend(boundsheet(position, name));
        }
        stream.extend(record(BIFF_EOF, &[]));
        assert_eq!(stream.len(), globals_len);
        stream.extend(substreams);
        stream
    }

    /// An OLE compound file (version 3, 512-byte sectors) holding `stream`
    /// as "Workbook": header, one FAT sector, one directory sector, then the
    /// stream (at least 4096 bytes, so out of the mini stream).
    fn ole(stream: &[u8]) -> Vec<u8> {
        let declared = stream.len().max(MINI_STREAM_CUTOFF);
        let mut stream = stream.to_vec();
        stream.resize(declared.next_multiple_of(512), 0);
        let sectors = stream.len() / 512;
        assert!(sectors + 2 <= 128);

        let mut file = vec![0u8; 512];
        let put = |file: &mut Vec<u8>, at: usize, value: &[u8]| {
            file[at..at + value.len()].copy_from_slice(value);
        };
        put(&mut file, 0, OLE_SIGNATURE);
        put(&mut file, 24, &0x3Eu16.to_le_bytes());
        put(&mut file, 26, &3u16.to_le_bytes());
        put(&mut file, 28, &0xFFFEu16.to_le_bytes());
        put(&mut file, 30, &9u16.to_le_bytes());
        put(&mut file, 32, &6u16.to_le_bytes());
        put(&mut file, 44, &1u32.to_le_bytes());
        put(&mut file, 48, &1u32.to_le_bytes());
        put(&mut file, 56, &4096u32.to_le_bytes());
        put(&mut file, 60, &END_OF_CHAIN.to_le_bytes());
        put(&mut file, 68, &END_OF_CHAIN.to_le_bytes());
        for slot in 0..109 {
            let id: u32 = if slot == 0 { 0 } else { 0xFFFF_FFFF };
            put(&mut file, 76 + slot * 4, &id.to_le_bytes());
        }

        let mut fat = vec![0xFFFF_FFFFu32; 128];
        fat[0] = 0xFFFF_FFFD;
        fat[1] = END_OF_CHAIN;
        for index in 0..sectors {
            fat[2 + index] = if index + 1 < sectors {
                (3 + index) as u32
            } else {
                END_OF_CHAIN
            };
        }
        for id in fat {
            file.extend(id.to_le_bytes());
        }

        let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
            let mut entry = vec![0u8; 128];
            let units: Vec<u8> = name
                .encode_utf16()
                .chain([0])
                .flat_map(u16::to_le_bytes)
                .collect();
            entry[..units.len()].copy_from_slice(&units);
            entry[64..66].copy_from_slice(&(units.len() as u16).to_le_bytes());
            entry[66] = kind;
            entry[67] = 1;
            entry[68..72].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
            entry[72..76].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
            entry[76..80].copy_from_slice(&child.to_le_bytes());
            entry[116..120].copy_from_slice(&start.to_le_bytes());
            entry[120..124].copy_from_slice(&size.to_le_bytes());
            entry
        };
        file.extend(entry("Root Entry", 5, 1, END_OF_CHAIN, 0));
        file.extend(entry("Workbook", 2, 0xFFFF_FFFF, 2, declared as u32));
        file.extend(vec![0u8; 256]);
        file.extend(stream);
        file
    }

    fn xls_fixture() -> Vec<u8> {
        let people = [
            dimensions(0, 3, 0, 2),
            label(0, 0, "email"),
            label(0, 1, "badge"),
            label(1, 0, " ana@exemple.fr "),
            number(1, 1, 42.0),
            label(2, 0, "bob@exemple.fr"),
            number(2, 1, 2.5),
        ]
        .concat();
        let guests = [label(0, 0, "invité")].concat();
        ole(&biff(&[("Personnes", people), ("Invités", guests)], None))
    }

    #[test]
    fn xls_cells_and_sheets() {
        let bytes = xls_fixture();
        let table = read("old.xls", &bytes, &detect()).unwrap();
        assert_eq!(table.format, Format::Xls);
        assert_eq!(table.sheets, strings(&["Personnes", "Invités"]));
        assert_eq!(table.header, strings(&["email", "badge"]));
        assert_eq!(
            table.rows,
            vec![
                row(2, &["ana@exemple.fr", "42"]),
                row(3, &["bob@exemple.fr", "2.5"]),
            ]
        );

        let forced = Dialect {
            sheet: Some("Invités".to_owned()),
            ..Dialect::default()
        };
        let table = read("old.xls", &bytes, &forced).unwrap();
        assert_eq!(table.header, strings(&["invité"]));
        let missing = Dialect {
            sheet: Some("Feuil3".to_owned()),
            ..Dialect::default()
        };
        assert_eq!(
            read("old.xls", &bytes, &missing),
            Err(ReadError::SheetNotFound)
        );
    }

    #[test]
    fn xls_sizes_that_would_exhaust_memory_are_refused() {
        let sheet = |body: Vec<u8>| ole(&biff(&[("S", [label(0, 0, "a"), body].concat())], None));
        // calamine would reserve four billion rows' worth of cells...
        let huge = sheet(dimensions(0, 0xFFFF_FFF0, 0, 256));
        assert_eq!(read("h.xls", &huge, &detect()), Err(TooManyRows));
        // ...or, with the last row before the first, wrap around to it.
        let wrapped = sheet(dimensions(10, 5, 0, 2));
        assert_eq!(read("w.xls", &wrapped, &detect()), Err(TooManyRows));
        // Two cells far apart: calamine lays out the rectangle between.
        let apart = sheet(number(65_535, 255, 1.0));
        assert_eq!(read("a.xls", &apart, &detect()), Err(TooManyRows));
        // Sheets sharing a substream would be built once each.
        let body = [label(0, 0, "a")].concat();
        let shared = ole(&biff(&[("A", body.clone()), ("B", body)], Some(&[98, 98])));
        assert_eq!(read("s.xls", &shared, &detect()), Err(Corrupt));
    }

    #[test]
    fn xls_sector_chain_loop_is_refused() {
        let mut bytes = xls_fixture();
        // The directory sector (1) now follows itself: calamine would read
        // it forever.
        let fat_entry = 512 + 4;
        bytes[fat_entry..fat_entry + 4].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(read("loop.xls", &bytes, &detect()), Err(Corrupt));

        let mut bytes = xls_fixture();
        bytes[7] = 0;
        assert_eq!(read("sig.xls", &bytes, &detect()), Err(Corrupt));
        assert_eq!(read("short.xls", &bytes[..300], &detect()), Err(Corrupt));
    }

    // --- ODS (crafted: a zip of XML parts) --------------------------------

    fn ods(tables: &str) -> Vec<u8> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        writer.start_file("mimetype", stored).unwrap();
        writer
            .write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        writer
            .start_file("META-INF/manifest.xml", deflated)
            .unwrap();
        writer
            .write_all(
                br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#,
            )
            .unwrap();
        writer.start_file("content.xml", deflated).unwrap();
        write!(
            writer,
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<!-- a comment with a <table:table-row> in it -->
<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
        .unwrap();
        writer.finish().unwrap().into_inner()
    }

    fn text_cell(text: &str) -> String {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    }

    #[test]
    fn ods_cells_and_sheets() {
        let first = format!(
            r#"<table:table table:name="Feuille1">
<table:table-column table:number-columns-repeated="3"/>
<table:table-row>{}{}{}</table:table-row>
<table:table-row>{}<table:table-cell office:value-type="date" office:date-value="2027-03-01"><text:p>01/03/2027</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="42"><text:p>42</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>
<table:table-row>{}<table:table-cell table:number-columns-repeated="1"/><table:table-cell office:value-type="float" office:value="2.5"><text:p>2,5</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>"#,
            text_cell("email"),
            text_cell("arrivée"),
            text_cell("n"),
            text_cell(" ana@exemple.fr "),
            text_cell("bob@exemple.fr"),
        );
        let second = format!(
            r#"<table:table table:name="Feuille2"><table:table-row>{}</table:table-row></table:table>"#,
            text_cell("autre")
        );
        let bytes = ods(&format!("{first}{second}"));

        let table = read("calc.ods", &bytes, &detect()).unwrap();
        assert_eq!(table.format, Format::Ods);
        assert_eq!(table.sheets, strings(&["Feuille1", "Feuille2"]));
        assert_eq!(table.sheet.as_deref(), Some("Feuille1"));
        assert_eq!(table.header, strings(&["email", "arrivée", "n"]));
        assert_eq!(
            table.rows,
            vec![
                row(2, &["ana@exemple.fr", "2027-03-01", "42"]),
                row(5, &["bob@exemple.fr", "", "2.5"]),
            ]
        );

        let forced = Dialect {
            sheet: Some("Feuille2".to_owned()),
            ..Dialect::default()
        };
        let table = read("calc.ods", &bytes, &forced).unwrap();
        assert_eq!(table.header, strings(&["autre"]));
    }

    #[test]
    fn ods_repeats_that_would_exhaust_memory_are_refused() {
        // A row of 200 values, repeated a million times: a few hundred
        // bytes for calamine to write out as 200 million cells.
        let rows = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="200"/></table:table-row></table:table>"#;
        assert_eq!(read("r.ods", &ods(rows), &detect()), Err(TooManyRows));

        // Rows of one value repeated across every column.
        let row = r#"<table:table-row><table:table-cell office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#;
        let columns = format!(
            r#"<table:table table:name="S">{}</table:table>"#,
            row.repeat(300)
        );
        assert_eq!(read("c.ods", &ods(&columns), &detect()), Err(TooManyRows));

        // Valued rows far apart: the empty ones between are written out too.
        let apart = format!(
            r#"<table:table table:name="S"><table:table-row>{0}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="10"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="9"/>{0}</table:table-row></table:table>"#,
            text_cell("x")
        );
        assert_eq!(read("a.ods", &ods(&apart), &detect()), Err(TooManyRows));

        // A `>` inside a quoted attribute does not hide the repeat count.
        let hidden = r#"<table:table table:name="S"><table:table-row table:style-name="a>b" table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="200"/></table:table-row></table:table>"#;
        assert_eq!(read("h.ods", &ods(hidden), &detect()), Err(TooManyRows));

        // A count written any other way than digits is not guessed at.
        let escaped = r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="&#49;000000"><table:table-cell office:value="1"/></table:table-row></table:table>"#;
        assert_eq!(read("e.ods", &ods(escaped), &detect()), Err(Corrupt));
    }

    #[test]
    fn tag_scanner_delimits_like_an_xml_parser() {
        let xml = br#"<?xml version="1.0"?><!-- <x> --><a b="1>2" c='>'>text > more<![CDATA[ <y> "]]><d/></a>"#;
        let mut tags = Tags::new(&xml[..]);
        let mut seen = Vec::new();
        while let Some(tag) = tags.next_tag().unwrap() {
            seen.push(String::from_utf8(tag.to_vec()).unwrap());
        }
        assert_eq!(
            seen,
            [
                r#"?xml version="1.0"?"#,
                "!-- <x> --",
                r#"a b="1>2" c='>'"#,
                r#"![CDATA[ <y> "]]"#,
                "d/",
                "/a",
            ]
        );
        let tag = br#"table:table-row table:style-name="ro1" table:number-rows-repeated='12'"#;
        assert_eq!(element_name(tag), b"table:table-row");
        assert_eq!(
            attribute(tag, b"table:number-rows-repeated"),
            Some(&b"12"[..])
        );
        assert_eq!(attribute(tag, b"table:style"), None);
    }

    // --- Round trip --------------------------------------------------------

    /// Printable cells, with what CSV must quote: separators, quotes, line
    /// breaks; and spaces around, which reading trims.
    fn cell() -> impl Strategy<Value = String> {
        "[ -~éÉàçœ€\n\r;,\"\t]{0,12}"
    }

    fn table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
        (2usize..6).prop_flat_map(|columns| {
            let header = prop::collection::vec(
                cell().prop_filter("a header cell", |c| !c.trim().is_empty()),
                columns,
            );
            let rows = prop::collection::vec(
                prop::collection::vec(cell(), columns).prop_filter("a non-blank row", |r| {
                    r.iter().any(|c| !c.trim().is_empty())
                }),
                0..12,
            );
            (header, rows)
        })
    }

    proptest! {
        #[test]
        fn csv_written_by_the_csv_crate_reads_back((header, rows) in table()) {
            let mut writer = csv::WriterBuilder::new()
                .delimiter(b';')
                .from_writer(Vec::new());
            writer.write_record(&header).unwrap();
            for row in &rows {
                writer.write_record(row).unwrap();
            }
            let bytes = writer.into_inner().unwrap();

            let table = read("round.csv", &bytes, &detect()).unwrap();

            let trimmed = |cells: &[String]| -> Vec<String> {
                cells.iter().map(|c| c.trim().to_owned()).collect()
            };
            prop_assert_eq!(table.encoding, Some(Encoding::Utf8));
            prop_assert_eq!(table.separator, Some(Separator::Semicolon));
            prop_assert_eq!(&table.header, &trimmed(&header));
            let read_rows: Vec<Vec<String>> =
                table.rows.iter().map(|r| r.cells.clone()).collect();
            let expected: Vec<Vec<String>> = rows.iter().map(|r| trimmed(r)).collect();
            prop_assert_eq!(read_rows, expected);
            prop_assert!(table.rows.windows(2).all(|w| w[0].line < w[1].line));
            prop_assert!(table.rows.first().is_none_or(|r| r.line >= 2));
        }
    }
}
