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
}

impl AppState {
    pub fn new(db: Db, config: Config, clock: Arc<dyn Clock>) -> Self {
        Self {
            db,
            config: Arc::new(config),
            clock,
            login_limiter: Arc::new(LoginLimiter::default()),
        }
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}
