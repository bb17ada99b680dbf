//! Reading the free-form "Emails" field of the invitation form.
//!
//! Admins paste whatever their mail client or spreadsheet gives them: one
//! address per line, comma- or semicolon-separated lists, or full mailbox
//! syntax such as `Marie Curie <marie@exemple.fr>` and
//! `"Curie, Marie" <marie@exemple.fr>`. Every fragment is reported back,
//! valid or not, in input order, so the form can show the admin exactly
//! what will happen to each line they pasted.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::email::{Email, EmailError};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ListEntry {
    Valid {
        email: Email,
        name: Option<String>,
    },
    /// The same normalised address already appeared earlier in the list.
    Duplicate {
        email: Email,
    },
    /// `raw` is the fragment as typed, so the admin can find and fix it.
    Invalid {
        raw: String,
        error: EmailError,
    },
}

pub fn parse_email_list(input: &str) -> Vec<ListEntry> {
    let mut builder = Builder {
        input,
        entries: Vec::new(),
        seen: HashSet::new(),
        pending_name: Vec::new(),
    };
    for token in tokenize(input) {
        match token {
            Token::Word(word) => builder.pending_name.push(word),
            Token::Angle { start, end, inner } => {
                // The words after the last bare address are the name; the
                // ones before form a piece of their own.
                let name_from = builder
                    .pending_name
                    .iter()
                    .rposition(Word::is_address)
                    .map_or(0, |i| i + 1);
                let name = builder.pending_name.split_off(name_from);
                builder.flush_pending();
                builder.pending_name = name;
                let (start, name) = builder.take_name(start);
                builder.push(start, end, inner, name);
            }
            Token::Break => builder.flush_pending(),
        }
    }
    builder.flush_pending();
    builder.entries
}

struct Builder<'a> {
    input: &'a str,
    entries: Vec<ListEntry>,
    seen: HashSet<Email>,
    /// Words met since the last address; they become the display name if an
    /// `<address>` follows on the same line, and invalid entries otherwise.
    pending_name: Vec<Word>,
}

impl Builder<'_> {
    /// Records the entry spanning `input[start..end]`, whose address part
    /// is `address`.
    fn push(&mut self, start: usize, end: usize, address: &str, name: Option<String>) {
        let entry = match Email::parse(address) {
            Ok(email) if self.seen.contains(&email) => ListEntry::Duplicate { email },
            Ok(email) => {
                self.seen.insert(email.clone());
                ListEntry::Valid { email, name }
            }
            Err(error) => ListEntry::Invalid {
                raw: self.input[start..end].to_owned(),
                error,
            },
        };
        self.entries.push(entry);
    }

    /// The words of a piece (between commas, semicolons or line breaks)
    /// that got no `<address>`. Spaces separate addresses only when every
    /// word is one (`a@x.fr b@x.fr`); otherwise the piece is one invalid
    /// entry, so `espace dans@exemple.fr` is "space in the address" and
    /// never an invitation to `dans@exemple.fr`, which nobody typed.
    fn flush_pending(&mut self) {
        let words = std::mem::take(&mut self.pending_name);
        if words.len() == 1 || words.iter().all(Word::is_address) {
            for word in words {
                let raw = &self.input[word.start..word.end];
                self.push(word.start, word.end, raw, None);
            }
        } else if let (Some(first), Some(last)) = (words.first(), words.last()) {
            let raw = &self.input[first.start..last.end];
            let error = if raw.contains('@') {
                EmailError::Whitespace
            } else {
                EmailError::MissingAt
            };
            self.entries.push(ListEntry::Invalid {
                raw: raw.to_owned(),
                error,
            });
        }
    }

    /// Consumes the pending words as the display name of an address found at
    /// `angle_start`; returns where the whole entry starts.
    fn take_name(&mut self, angle_start: usize) -> (usize, Option<String>) {
        let words = std::mem::take(&mut self.pending_name);
        let start = words.first().map_or(angle_start, |w| w.start);
        let name = words
            .iter()
            .map(|w| w.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        (start, (!name.is_empty()).then_some(name))
    }
}

