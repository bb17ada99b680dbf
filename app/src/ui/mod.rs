//! Leptos components and pages. Pages load data through `api` server
//! functions; every form posts to one, so it works before the wasm loads.

mod app;
pub mod format;
mod frame;
mod group_page;
mod group_settings;
mod home;
mod invitation_page;
mod invitations_tab;
mod lang;
mod login;
mod mailbox;
mod new_group;
mod setup;
mod sidebar;
mod user_panel;
mod widgets;

pub use app::{App, shell};
pub use lang::use_lang;
