// The markers that set apart variables and selections in a compiled
// message: written by `app/build.rs` (which includes this file), read by
// `messages::write_pattern` (whose doc comment gives the grammar). No
// catalogue text may hold them. Each is one byte in UTF-8.
pub(crate) const VAR: char = '\u{1}';
pub(crate) const VAR_END: char = '\u{2}';
pub(crate) const SELECT: char = '\u{3}';
pub(crate) const VARIANT: char = '\u{4}';
pub(crate) const KEY: char = '\u{5}';
pub(crate) const SELECT_END: char = '\u{6}';
// Between two patterns of the table shipped to the browser (`shipped`).
pub(crate) const SEPARATOR: char = '\u{0}';
