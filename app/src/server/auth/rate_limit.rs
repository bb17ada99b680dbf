//! Login throttling: failed attempts are counted per account and per client
//! address over a sliding window. In memory: each server instance counts its
//! own attempts, which bounds guessing to (instances × limit) per window.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::server::clock::{MINUTE, Millis};

const WINDOW: Millis = 15 * MINUTE;
const PER_ACCOUNT: usize = 5;
const PER_ADDRESS: usize = 20;
/// Above this many tracked keys, stale ones are swept on the next call.
const SWEEP_ABOVE: usize = 10_000;

#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, Vec<Millis>>>,
}

fn account_key(account: &str) -> String {
    format!("account:{}", account.to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("ip:{address}")
}

impl LoginLimiter {
    /// False when either the account or the address used up its attempts.
    pub fn allows(&self, account: &str, address: Option<&str>, now: Millis) -> bool {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > SWEEP_ABOVE {
            map.retain(|_, times| times.iter().any(|t| now - t < WINDOW));
        }
        let recent = |key: &str| {
            map.get(key).map_or(0, |times| {
                times.iter().filter(|t| now - **t < WINDOW).count()
            })
        };
        recent(&account_key(account)) < PER_ACCOUNT
            && address.is_none_or(|a| recent(&address_key(a)) < PER_ADDRESS)
    }

    pub fn record_failure(&self, account: &str, address: Option<&str>, now: Millis) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let mut push = |key: String| {
            let times = map.entry(key).or_default();
            times.retain(|t| now - t < WINDOW);
            times.push(now);
        };
        push(account_key(account));
        if let Some(a) = address {
            push(address_key(a));
        }
    }

    /// A successful login forgives the account's earlier typos.
    pub fn record_success(&self, account: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&account_key(account));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_locked_after_five_failures_and_freed_after_the_window() {
        let limiter = LoginLimiter::default();
        for i in 0..5 {
            assert!(limiter.allows("Marie@x.fr", Some("1.2.3.4"), i));
            limiter.record_failure("marie@x.fr", Some("1.2.3.4"), i);
        }
        assert!(!limiter.allows("marie@x.fr", Some("5.6.7.8"), 10));
        assert!(limiter.allows("jean@x.fr", Some("1.2.3.4"), 10));
        assert!(limiter.allows("marie@x.fr", None, WINDOW + 5));
    }

    #[test]
    fn an_address_is_locked_after_twenty_failures_across_accounts() {
        let limiter = LoginLimiter::default();
        for i in 0..20 {
            limiter.record_failure(&format!("user{i}@x.fr"), Some("9.9.9.9"), 0);
        }
        assert!(!limiter.allows("new@x.fr", Some("9.9.9.9"), 1));
        assert!(limiter.allows("new@x.fr", Some("8.8.8.8"), 1));
    }

    #[test]
    fn success_clears_the_account_counter() {
        let limiter = LoginLimiter::default();
        for i in 0..4 {
            limiter.record_failure("a@x.fr", None, i);
        }
        limiter.record_success("a@x.fr");
        for i in 0..4 {
            limiter.record_failure("a@x.fr", None, 10 + i);
        }
        assert!(limiter.allows("a@x.fr", None, 20));
    }
}
