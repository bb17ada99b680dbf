//! Opaque secrets handed to people (session cookies, invitation and setup
//! links): 256 random bits, URL-safe. Only their SHA-256 is stored, so a
//! database leak does not leak usable links.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Lower-case hex SHA-256 of the token, the form kept in the database.
pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Compares a presented token with a stored hash in constant time.
pub fn matches(token: &str, stored_hash: &str) -> bool {
    hash(token).as_bytes().ct_eq(stored_hash.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_256_bits_and_never_repeat() {
        let a = generate();
        let b = generate();
        assert_eq!(URL_SAFE_NO_PAD.decode(&a).unwrap().len(), 32);
        assert_ne!(a, b);
    }

    #[test]
    fn only_the_right_token_matches_its_hash() {
        let token = generate();
        let stored = hash(&token);
        assert_eq!(stored.len(), 64);
        assert!(matches(&token, &stored));
        assert!(!matches(&generate(), &stored));
    }
}
