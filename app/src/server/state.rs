//! What every request and background job shares.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::i18n::Lang;

use super::auth::rate_limit::LoginLimiter;
use super::{Clock, Config, Db};

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub clock: Arc<dyn Clock>,
    pub login_limiter: Arc<LoginLimiter>,
    /// Rung after a mail is queued so the outbox worker does not wait for
    /// its next poll.
    pub mail_wakeup: Arc<tokio::sync::Notify>,
    /// The platform's default language (a setting), as its index in
    /// `Lang::ALL`: read on every page without a query, reloaded by the
    /// minute job so every instance follows a change.
    default_lang: Arc<AtomicUsize>,
    /// Rows done by each import running in this process: the run is one
    /// transaction, so its progress cannot be read from the database.
    pub import_progress: Arc<std::sync::Mutex<std::collections::HashMap<i64, usize>>>,
}

impl AppState {
    pub fn new(db: Db, config: Config, clock: Arc<dyn Clock>) -> Self {
        Self {
            db,
            config: Arc::new(config),
            clock,
            login_limiter: Arc::new(LoginLimiter::default()),
            mail_wakeup: Arc::new(tokio::sync::Notify::new()),
            default_lang: Arc::new(AtomicUsize::new(0)),
            import_progress: Arc::default(),
        }
    }

    /// The language of a visitor who chose none and whose browser asks for
    /// none of ours.
    pub fn default_lang(&self) -> Lang {
        Lang::ALL
            .get(self.default_lang.load(Ordering::Relaxed))
            .copied()
            .unwrap_or_default()
    }

    pub fn set_default_lang(&self, lang: Lang) {
        let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        self.default_lang.store(index, Ordering::Relaxed);
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}