impl Word {
    /// A bare address: unquoted, with an `@`.
    fn is_address(&self) -> bool {
        !self.quoted && self.text.contains('@')
    }
}

#[derive(Debug, PartialEq)]
struct Word {
    /// Byte range in the input, quotes included.
    start: usize,
    end: usize,
    /// The word with quotes removed and backslash escapes resolved.
    text: String,
    /// A quoted word is always part of a display name, even if it contains
    /// an '@': clients often write `"marie@exemple.fr" <marie@exemple.fr>`.
    quoted: bool,
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Word(Word),
    /// `<...>` with its byte range (brackets included) and trimmed content.
    Angle {
        start: usize,
        end: usize,
        inner: &'a str,
    },
    /// Comma, semicolon or line break: a display name never spans one
    /// unless it is quoted.
    Break,
}

fn is_hard_break(c: char) -> bool {
    matches!(c, ',' | ';' | '\n' | '\r')
}

fn tokenize(input: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut quotes = QuoteScanner::default();
    let mut i = 0;
    while let Some(c) = input[i..].chars().next() {
        if is_hard_break(c) {
            tokens.push(Token::Break);
            i += c.len_utf8();
        } else if c.is_whitespace() {
            i += c.len_utf8();
        } else if let Some(close) = angle_close(input, i) {
            tokens.push(Token::Angle {
                start: i,
                end: close + 1,
                inner: input[i + 1..close].trim(),
            });
            i = close + 1;
        } else {
            let word = read_word(input, i, &mut quotes);
            i = word.end;
            tokens.push(Token::Word(word));
        }
    }
    tokens
}

/// If a `<` at `open` starts a bracketed address, returns the index of its
/// `>`. An unmatched `<` on the line is treated as an ordinary character so
/// that the mistake shows up in an invalid entry instead of swallowing the
/// rest of the input.
fn angle_close(input: &str, open: usize) -> Option<usize> {
    if !input[open..].starts_with('<') {
        return None;
    }
    for (offset, c) in input[open + 1..].char_indices() {
        match c {
            '>' => return Some(open + 1 + offset),
            '<' => return None,
            c if is_hard_break(c) => return None,
            _ => {}
        }
    }
    None
}

/// Reads quoted strings, remembering where an unclosed one gave up.
///
/// When the scan from one `"` reaches the end of the line without a closing
/// quote, every later `"` on that line was seen as escaped by that scan, so
/// a scan from it would fail the same way. Skipping those scans keeps
/// pathological input such as `"\"\"\"…` linear instead of quadratic.
#[derive(Default)]
struct QuoteScanner {
    unclosed_until: usize,
}

impl QuoteScanner {
    /// If a `"` at `open` starts a quoted string closed on the same line,
    /// returns its unescaped content and the index just past the closing
    /// quote.
    fn read(&mut self, input: &str, open: usize) -> Option<(String, usize)> {
        if open < self.unclosed_until {
            return None;
        }
        let mut content = String::new();
        let mut chars = input[open + 1..].char_indices();
        let gave_up_at = loop {
            let Some((offset, c)) = chars.next() else {
                break input.len();
            };
            match c {
                '"' => return Some((content, open + 1 + offset + 1)),
                '\\' => match chars.next() {
                    Some((_, '\n' | '\r')) | None => break open + 1 + offset,
                    Some((_, escaped)) => content.push(escaped),
                },
                '\n' | '\r' => break open + 1 + offset,
                c => content.push(c),
            }
        };
        self.unclosed_until = gave_up_at;
        None
    }
}

