//! What every request and background job shares.

use std::sync::Arc;

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
}

impl AppState {
    pub fn new(db: Db, config: Config, clock: Arc<dyn Clock>) -> Self {
        Self {
            db,
            config: Arc::new(config),
            clock,
            login_limiter: Arc::new(LoginLimiter::default()),
            mail_wakeup: Arc::new(tokio::sync::Notify::new()),
        }
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}
