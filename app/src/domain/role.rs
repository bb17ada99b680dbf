//! The closed vocabularies of the product: roles in a group, account types
//! and group visibility.
//!
//! `as_str` gives the stable machine form (stored in the database and used
//! in URLs); `parse` is lenient because the same values arrive from CSV
//! imports and hand-typed French or English labels.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A role held by a user in one group.
///
/// The declaration order goes from most to least powerful, so the derived
/// `Ord` sorts admins first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupRole {
    GroupAdmin,
    UserAdmin,
    Trainer,
    Learner,
}

impl GroupRole {
    pub const ALL: [GroupRole; 4] = [
        GroupRole::GroupAdmin,
        GroupRole::UserAdmin,
        GroupRole::Trainer,
        GroupRole::Learner,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::GroupAdmin => "group_admin",
            GroupRole::UserAdmin => "user_admin",
            GroupRole::Trainer => "trainer",
            GroupRole::Learner => "learner",
        }
    }

    pub fn parse(s: &str) -> Option<GroupRole> {
        match fold_label(s).as_str() {
            "group admin"
            | "groupadmin"
            | "group administrator"
            | "admin"
            | "administrateur"
            | "administratrice"
            | "administrateur de groupe"
            | "administratrice de groupe" => Some(GroupRole::GroupAdmin),
            "user admin"
            | "useradmin"
            | "user administrator"
            | "administrateur d'utilisateurs"
            | "administratrice d'utilisateurs"
            | "administrateur des utilisateurs"
            | "administratrice des utilisateurs" => Some(GroupRole::UserAdmin),
            "trainer" | "animateur" | "animatrice" => Some(GroupRole::Trainer),
            "learner" | "apprenant" | "apprenante" => Some(GroupRole::Learner),
            _ => None,
        }
    }

    /// Whether holding this role lets a user manage other people's
    /// memberships, which is what makes rights flow down the tree.
    pub fn is_admin(self) -> bool {
        matches!(self, GroupRole::GroupAdmin | GroupRole::UserAdmin)
    }
}

impl fmt::Display for GroupRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an account counts towards the customer's paid seats.
#[derive(
    Default, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    #[default]
    Member,
    Guest,
}

impl AccountType {
    pub const ALL: [AccountType; 2] = [AccountType::Member, AccountType::Guest];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountType::Member => "member",
            AccountType::Guest => "guest",
        }
    }

    pub fn parse(s: &str) -> Option<AccountType> {
        match fold_label(s).as_str() {
            "member" | "membre" => Some(AccountType::Member),
            "guest" | "invite" | "invitee" => Some(AccountType::Guest),
            _ => None,
        }
    }

    pub fn is_billable(self) -> bool {
        matches!(self, AccountType::Member)
    }
}

impl fmt::Display for AccountType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Public groups pass learner memberships up to their parent; private ones
/// stop the propagation (see `GroupTree::learner_propagation`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    Private,
}

impl Visibility {
    pub const ALL: [Visibility; 2] = [Visibility::Public, Visibility::Private];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Private => "private",
        }
    }

    pub fn parse(s: &str) -> Option<Visibility> {
        match fold_label(s).as_str() {
            "public" | "publique" => Some(Visibility::Public),
            "private" | "prive" | "privee" => Some(Visibility::Private),
            _ => None,
        }
    }
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reduces a human-typed label to a canonical key so that "Invité",
/// "INVITE", " invite " and "user_admin" / "User-Admin" compare equal.
///
/// Only the Latin accents French and its neighbours use are folded: the
/// labels we match are a fixed, small set, so a full Unicode normalisation
/// table would be dead weight in the wasm bundle.
/// A lower-case letter without its accent (`é` → `e`), as French, Dutch
/// and English labels are typed with or without them.
pub(crate) fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

