//! Use cases. Each takes the state and plain, already-parsed values, checks
//! authorization with `domain::policy`, and owns its transaction.

pub mod account_type;
pub mod accounts;
pub mod auth;
pub mod billing;
pub mod custom_fields;
pub mod deletion;
pub mod demo;
pub mod directory;
pub mod grants;
pub mod groups;
pub mod home;
pub mod imports;
pub mod invitation_tab;
pub mod invitations;
pub mod journal;
pub mod members;
pub mod memberships;
pub mod panels;
pub mod password_links;
pub mod platform;
pub mod profiles;
pub mod seats;
pub mod setup;
