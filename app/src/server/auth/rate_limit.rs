//! Login throttling: attempts are counted over a sliding window in the
//! database (`store::login_failures`), so every server instance sees the
//! same counts. One attempt is charged to:
//! - the identifier as sign-in understands it (`Identifier`), so another
//!   spelling of the same address (case, full-width letters, soft hyphens in
//!   the domain…) is the same counter;
//! - the account, when one is found, whichever identifier reached it;
//! - the client address, across accounts (password spraying).

use std::sync::atomic::{AtomicI64, Ordering};

use crate::domain::{Email, UserId};
use crate::server::clock::{MINUTE, Millis};
use crate::server::store::{Conn, login_failures};

pub const WINDOW: Millis = 15 * MINUTE;
pub const PER_ACCOUNT: i64 = 5;
pub const PER_ADDRESS: i64 = 20;
/// How often an instance deletes the rows no window counts any more.
const PURGE_EVERY: Millis = MINUTE;

/// What the sign-in form's identifier designates, normalised once so that
/// the account lookup and the throttle cannot disagree on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identifier {
    /// `Email::parse`'s form: lower-cased, IDN domain in ASCII.
    Email(Email),
    /// Login names are stored lower-cased (`domain::login_name`).
    LoginName(String),
    /// Has an `@` but is no address: no account can match it.
    Unusable(String),
}

impl Identifier {
    pub fn parse(raw: &str) -> Identifier {
        let raw = raw.trim();
        if raw.contains('@') {
            match Email::parse(raw) {
                Ok(email) => Identifier::Email(email),
                Err(_) => Identifier::Unusable(raw.to_lowercase()),
            }
        } else {
            Identifier::LoginName(raw.to_lowercase())
        }
    }

    pub fn normalised(&self) -> &str {
        match self {
            Identifier::Email(email) => email.as_str(),
            Identifier::LoginName(name) | Identifier::Unusable(name) => name,
        }
    }
}

/// The counters one attempt is charged to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    /// The identifier's and the account's: a successful sign-in clears them.
    account: Vec<String>,
    address: Option<String>,
}

impl Keys {
    pub fn new(
        identifier: &Identifier,
        user_id: Option<UserId>,
        client_address: Option<&str>,
    ) -> Keys {
        let mut account = vec![format!("id:{}", identifier.normalised())];
        if let Some(id) = user_id {
            account.push(format!("user:{id}"));
        }
        Keys {
            account,
            address: client_address.map(|a| format!("ip:{a}")),
        }
    }

    /// Every key with the number of attempts it may have in a window.
    fn limited(&self) -> impl Iterator<Item = (&str, i64)> {
        let account = self.account.iter().map(|k| (k.as_str(), PER_ACCOUNT));
        account.chain(self.address.as_deref().map(|k| (k, PER_ADDRESS)))
    }
}

#[derive(Debug, Default)]
pub struct LoginLimiter {
    next_purge: AtomicI64,
}

impl LoginLimiter {
    /// Charges an attempt to its keys *before* the password is checked, then
    /// counts: concurrent attempts (on any instance) each see their own row
    /// and those charged before them, so no more than the limit ever reach
    /// the password check. `None` when a key has used up its attempts; the
    /// refused attempt's rows are then taken back, since it tested nothing.
    pub async fn begin(
        &self,
        conn: &mut Conn,
        keys: Keys,
        now: Millis,
    ) -> Result<Option<Attempt>, sqlx::Error> {
        self.purge_if_due(conn, now).await?;
        let mut rows = Vec::new();
        for key in &keys.account {
            rows.push(login_failures::record(conn, key, now).await?);
        }
        let mut address_row = None;
        if let Some(key) = &keys.address {
            let id = login_failures::record(conn, key, now).await?;
            rows.push(id);
            address_row = Some(id);
        }
        let mut refused = false;
        for (key, limit) in keys.limited() {
            if login_failures::count_recent(conn, key, now - WINDOW).await? > limit {
                refused = true;
                break;
            }
        }
        if refused {
            for id in rows {
                login_failures::delete(conn, id).await?;
            }
            return Ok(None);
        }
        Ok(Some(Attempt { keys, address_row }))
    }

    /// At most once a minute per instance; the `at` index makes it cheap.
    async fn purge_if_due(&self, conn: &mut Conn, now: Millis) -> Result<(), sqlx::Error> {
        let due = self.next_purge.load(Ordering::Relaxed);
        if now >= due
            && self
                .next_purge
                .compare_exchange(due, now + PURGE_EVERY, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            login_failures::purge_before(conn, now - WINDOW).await?;
        }
        Ok(())
    }
}

/// An attempt charged to its keys. A wrong password leaves it counted as a
/// failure: there is nothing more to do.
#[derive(Debug)]
#[must_use = "a successful sign-in must call `succeeded`"]
pub struct Attempt {
    keys: Keys,
    address_row: Option<i64>,
}

impl Attempt {
    /// A successful sign-in forgives the account's earlier typos (under every
    /// key that reached it) and is no failure of its client address; the
    /// address keeps its other failures.
    pub async fn succeeded(self, conn: &mut Conn) -> Result<(), sqlx::Error> {
        for key in &self.keys.account {
            login_failures::clear(conn, key).await?;
        }
        if let Some(id) = self.address_row {
            login_failures::delete(conn, id).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_an_address_is_one_identifier() {
        let plain = Identifier::parse("u@exemple.fr");
        assert_eq!(plain.normalised(), "u@exemple.fr");
        for spelling in [
            "  U@EXEMPLE.FR ",
            "u@\u{ff45}xemple.fr",
            "u@exem\u{00ad}ple.fr",
            "u@EXEMPLE.fr",
        ] {
            assert_eq!(Identifier::parse(spelling), plain, "{spelling:?}");
        }
    }

    #[test]
    fn login_names_and_unusable_identifiers_are_trimmed_and_lower_cased() {
        assert_eq!(
            Identifier::parse(" Jean.Dupont "),
            Identifier::LoginName("jean.dupont".into())
        );
        assert_eq!(
            Identifier::parse(" @@X "),
            Identifier::Unusable("@@x".into())
        );
        assert_eq!(
            Identifier::parse("U\u{00ad}@x.fr").normalised(),
            "u\u{00ad}@x.fr"
        );
    }

    #[test]
    fn an_attempt_is_charged_to_the_identifier_the_account_and_the_address() {
        let email = Identifier::parse("U@exemple.fr");
        let keys = Keys::new(&email, Some(UserId(42)), Some("10.0.0.1"));
        assert_eq!(
            keys.limited().collect::<Vec<_>>(),
            [
                ("id:u@exemple.fr", PER_ACCOUNT),
                ("user:42", PER_ACCOUNT),
                ("ip:10.0.0.1", PER_ADDRESS),
            ]
        );
        let unknown = Keys::new(&email, None, None);
        assert_eq!(
            unknown.limited().collect::<Vec<_>>(),
            [("id:u@exemple.fr", PER_ACCOUNT)]
        );
    }
}
