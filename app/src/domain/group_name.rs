//! Group names: trimmed, spaces collapsed, 1 to 120 characters.

pub const MAX_CHARS: usize = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GroupNameError {
    #[error("empty")]
    Empty,
    #[error("too long")]
    TooLong,
}

pub fn parse_group_name(input: &str) -> Result<String, GroupNameError> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(GroupNameError::Empty)
    } else if name.chars().count() > MAX_CHARS {
        Err(GroupNameError::TooLong)
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_are_tidied_and_bounded() {
        assert_eq!(
            parse_group_name("  Ventes   Paris "),
            Ok("Ventes Paris".into())
        );
        assert_eq!(parse_group_name("   "), Err(GroupNameError::Empty));
        assert_eq!(
            parse_group_name(&"x".repeat(121)),
            Err(GroupNameError::TooLong)
        );
    }
}
