//! Leptos components and pages. Pages load data through `api` server
//! functions; every form posts to one, so it works before the wasm loads.

mod app;
mod billing;
mod create_account;
mod custom_fields;
pub mod format;
mod frame;
mod group_chooser;
mod group_page;
mod group_settings;
mod home;
mod import;
mod invitation_page;
mod invitations_tab;
mod journal;
mod lang;
mod loaded;
mod login;
mod mailbox;
mod menu;
mod new_group;
mod platform_settings;
mod set_password;
mod setup;
#[cfg(feature = "ssr")]
mod shell;
mod sidebar;
mod user_page;
mod user_panel;
mod widgets;

pub use app::App;
pub use lang::use_lang;
#[cfg(feature = "ssr")]
pub use shell::shell;
