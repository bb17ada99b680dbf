//! A validated, normalised e-mail address.
//!
//! Addresses are the identity of external people in Onboard: two spellings
//! that reach the same mailbox in practice must compare equal, otherwise an
//! admin could invite the same person twice. So the whole address is
//! lowercased (no mainstream provider treats the local part as case
//! sensitive) and internationalised domains are stored in their ASCII
//! (punycode) form, which is also what mail servers expect.
//!
//! The accepted syntax is deliberately narrower than RFC 5322: no quoted
//! local parts, comments or IP-literal domains. Those are legal but are
//! almost always typos when they show up in an invitation form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Longest address SMTP can carry in a `RCPT TO` path (RFC 5321 §4.5.3.1.3).
const MAX_ADDRESS_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_LABEL_LEN: usize = 63;
/// Inputs longer than this are refused before IDNA processing, whose cost
/// grows faster than linearly with label length. The margin over
/// `MAX_ADDRESS_LEN` leaves room for multi-byte characters that shrink when
/// converted to punycode.
const MAX_INPUT_BYTES: usize = MAX_ADDRESS_LEN * 4;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
// Deserialising goes through `parse` so that an `Email` received from the
// other side of a server function is as trustworthy as one built locally.
#[serde(try_from = "String")]
pub struct Email(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EmailError {
    #[error("the address is empty")]
    Empty,
    #[error("the address contains a space")]
    Whitespace,
    #[error("the address has no @")]
    MissingAt,
    #[error("the address has more than one @")]
    MultipleAt,
    #[error("nothing before the @")]
    EmptyLocal,
    #[error("the part before the @ is longer than 64 characters")]
    LocalTooLong,
    #[error("the character {0:?} is not allowed before the @")]
    InvalidLocalChar(char),
    #[error("dots before the @ cannot be first, last or doubled")]
    DotPlacement,
    #[error("nothing after the @")]
    EmptyDomain,
    #[error("the domain has no dot")]
    DomainNoDot,
    #[error("the domain is not valid")]
    InvalidDomain,
    #[error("the address is longer than 254 characters")]
    TooLong,
}

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(EmailError::Empty);
        }
        if input.chars().any(char::is_whitespace) {
            return Err(EmailError::Whitespace);
        }
        let (local, domain) = match input.split_once('@') {
            None => return Err(EmailError::MissingAt),
            Some((_, rest)) if rest.contains('@') => return Err(EmailError::MultipleAt),
            Some(parts) => parts,
        };
        if input.len() > MAX_INPUT_BYTES {
            return Err(EmailError::TooLong);
        }
        validate_local(local)?;
        let domain = normalise_domain(domain)?;

        let mut address = String::with_capacity(local.len() + 1 + domain.len());
        address.push_str(&local.to_ascii_lowercase());
        address.push('@');
        address.push_str(&domain);
        if address.len() > MAX_ADDRESS_LEN {
            return Err(EmailError::TooLong);
        }
        Ok(Email(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn domain(&self) -> &str {
        self.split().1
    }

    pub fn local_part(&self) -> &str {
        self.split().0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    fn split(&self) -> (&str, &str) {
        // `parse` guarantees exactly one '@'.
        self.0.split_once('@').unwrap_or((&self.0, ""))
    }
}

/// RFC 5322 `atext`: the characters allowed in an unquoted local part,
/// besides the dots separating its atoms.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

fn validate_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::EmptyLocal);
    }
    if local.chars().count() > MAX_LOCAL_LEN {
        return Err(EmailError::LocalTooLong);
    }
    if let Some(bad) = local.chars().find(|&c| c != '.' && !is_atext(c)) {
        return Err(EmailError::InvalidLocalChar(bad));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::DotPlacement);
    }
    Ok(())
}

