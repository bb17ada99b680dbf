//! Custom profile fields defined by platform admins, and the check of a
//! value typed for one (on the invite and create panels, the profile, the
//! import). Values are stored as text in a canonical form: numbers without
//! a thousands separator and with a dot, dates as `YYYY-MM-DD`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::FieldId;
use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    Number,
    Date,
    Choice,
}

impl FieldType {
    pub const ALL: [FieldType; 4] = [
        FieldType::Text,
        FieldType::Number,
        FieldType::Date,
        FieldType::Choice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Choice => "choice",
        }
    }

    pub fn parse(s: &str) -> Option<FieldType> {
        FieldType::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }
}

/// A field as defined in the settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDef {
    pub id: FieldId,
    /// Stable name in files and the API (`[a-z][a-z0-9_]*`).
    pub key: String,
    /// The label in each language it was given in (French at least).
    pub labels: Labels,
    pub field_type: FieldType,
    /// The allowed values of a choice list, in display order.
    pub choices: Vec<String>,
    pub required: bool,
}

impl FieldDef {
    pub fn label(&self, lang: Lang) -> &str {
        self.labels.get(lang)
    }
}

/// A label per language. A language without one shows the French label
/// (always present: the settings form requires it), so adding a language to
/// the platform never leaves a field unnamed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels(BTreeMap<Lang, String>);

impl Labels {
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&Lang::Fr))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The label given in exactly this language, if any.
    pub fn given(&self, lang: Lang) -> Option<&str> {
        self.0.get(&lang).map(String::as_str)
    }

    pub fn set(&mut self, lang: Lang, label: impl Into<String>) {
        self.0.insert(lang, label.into());
    }

    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(lang, label)| (*lang, label.as_str()))
    }
}

impl<S: Into<String>> FromIterator<(Lang, S)> for Labels {
    fn from_iter<I: IntoIterator<Item = (Lang, S)>>(iter: I) -> Self {
        Labels(iter.into_iter().map(|(l, s)| (l, s.into())).collect())
    }
}

/// Why a value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    Required,
    TooLong,
    NotANumber,
    NotADate,
    NotAChoice,
}

pub const MAX_TEXT_CHARS: usize = 500;

/// Checks one typed value; blank is `None` (or `Required`).
pub fn check_value(def: &FieldDef, raw: &str) -> Result<Option<String>, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return if def.required {
            Err(FieldError::Required)
        } else {
            Ok(None)
        };
    }
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(FieldError::TooLong);
    }
    match def.field_type {
        FieldType::Text => Ok(Some(value.to_owned())),
        FieldType::Number => parse_number(value).map(Some).ok_or(FieldError::NotANumber),
        FieldType::Date => parse_date(value).map(Some).ok_or(FieldError::NotADate),
        FieldType::Choice => def
            .choices
            .iter()
            .find(|c| c.as_str() == value)
            .map(|c| Some(c.clone()))
            .ok_or(FieldError::NotAChoice),
    }
}

/// The values to store, by field id, and the refusals, by key.
pub type Checked = (Vec<(FieldId, String)>, Vec<(String, FieldError)>);

/// Checks every field against what was typed (looked up by key); a field
/// absent from `typed` counts as blank.
pub fn check_values<'a>(defs: &[FieldDef], typed: impl Fn(&str) -> Option<&'a str>) -> Checked {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for def in defs {
        match check_value(def, typed(&def.key).unwrap_or("")) {
            Ok(Some(v)) => values.push((def.id, v)),
            Ok(None) => {}
            Err(e) => errors.push((def.key.clone(), e)),
        }
    }
    (values, errors)
}

/// `1 234,5` (French), `1234.5` and `-3` are numbers; the canonical form
/// drops spaces and uses a dot.
fn parse_number(value: &str) -> Option<String> {
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let valid_shape = !compact.is_empty()
        && compact
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    let number: f64 = compact.parse().ok().filter(|n: &f64| n.is_finite())?;
    if !valid_shape {
        return None;
    }
    Some(if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    })
}

