//! What every exported file (CSV, XLSX) does to a cell before writing it.

use std::borrow::Cow;

/// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`)
/// or whose first character a spreadsheet strips (tab, carriage return)
/// gets a leading apostrophe, so a name such as `=HYPERLINK(…)` typed into
/// a form is shown, never run, when an admin opens the export (CSV
/// injection, OWASP's advice).
pub fn escape_cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_escaped_and_others_kept() {
        for (raw, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 6 12", "'+33 6 12"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("Marie Curie", "Marie Curie"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(escape_cell(raw), written, "{raw:?}");
        }
    }
}
