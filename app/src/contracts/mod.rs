//! What crosses the wire between the browser and the server: the inputs,
//! outcomes, pages, filters and the error of every server function. Both
//! `api` (the server functions) and `server::services` (the use cases)
//! depend on this module; services never import `api`. It depends only on
//! `domain` and the translations.

pub mod accounts;
pub mod auth;
pub mod error;
pub mod form;
pub mod groups;
pub mod invitation_tab;
pub mod invitations;
pub mod mailbox;
pub mod seats;
pub mod settings;
pub mod setup;

pub use error::ApiError;
