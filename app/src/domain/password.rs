//! The password rule of every form that sets one (NIST SP 800-63B, OWASP
//! ASVS 2.1): 8 to 128 characters, no composition rules, common passwords
//! refused.

use serde::{Deserialize, Serialize};

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordError {
    #[error("too short")]
    TooShort,
    #[error("too long")]
    TooLong,
    #[error("too common")]
    TooCommon,
    #[error("confirmation differs")]
    Mismatch,
}

/// The most used passwords of public breach corpora that pass the length
/// rule; the check also refuses one character repeated.
const COMMON: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "12345678910",
    "password",
    "password1",
    "password123",
    "passw0rd",
    "motdepasse",
    "azertyuiop",
    "azerty123",
    "azerty1234",
    "qwertyuiop",
    "qwerty123",
    "qwerty1234",
    "iloveyou",
    "11111111",
    "00000000",
    "abcd1234",
    "abcdefgh",
    "1q2w3e4r",
    "1qaz2wsx",
    "zaq12wsx",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "welcome1",
    "welcome123",
    "bonjour1",
    "soleil123",
    "doudou123",
    "loulou123",
    "chouchou",
    "jetaime1",
    "marseille",
    "liverpool",
    "superman",
    "starwars",
    "trustno1",
    "letmein1",
    "dragon123",
    "monkey123",
    "shadow123",
    "master123",
    "admin123",
    "administrator",
    "changeme",
    "changeme1",
    "onboard1",
    "onboard123",
    "87654321",
    "123123123",
    "123321123",
    "147258369",
    "987654321",
    "qazwsxedc",
    "asdfghjkl",
    "computer",
    "internet",
    "whatever",
    "michelle",
    "jennifer",
    "charlie1",
    "nicolas1",
];

pub fn check(password: &str, confirmation: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let lower = password.to_lowercase();
    let first = lower.chars().next();
    if COMMON.contains(&lower.as_str()) || lower.chars().all(|c| Some(c) == first) {
        return Err(PasswordError::TooCommon);
    }
    if password != confirmation {
        return Err(PasswordError::Mismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert_eq!(check("éééé", "éééé"), Err(PasswordError::TooShort));
        assert_eq!(check("ééééaaaa", "ééééaaaa"), Ok(()));
        let long = "x".repeat(64) + &"y".repeat(65);
        assert_eq!(check(&long, &long), Err(PasswordError::TooLong));
    }

    #[test]
    fn common_and_repeated_passwords_are_refused_whatever_the_case() {
        assert_eq!(
            check("AZERTYUIOP", "AZERTYUIOP"),
            Err(PasswordError::TooCommon)
        );
        assert_eq!(
            check("aaaaaaaaaa", "aaaaaaaaaa"),
            Err(PasswordError::TooCommon)
        );
    }

    #[test]
    fn no_composition_rule_and_confirmation_must_match() {
        assert_eq!(
            check("le chat dort au soleil", "le chat dort au soleil"),
            Ok(())
        );
        assert_eq!(
            check("le chat dort", "le chat dort."),
            Err(PasswordError::Mismatch)
        );
    }
}