fn fold_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match base_letter(c) {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
            '_' | '-' => ' ',
            // Combining diacritics, left behind when the input was typed in
            // decomposed form (e + U+0301 instead of é).
            '\u{0300}'..='\u{036f}' => continue,
            c => c,
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_role_parses_back_from_its_machine_form() {
        for role in GroupRole::ALL {
            assert_eq!(GroupRole::parse(role.as_str()), Some(role));
            assert_eq!(role.to_string(), role.as_str());
        }
    }

    #[test]
    fn role_labels_are_accepted_in_french_and_english() {
        let cases = [
            ("administrateur", GroupRole::GroupAdmin),
            ("admin", GroupRole::GroupAdmin),
            ("group admin", GroupRole::GroupAdmin),
            ("administrateur d'utilisateurs", GroupRole::UserAdmin),
            ("user admin", GroupRole::UserAdmin),
            ("animateur", GroupRole::Trainer),
            ("trainer", GroupRole::Trainer),
            ("apprenant", GroupRole::Learner),
            ("learner", GroupRole::Learner),
        ];
        for (label, role) in cases {
            assert_eq!(GroupRole::parse(label), Some(role), "{label}");
        }
    }

    #[test]
    fn role_parsing_ignores_case_accents_padding_and_separators() {
        assert_eq!(
            GroupRole::parse("  Administrateur D’Utilisateurs "),
            Some(GroupRole::UserAdmin)
        );
        assert_eq!(GroupRole::parse("GROUP_ADMIN"), Some(GroupRole::GroupAdmin));
        assert_eq!(GroupRole::parse("User-Admin"), Some(GroupRole::UserAdmin));
        assert_eq!(
            GroupRole::parse("group   admin"),
            Some(GroupRole::GroupAdmin)
        );
        assert_eq!(GroupRole::parse("APPRENANT"), Some(GroupRole::Learner));
    }

    #[test]
    fn unknown_role_labels_are_refused() {
        for label in ["", "  ", "owner", "learners", "admin admin", "super admin"] {
            assert_eq!(GroupRole::parse(label), None, "{label:?}");
        }
    }

    #[test]
    fn all_roles_are_listed_once_in_declaration_order() {
        let mut sorted = GroupRole::ALL;
        sorted.sort();
        assert_eq!(sorted, GroupRole::ALL);
        assert!(GroupRole::GroupAdmin.is_admin());
        assert!(GroupRole::UserAdmin.is_admin());
        assert!(!GroupRole::Trainer.is_admin());
        assert!(!GroupRole::Learner.is_admin());
    }

    #[test]
    fn account_types_parse_in_french_and_english_with_or_without_accents() {
        for t in AccountType::ALL {
            assert_eq!(AccountType::parse(t.as_str()), Some(t));
        }
        assert_eq!(AccountType::parse("Membre"), Some(AccountType::Member));
        assert_eq!(AccountType::parse("invité"), Some(AccountType::Guest));
        assert_eq!(AccountType::parse("INVITÉ"), Some(AccountType::Guest));
        assert_eq!(AccountType::parse("invite"), Some(AccountType::Guest));
        // Decomposed é: "invite" followed by a combining acute accent.
        assert_eq!(
            AccountType::parse("invite\u{0301}"),
            Some(AccountType::Guest)
        );
        assert_eq!(AccountType::parse("visitor"), None);
    }

    #[test]
    fn only_members_are_billable() {
        assert!(AccountType::Member.is_billable());
        assert!(!AccountType::Guest.is_billable());
    }

    #[test]
    fn visibility_parses_in_french_and_english_with_or_without_accents() {
        for v in Visibility::ALL {
            assert_eq!(Visibility::parse(v.as_str()), Some(v));
        }
        assert_eq!(Visibility::parse("Publique"), Some(Visibility::Public));
        assert_eq!(Visibility::parse("privé"), Some(Visibility::Private));
        assert_eq!(Visibility::parse("PRIVE"), Some(Visibility::Private));
        assert_eq!(Visibility::parse(" private\n"), Some(Visibility::Private));
        assert_eq!(Visibility::parse("hidden"), None);
    }

    const ROLE_LABELS: [(&str, GroupRole); 6] = [
        ("administrateur", GroupRole::GroupAdmin),
        ("group_admin", GroupRole::GroupAdmin),
        ("administrateur d'utilisateurs", GroupRole::UserAdmin),
        ("animateur", GroupRole::Trainer),
        ("apprenant", GroupRole::Learner),
        ("learner", GroupRole::Learner),
    ];

    proptest! {
        #[test]
        fn role_labels_survive_random_casing_and_padding(
            index in 0..ROLE_LABELS.len(),
            mask in any::<u64>(),
            left in "[ \t]{0,3}",
            right in "[ \t\n]{0,3}",
        ) {
            let (label, role) = ROLE_LABELS[index];
            let cased: String = label
                .chars()
                .enumerate()
                .map(|(i, c)| if mask >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            prop_assert_eq!(GroupRole::parse(&format!("{left}{cased}{right}")), Some(role));
        }

        #[test]
        fn label_parsing_never_panics_on_arbitrary_text(s in "\\PC{0,40}") {
            let _ = GroupRole::parse(&s);
            let _ = AccountType::parse(&s);
            let _ = Visibility::parse(&s);
        }
    }
}