/// `YYYY-MM-DD` (what a date input sends) or `DD/MM/YYYY` (what people
/// type in France), to `YYYY-MM-DD`; impossible dates are refused.
pub fn parse_date(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split(['-', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 {
        (a, b, c)
    } else if c.len() == 4 {
        (c, b, a)
    } else {
        return None;
    };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=9999).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Why a field key was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyError {
    Invalid,
}

/// A key names the field in import files and the API: a lower-case letter
/// then letters, digits or `_`, at most 40.
pub fn parse_key(raw: &str) -> Result<String, KeyError> {
    let key = raw.trim().to_ascii_lowercase();
    let mut chars = key.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if first_ok && rest_ok && key.len() <= 40 {
        Ok(key)
    } else {
        Err(KeyError::Invalid)
    }
}

/// The choices of a list, one per line (or separated by `;`), trimmed,
/// blanks and repeats dropped.
pub fn parse_choices(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for choice in raw.split(['\n', ';']).map(str::trim) {
        if !choice.is_empty() && !out.iter().any(|c| c == choice) {
            out.push(choice.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(field_type: FieldType, required: bool) -> FieldDef {
        FieldDef {
            id: FieldId(1),
            key: "k".into(),
            labels: [(Lang::Fr, "K")].into_iter().collect(),
            field_type,
            choices: vec!["Paris".into(), "Lyon".into()],
            required,
        }
    }

    #[test]
    fn blank_is_none_unless_required() {
        assert_eq!(check_value(&field(FieldType::Text, false), "  "), Ok(None));
        assert_eq!(
            check_value(&field(FieldType::Text, true), " "),
            Err(FieldError::Required)
        );
    }

    #[test]
    fn numbers_accept_french_and_english_forms() {
        let f = field(FieldType::Number, false);
        assert_eq!(check_value(&f, "1 234,5"), Ok(Some("1234.5".into())));
        assert_eq!(check_value(&f, "42"), Ok(Some("42".into())));
        assert_eq!(check_value(&f, "-3.0"), Ok(Some("-3".into())));
        assert_eq!(check_value(&f, "douze"), Err(FieldError::NotANumber));
        assert_eq!(check_value(&f, "1e5"), Err(FieldError::NotANumber));
        assert_eq!(check_value(&f, "inf"), Err(FieldError::NotANumber));
    }

    #[test]
    fn dates_are_real_and_canonical() {
        let f = field(FieldType::Date, false);
        assert_eq!(check_value(&f, "2027-02-28"), Ok(Some("2027-02-28".into())));
        assert_eq!(check_value(&f, "29/02/2028"), Ok(Some("2028-02-29".into())));
        assert_eq!(check_value(&f, "2027-02-29"), Err(FieldError::NotADate));
        assert_eq!(check_value(&f, "2027-13-01"), Err(FieldError::NotADate));
        assert_eq!(check_value(&f, "demain"), Err(FieldError::NotADate));
    }

    #[test]
    fn choices_must_be_one_of_the_list() {
        let f = field(FieldType::Choice, false);
        assert_eq!(check_value(&f, " Lyon "), Ok(Some("Lyon".into())));
        assert_eq!(check_value(&f, "Marseille"), Err(FieldError::NotAChoice));
    }

    #[test]
    fn text_has_a_length_limit() {
        let f = field(FieldType::Text, false);
        assert_eq!(check_value(&f, &"a".repeat(501)), Err(FieldError::TooLong));
    }

    #[test]
    fn every_field_is_checked_and_errors_name_their_key() {
        let mut a = field(FieldType::Number, true);
        a.key = "age".into();
        let mut b = field(FieldType::Choice, false);
        b.id = FieldId(2);
        b.key = "ville".into();
        let (values, errors) = check_values(&[a, b], |k| (k == "ville").then_some("Paris"));
        assert_eq!(values, [(FieldId(2), "Paris".to_owned())]);
        assert_eq!(errors, [("age".to_owned(), FieldError::Required)]);
    }

    #[test]
    fn keys_and_choices_are_normalised() {
        assert_eq!(parse_key(" Matricule_2 "), Ok("matricule_2".into()));
        assert_eq!(parse_key("2x"), Err(KeyError::Invalid));
        assert_eq!(parse_key("nom complet"), Err(KeyError::Invalid));
        assert_eq!(parse_choices("A\n B ;A;;C"), ["A", "B", "C"]);
    }

    #[test]
    fn a_language_without_a_label_shows_the_french_one() {
        let labels: Labels = [(Lang::Fr, "Matricule"), (Lang::Nl, "Stamnummer")]
            .into_iter()
            .collect();
        assert_eq!(labels.get(Lang::Nl), "Stamnummer");
        assert_eq!(labels.get(Lang::En), "Matricule");
        assert_eq!(labels.given(Lang::En), None);
    }
}