/// Returns the lowercase ASCII form of `domain`, or why it cannot be a
/// public mail domain.
fn normalise_domain(domain: &str) -> Result<String, EmailError> {
    if domain.is_empty() {
        return Err(EmailError::EmptyDomain);
    }
    let ascii = idna::domain_to_ascii(domain)
        .map_err(|_| EmailError::InvalidDomain)?
        .to_ascii_lowercase();
    if ascii.is_empty() {
        // Everything was dropped by the IDNA mapping (e.g. only soft hyphens).
        return Err(EmailError::EmptyDomain);
    }
    if !ascii.contains('.') {
        return Err(EmailError::DomainNoDot);
    }
    let labels_ok = ascii.split('.').all(|label| {
        (1..=MAX_LABEL_LEN).contains(&label.len())
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    // An all-numeric last label means a dotted IP address or a typo; no TLD
    // looks like that.
    let tld_ok = ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| !tld.bytes().all(|b| b.is_ascii_digit()));
    if labels_ok && tld_ok {
        Ok(ascii)
    } else {
        Err(EmailError::InvalidDomain)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl TryFrom<&str> for Email {
    type Error = EmailError;

    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Email::parse(value)
    }
}

impl FromStr for Email {
    type Err = EmailError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Email::parse(s)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(input: &str) -> String {
        match Email::parse(input) {
            Ok(email) => email.into_string(),
            Err(e) => panic!("{input:?} was refused: {e}"),
        }
    }

    fn err(input: &str) -> EmailError {
        match Email::parse(input) {
            Ok(email) => panic!("{input:?} was accepted as {email}"),
            Err(e) => e,
        }
    }

    #[test]
    fn a_plain_address_is_kept_as_is() {
        let email = Email::parse("marie.curie@exemple.fr").unwrap();
        assert_eq!(email.as_str(), "marie.curie@exemple.fr");
        assert_eq!(email.local_part(), "marie.curie");
        assert_eq!(email.domain(), "exemple.fr");
        assert_eq!(email.to_string(), "marie.curie@exemple.fr");
    }

    #[test]
    fn the_whole_address_is_lowercased() {
        assert_eq!(ok("Marie.CURIE@Exemple.FR"), "marie.curie@exemple.fr");
        assert_eq!(
            Email::parse("MARIE@EXEMPLE.FR"),
            Email::parse("marie@exemple.fr")
        );
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        assert_eq!(ok("  marie@exemple.fr\n"), "marie@exemple.fr");
        assert_eq!(ok("\tmarie@exemple.fr "), "marie@exemple.fr");
    }

    #[test]
    fn an_internationalised_domain_is_stored_as_punycode() {
        let email = Email::parse("marie@exemple-é.fr").unwrap();
        assert_eq!(email.as_str(), "marie@xn--exemple--i1a.fr");
        assert_eq!(email.domain(), "xn--exemple--i1a.fr");
        assert_eq!(ok("marie@EXEMPLE-É.FR"), "marie@xn--exemple--i1a.fr");
        assert_eq!(ok("marie@xn--exemple--i1a.fr"), "marie@xn--exemple--i1a.fr");
    }

    #[test]
    fn rfc_5322_atext_is_accepted_in_the_local_part() {
        assert_eq!(
            ok("a!#$%&'*+-/=?^_`{|}~z@exemple.fr"),
            "a!#$%&'*+-/=?^_`{|}~z@exemple.fr"
        );
        assert_eq!(ok("prenom+onboard@exemple.fr"), "prenom+onboard@exemple.fr");
    }

    #[test]
    fn empty_or_blank_input_is_empty() {
        assert_eq!(err(""), EmailError::Empty);
        assert_eq!(err("   \n\t"), EmailError::Empty);
    }

    #[test]
    fn inner_spaces_are_refused() {
        assert_eq!(err("marie curie@exemple.fr"), EmailError::Whitespace);
        assert_eq!(err("marie@exemple .fr"), EmailError::Whitespace);
        assert_eq!(err("marie@exemple.fr\u{a0}x"), EmailError::Whitespace);
    }

    #[test]
    fn the_at_sign_must_appear_exactly_once() {
        assert_eq!(err("marie.exemple.fr"), EmailError::MissingAt);
        assert_eq!(err("marie@curie@exemple.fr"), EmailError::MultipleAt);
        assert_eq!(err("@@"), EmailError::MultipleAt);
    }

    #[test]
    fn both_sides_of_the_at_sign_are_required() {
        assert_eq!(err("@exemple.fr"), EmailError::EmptyLocal);
        assert_eq!(err("marie@"), EmailError::EmptyDomain);
        assert_eq!(err("@"), EmailError::EmptyLocal);
    }

    #[test]
    fn misplaced_dots_in_the_local_part_are_refused() {
        assert_eq!(err("marie..curie@exemple.fr"), EmailError::DotPlacement);
        assert_eq!(err(".marie@exemple.fr"), EmailError::DotPlacement);
        assert_eq!(err("marie.@exemple.fr"), EmailError::DotPlacement);
        assert_eq!(err(".@exemple.fr"), EmailError::DotPlacement);
    }

    #[test]
    fn characters_outside_atext_are_reported() {
        assert_eq!(err("ma(rie@exemple.fr"), EmailError::InvalidLocalChar('('));
        assert_eq!(
            err("\"marie\"@exemple.fr"),
            EmailError::InvalidLocalChar('"')
        );
        assert_eq!(err("<marie@exemple.fr>"), EmailError::InvalidLocalChar('<'));
        assert_eq!(err("élodie@exemple.fr"), EmailError::InvalidLocalChar('é'));
    }

    #[test]
    fn a_domain_without_a_dot_is_refused() {
        assert_eq!(err("marie@localhost"), EmailError::DomainNoDot);
    }

    #[test]
    fn malformed_domains_are_refused() {
        for input in [
            "marie@exemple..fr",
            "marie@.exemple.fr",
            "marie@exemple.fr.",
            "marie@-exemple.fr",
            "marie@exemple-.fr",
            "marie@exem_ple.fr",
            "marie@exemple.fr>",
            "marie@192.168.0.1",
            "marie@[192.168.0.1]",
            "marie@exemple.123",
            "marie@exemple!.fr",
        ] {
            assert_eq!(err(input), EmailError::InvalidDomain, "{input}");
        }
    }

    #[test]
    fn a_numeric_label_is_fine_when_the_tld_is_not() {
        assert_eq!(ok("marie@123.fr"), "marie@123.fr");
        assert_eq!(ok("marie@a.b.c.exemple.fr"), "marie@a.b.c.exemple.fr");
    }

    #[test]
    fn garbage_is_refused() {
        for input in ["n/a", "-", "???", "<>", "marie", "Marie Curie", "http://x"] {
            assert!(Email::parse(input).is_err(), "{input:?}");
        }
    }

    #[test]
    fn a_local_part_over_64_characters_is_refused() {
        let local = "a".repeat(64);
        assert!(Email::parse(&format!("{local}@exemple.fr")).is_ok());
        assert_eq!(
            err(&format!("{local}b@exemple.fr")),
            EmailError::LocalTooLong
        );
    }

    #[test]
    fn a_label_over_63_characters_is_refused() {
        let label = "d".repeat(63);
        assert!(Email::parse(&format!("marie@{label}.fr")).is_ok());
        assert_eq!(
            err(&format!("marie@{label}d.fr")),
            EmailError::InvalidDomain
        );
    }

    #[test]
    fn an_address_over_254_characters_is_refused() {
        let local = "a".repeat(64);
        let label = "d".repeat(63);
        let long = format!("{local}@{label}.{label}.{label}.fr");
        assert_eq!(long.len(), 259);
        assert_eq!(err(&long), EmailError::TooLong);

        // Exactly 254 is still fine.
        let domain = format!("{label}.{label}.{}.fr", "d".repeat(58));
        let exact = format!("{local}@{domain}");
        assert_eq!(exact.len(), 254);
        assert_eq!(ok(&exact), exact);
    }

    #[test]
    fn huge_input_is_refused_without_reaching_idna() {
        let huge = format!("marie@{}.fr", "é".repeat(100_000));
        assert_eq!(err(&huge), EmailError::TooLong);
    }

    #[test]
    fn conversions_go_through_parse() {
        assert_eq!(
            "Marie@Exemple.fr".parse::<Email>().unwrap().as_str(),
            "marie@exemple.fr"
        );
        assert_eq!(
            Email::try_from(String::from("nope")),
            Err(EmailError::MissingAt)
        );
        let s: String = Email::try_from("a@b.fr").unwrap().into();
        assert_eq!(s, "a@b.fr");
    }

    #[test]
    fn deserialising_validates_and_normalises() {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StringDeserializer};

        let from = |s: &str| -> Result<Email, Error> {
            let de: StringDeserializer<Error> = s.to_owned().into_deserializer();
            Email::deserialize(de)
        };
        assert_eq!(
            from("Marie@Exemple.FR").unwrap().as_str(),
            "marie@exemple.fr"
        );
        assert!(from("not an address").is_err());
    }

    #[test]
    fn errors_have_short_english_messages() {
        assert_eq!(EmailError::MissingAt.to_string(), "the address has no @");
        assert_eq!(
            EmailError::InvalidLocalChar('(').to_string(),
            "the character '(' is not allowed before the @"
        );
    }

    /// Address-shaped inputs with the awkward bits (case, accents, dots,
    /// hyphens, digits, punycode prefixes) over-represented, so that most
    /// cases get past the first checks.
    fn address_like() -> impl Strategy<Value = String> {
        let local = prop_oneof![
            3 => "[a-zA-Z0-9+_'-]{1,6}(\\.[a-zA-Z0-9+_'-]{1,6}){0,2}",
            1 => "[a-zA-Z0-9.+_'-]{0,12}",
        ];
        let label = prop_oneof![
            3 => "[a-zA-Z0-9éÉßü]{1,3}(-[a-zA-Z0-9éÉßü]{1,3})?",
            1 => "[a-zA-Z0-9éÉßü-]{0,8}",
            1 => "xn--[a-z0-9-]{1,8}",
        ];
        let tld = prop_oneof![3 => "[a-zA-Z]{2,4}", 1 => "[a-zA-Z0-9]{0,4}"];
        (local, prop::collection::vec(label, 1..4), tld)
            .prop_map(|(local, labels, tld)| format!("{local}@{}.{tld}", labels.join(".")))
    }

    proptest! {
        #[test]
        fn parse_is_idempotent_on_its_own_output(input in prop_oneof![address_like(), "\\PC{0,40}"]) {
            if let Ok(email) = Email::parse(&input) {
                prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
                prop_assert_eq!(Email::parse(&email.as_str().to_uppercase()), Ok(email));
            }
        }

        #[test]
        fn accepted_addresses_are_lowercase_ascii_with_one_at_and_at_most_254_chars(
            input in address_like()
        ) {
            if let Ok(email) = Email::parse(&input) {
                let s = email.as_str();
                prop_assert!(s.is_ascii());
                prop_assert_eq!(s.to_ascii_lowercase(), s);
                prop_assert_eq!(s.matches('@').count(), 1);
                prop_assert!(s.len() <= MAX_ADDRESS_LEN);
                prop_assert_eq!(format!("{}@{}", email.local_part(), email.domain()), s);
            }
        }
    }
}
