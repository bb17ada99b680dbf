//! Exported files: CSV (UTF-8 with a byte-order mark, so spreadsheet
//! programs read accents right) and XLSX. Every cell goes through
//! `domain::export::escape_cell`, whichever format.

use rust_xlsxwriter::{Format, Workbook};

use crate::domain::export::escape_cell;
use crate::server::error::{AppError, AppResult};

/// A header row and the rows under it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: Vec<String>) -> Table {
        Table {
            header,
            rows: Vec::new(),
        }
    }
}

pub const CSV_BOM: &[u8] = b"\xEF\xBB\xBF";

/// CSV lines for `rows` (quoted where needed, cells escaped).
pub fn csv_lines(rows: &[Vec<String>]) -> AppResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| escape_cell(cell).into_owned()))
            .map_err(AppError::internal)?;
    }
    writer
        .into_inner()
        .map_err(|e| AppError::internal(e.to_string()))
}

pub fn csv(table: &Table) -> AppResult<Vec<u8>> {
    let mut out = CSV_BOM.to_vec();
    out.extend(csv_lines(std::slice::from_ref(&table.header))?);
    out.extend(csv_lines(&table.rows)?);
    Ok(out)
}

/// A workbook of several sheets, each a table (the import template: the
/// columns, then what each means).
pub fn xlsx_sheets(sheets: &[(&str, &Table)]) -> AppResult<Vec<u8>> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, table) in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(*name).map_err(AppError::internal)?;
        for (col, title) in table.header.iter().enumerate() {
            worksheet
                .write_string_with_format(0, col as u16, escape_cell(title), &bold)
                .map_err(AppError::internal)?;
            worksheet
                .set_column_width(col as u16, 22)
                .map_err(AppError::internal)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (col, value) in row.iter().enumerate() {
                worksheet
                    .write_string((r + 1) as u32, col as u16, escape_cell(value))
                    .map_err(AppError::internal)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(AppError::internal)
}

pub fn xlsx(table: &Table, sheet: &str) -> AppResult<Vec<u8>> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(sheet).map_err(AppError::internal)?;
    for (col, title) in table.header.iter().enumerate() {
        worksheet
            .write_string_with_format(0, col as u16, escape_cell(title), &bold)
            .map_err(AppError::internal)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            worksheet
                .write_string(r as u32 + 1, col as u16, escape_cell(cell))
                .map_err(AppError::internal)?;
        }
    }
    worksheet
        .set_freeze_panes(1, 0)
        .map_err(AppError::internal)?;
    worksheet.autofit();
    workbook.save_to_buffer().map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_escaped() {
        let mut table = Table::new(vec!["Nom".into(), "E-mail".into()]);
        table
            .rows
            .push(vec!["=HYPERLINK(\"x\")".into(), "a;b,c".into()]);
        let text = String::from_utf8(csv(&table).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Nom,E-mail\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a;b,c\"\r\n"
        );
    }

    #[test]
    fn an_xlsx_is_a_zip_holding_the_escaped_cells() {
        let mut table = Table::new(vec!["Nom".into()]);
        table.rows.push(vec!["@SUM(A1)".into()]);
        let bytes = xlsx(&table, "Facturation").unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
