//! Pure business rules of Onboard, shared by the server and the browser.
//!
//! Nothing in here performs I/O or depends on a feature flag, so the same
//! code decides what the UI offers and what the server accepts.

pub mod audit;
pub mod billing;
pub mod custom_field;
pub mod email;
pub mod email_list;
pub mod export;
pub mod group_name;
pub mod group_tree;
pub mod ids;
pub mod import;
pub mod invitation;
pub mod login_name;
pub mod paging;
pub mod password;
pub mod person_name;
pub mod policy;
pub mod role;

pub use email::{Email, EmailError};
pub use email_list::{ListEntry, parse_email_list};
pub use group_tree::{GroupNode, GroupTree, MoveError};
pub use ids::{FieldId, GroupId, ImportId, InvitationId, MailId, UserId};
pub use policy::Actor;
pub use role::{AccountType, GroupRole, Visibility};
