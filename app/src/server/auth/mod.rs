//! Passwords, opaque tokens, session cookies and login throttling.

pub mod cookie;
pub mod password;
pub mod rate_limit;
pub mod token;
