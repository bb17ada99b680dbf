//! SQL, one module per aggregate. Functions take a connection (a pooled one
//! or a transaction's) so services decide the transaction boundaries.

pub mod audit;
pub mod billing;
pub mod codec;
pub mod custom_fields;
pub mod groups;
pub mod imports;
pub mod invitation_tab;
pub mod invitations;
pub mod login_failures;
pub mod memberships;
pub mod outbox;
pub mod password_tokens;
pub mod seats;
pub mod sessions;
pub mod settings;
mod sql;
pub mod users;

pub use sqlx::AnyConnection as Conn;