fn read_word(input: &str, start: usize, quotes: &mut QuoteScanner) -> Word {
    let mut text = String::new();
    let mut quoted = false;
    let mut i = start;
    while let Some(c) = input[i..].chars().next() {
        if c.is_whitespace() || is_hard_break(c) || angle_close(input, i).is_some() {
            break;
        }
        if c == '"'
            && let Some((content, next)) = quotes.read(input, i)
        {
            text.push_str(&content);
            quoted = true;
            i = next;
            continue;
        }
        text.push(c);
        i += c.len_utf8();
    }
    Word {
        start,
        end: i,
        text,
        quoted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn email(s: &str) -> Email {
        Email::parse(s).unwrap()
    }

    fn valid(s: &str) -> ListEntry {
        ListEntry::Valid {
            email: email(s),
            name: None,
        }
    }

    fn named(s: &str, name: &str) -> ListEntry {
        ListEntry::Valid {
            email: email(s),
            name: Some(name.to_owned()),
        }
    }

    fn duplicate(s: &str) -> ListEntry {
        ListEntry::Duplicate { email: email(s) }
    }

    fn invalid(raw: &str, error: EmailError) -> ListEntry {
        ListEntry::Invalid {
            raw: raw.to_owned(),
            error,
        }
    }

    #[test]
    fn empty_or_blank_input_gives_no_entries() {
        assert_eq!(parse_email_list(""), vec![]);
        assert_eq!(parse_email_list("  \n\t ,;, ;\r\n"), vec![]);
    }

    #[test]
    fn a_single_address_gives_a_single_valid_entry() {
        assert_eq!(
            parse_email_list("marie@exemple.fr"),
            vec![valid("marie@exemple.fr")]
        );
    }

    #[test]
    fn commas_semicolons_spaces_tabs_and_newlines_all_separate_addresses() {
        let input = ",, a@x.fr,b@x.fr;c@x.fr d@x.fr\te@x.fr\nf@x.fr\r\ng@x.fr ;\n, h@x.fr;;";
        let expected: Vec<_> = ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .map(|l| valid(&format!("{l}@x.fr")))
            .collect();
        assert_eq!(parse_email_list(input), expected);
    }

    #[test]
    fn a_display_name_with_spaces_belongs_to_the_bracketed_address() {
        assert_eq!(
            parse_email_list("Marie Curie <marie@exemple.fr>"),
            vec![named("marie@exemple.fr", "Marie Curie")]
        );
    }

    #[test]
    fn a_quoted_display_name_may_contain_commas() {
        assert_eq!(
            parse_email_list(
                r#""Curie, Marie" <marie@exemple.fr>, "Dupont; Jean" <jean@exemple.fr>"#
            ),
            vec![
                named("marie@exemple.fr", "Curie, Marie"),
                named("jean@exemple.fr", "Dupont; Jean"),
            ]
        );
    }

    #[test]
    fn quoted_names_resolve_backslash_escapes() {
        assert_eq!(
            parse_email_list(r#""Marie \"la\" Curie" <marie@exemple.fr>"#),
            vec![named("marie@exemple.fr", r#"Marie "la" Curie"#)]
        );
    }

    #[test]
    fn a_quoted_address_used_as_a_name_stays_a_name() {
        assert_eq!(
            parse_email_list(r#""marie@exemple.fr" <marie@exemple.fr>"#),
            vec![named("marie@exemple.fr", "marie@exemple.fr")]
        );
    }

    #[test]
    fn a_bracketed_address_without_name_has_no_name() {
        assert_eq!(
            parse_email_list("<marie@exemple.fr>;< jean@exemple.fr >"),
            vec![valid("marie@exemple.fr"), valid("jean@exemple.fr")]
        );
        assert_eq!(
            parse_email_list(r#""" <marie@exemple.fr>"#),
            vec![valid("marie@exemple.fr")]
        );
    }

    #[test]
    fn named_and_bare_addresses_mix_on_one_line() {
        assert_eq!(
            parse_email_list("a@x.fr Marie Curie<marie@exemple.fr> b@x.fr, Jean <jean@x.fr>"),
            vec![
                valid("a@x.fr"),
                named("marie@exemple.fr", "Marie Curie"),
                valid("b@x.fr"),
                named("jean@x.fr", "Jean"),
            ]
        );
    }

    #[test]
    fn outlook_style_semicolon_lists_keep_their_names() {
        assert_eq!(
            parse_email_list(
                "Marie Curie <marie@exemple.fr>; Jean Dupont <jean@exemple.fr>;\nPaul <paul@exemple.fr>"
            ),
            vec![
                named("marie@exemple.fr", "Marie Curie"),
                named("jean@exemple.fr", "Jean Dupont"),
                named("paul@exemple.fr", "Paul"),
            ]
        );
    }

    #[test]
    fn an_unquoted_name_is_cut_by_a_comma() {
        assert_eq!(
            parse_email_list("Curie, Marie <marie@exemple.fr>"),
            vec![
                invalid("Curie", EmailError::MissingAt),
                named("marie@exemple.fr", "Marie"),
            ]
        );
    }

    #[test]
    fn a_name_does_not_continue_on_the_next_line() {
        assert_eq!(
            parse_email_list("Marie\nCurie <marie@exemple.fr>"),
            vec![
                invalid("Marie", EmailError::MissingAt),
                named("marie@exemple.fr", "Curie"),
            ]
        );
    }

    #[test]
    fn later_occurrences_of_an_address_are_duplicates_whatever_their_case() {
        assert_eq!(
            parse_email_list(
                "marie@exemple.fr, MARIE@Exemple.FR; Marie Curie <Marie@exemple.fr>\njean@x.fr marie@exemple.fr"
            ),
            vec![
                valid("marie@exemple.fr"),
                duplicate("marie@exemple.fr"),
                duplicate("marie@exemple.fr"),
                valid("jean@x.fr"),
                duplicate("marie@exemple.fr"),
            ]
        );
    }

    #[test]
    fn an_idn_spelling_and_its_punycode_are_duplicates() {
        assert_eq!(
            parse_email_list("marie@exemple-é.fr marie@xn--exemple--i1a.fr"),
            vec![
                valid("marie@xn--exemple--i1a.fr"),
                duplicate("marie@xn--exemple--i1a.fr"),
            ]
        );
    }

    #[test]
    fn garbage_tokens_are_reported_as_typed_between_valid_ones() {
        assert_eq!(
            parse_email_list("a@x.fr, n/a, marie@, b@x..fr;c@x.fr"),
            vec![
                valid("a@x.fr"),
                invalid("n/a", EmailError::MissingAt),
                invalid("marie@", EmailError::EmptyDomain),
                invalid("b@x..fr", EmailError::InvalidDomain),
                valid("c@x.fr"),
            ]
        );
    }

    #[test]
    fn a_name_without_address_is_one_invalid_entry() {
        assert_eq!(
            parse_email_list("Marie Curie"),
            vec![invalid("Marie Curie", EmailError::MissingAt)]
        );
    }

    /// Commas, semicolons and line breaks always separate; a space separates
    /// only when every piece around it is an address.
    #[test]
    fn spaces_separate_addresses_only_when_every_piece_is_one() {
        let table: &[(&str, &[ListEntry])] = &[
            ("a@x.fr b@x.fr", &[valid("a@x.fr"), valid("b@x.fr")]),
            (
                "a@x.fr\tb@x.fr  c@x.fr",
                &[valid("a@x.fr"), valid("b@x.fr"), valid("c@x.fr")],
            ),
            (
                "espace dans@exemple.fr",
                &[invalid("espace dans@exemple.fr", EmailError::Whitespace)],
            ),
            (
                "marie@exemple.fr Curie",
                &[invalid("marie@exemple.fr Curie", EmailError::Whitespace)],
            ),
            (
                "espace dans@exemple.fr, b@x.fr",
                &[
                    invalid("espace dans@exemple.fr", EmailError::Whitespace),
                    valid("b@x.fr"),
                ],
            ),
            (
                "a@x.fr b@x.fr\nMarie dans@x.fr",
                &[
                    valid("a@x.fr"),
                    valid("b@x.fr"),
                    invalid("Marie dans@x.fr", EmailError::Whitespace),
                ],
            ),
            ("Marie Curie <m@x.fr>", &[named("m@x.fr", "Marie Curie")]),
            (
                "a@x.fr Marie <m@x.fr>",
                &[valid("a@x.fr"), named("m@x.fr", "Marie")],
            ),
            (
                "un deux; c@x.fr",
                &[invalid("un deux", EmailError::MissingAt), valid("c@x.fr")],
            ),
        ];
        for (input, expected) in table {
            assert_eq!(&parse_email_list(input), expected, "{input:?}");
        }
    }

    #[test]
    fn a_named_entry_with_a_bad_address_is_reported_whole() {
        assert_eq!(
            parse_email_list("Marie Curie <marie.exemple.fr>, b@x.fr"),
            vec![
                invalid("Marie Curie <marie.exemple.fr>", EmailError::MissingAt),
                valid("b@x.fr"),
            ]
        );
        assert_eq!(
            parse_email_list("Marie <>"),
            vec![invalid("Marie <>", EmailError::Empty)]
        );
    }

    #[test]
    fn unbalanced_brackets_and_quotes_do_not_swallow_the_rest() {
        assert_eq!(
            parse_email_list("<marie@exemple.fr, jean@x.fr"),
            vec![
                invalid("<marie@exemple.fr", EmailError::InvalidLocalChar('<')),
                valid("jean@x.fr"),
            ]
        );
        assert_eq!(
            parse_email_list("\"Marie <marie@exemple.fr>\njean@x.fr"),
            vec![named("marie@exemple.fr", "\"Marie"), valid("jean@x.fr")]
        );
        assert_eq!(
            parse_email_list("marie@exemple.fr>, jean@x.fr"),
            vec![
                invalid("marie@exemple.fr>", EmailError::InvalidDomain),
                valid("jean@x.fr"),
            ]
        );
    }

    #[test]
    fn pathological_quotes_and_brackets_are_handled_in_linear_time() {
        let quotes = "\"\\".repeat(200_000);
        assert_eq!(parse_email_list(&quotes).len(), 1);
        let brackets = "<a".repeat(200_000);
        assert_eq!(parse_email_list(&brackets).len(), 1);
    }

    fn separator() -> impl Strategy<Value = String> {
        "[,; \t\r\n]{1,4}"
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_reports_every_address_once(input in "\\PC{0,80}") {
            let entries = parse_email_list(&input);
            let mut seen = HashSet::new();
            for entry in &entries {
                match entry {
                    ListEntry::Valid { email, .. } => prop_assert!(seen.insert(email.clone())),
                    ListEntry::Duplicate { email } => prop_assert!(seen.contains(email)),
                    ListEntry::Invalid { raw, .. } => {
                        prop_assert!(!raw.trim().is_empty());
                        prop_assert!(input.contains(raw.as_str()));
                    }
                }
            }
        }

        #[test]
        fn any_mix_of_separators_yields_the_addresses_in_order(
            locals in prop::collection::vec("[a-z0-9]{1,8}", 0..8),
            seps in prop::collection::vec(separator(), 9),
        ) {
            let mut input = seps[0].clone();
            for (local, sep) in locals.iter().zip(&seps[1..]) {
                input.push_str(&format!("{local}@exemple.fr{sep}"));
            }
            let mut expected = Vec::new();
            let mut seen = HashSet::new();
            for local in &locals {
                let address = format!("{local}@exemple.fr");
                expected.push(if seen.insert(address.clone()) {
                    valid(&address)
                } else {
                    duplicate(&address)
                });
            }
            prop_assert_eq!(parse_email_list(&input), expected);
        }

        #[test]
        fn named_entries_keep_their_name_whatever_the_separators(
            people in prop::collection::vec(("[A-Z][a-z]{0,6}( [A-Z][a-z]{0,6}){0,2}", "[a-z0-9]{1,8}"), 1..6),
            quote in any::<bool>(),
            sep in "[,;\n]",
        ) {
            let input = people
                .iter()
                .map(|(name, local)| {
                    if quote {
                        format!("\"{name}\" <{local}@exemple.fr>")
                    } else {
                        format!("{name} <{local}@exemple.fr>")
                    }
                })
                .collect::<Vec<_>>()
                .join(&sep);
            let entries = parse_email_list(&input);
            prop_assert_eq!(entries.len(), people.len());
            for ((name, local), entry) in people.iter().zip(&entries) {
                match entry {
                    ListEntry::Valid { email, name: got } => {
                        prop_assert_eq!(email.local_part(), local.as_str());
                        prop_assert_eq!(got.as_deref(), Some(name.as_str()));
                    }
                    ListEntry::Duplicate { email } => {
                        prop_assert_eq!(email.local_part(), local.as_str());
                    }
                    ListEntry::Invalid { .. } => prop_assert!(false, "{entry:?}"),
                }
            }
        }
    }
}
