//! First and last names as people type them: trimmed, inner runs of spaces
//! collapsed, required, bounded.

use serde::{Deserialize, Serialize};

pub const MAX_CHARS: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum NameError {
    #[error("empty")]
    Empty,
    #[error("too long")]
    TooLong,
    #[error("control character")]
    ControlCharacter,
}

impl PersonName {
    pub fn parse(input: &str) -> Result<PersonName, NameError> {
        let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(NameError::Empty);
        }
        if collapsed.chars().count() > MAX_CHARS {
            return Err(NameError::TooLong);
        }
        if collapsed.chars().any(char::is_control) {
            return Err(NameError::ControlCharacter);
        }
        Ok(PersonName(collapsed))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_trimmed_and_collapsed() {
        assert_eq!(
            PersonName::parse("  Marie   Curie ").unwrap().as_str(),
            "Marie Curie"
        );
    }

    #[test]
    fn blank_long_and_control_names_are_refused() {
        assert_eq!(PersonName::parse(" \t "), Err(NameError::Empty));
        assert_eq!(PersonName::parse(&"a".repeat(101)), Err(NameError::TooLong));
        assert_eq!(
            PersonName::parse("Ma\u{0}rie"),
            Err(NameError::ControlCharacter)
        );
    }
}
