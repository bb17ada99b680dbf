//! The development mailbox (`/dev/mailbox`): every mail the platform wrote,
//! readable in the browser. Platform admins only.

use super::{Answer, ApiError};
pub use crate::contracts::mailbox::*;
use leptos::prelude::*;

/// The latest 200 mails, newest first.
#[server(endpoint = "dev/mailbox", output = Answer)]
pub async fn get_mailbox() -> Result<Vec<MailboxMail>, ApiError> {
    use crate::server::{context, mail};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(mail::mailbox::latest(&state, &me).await?)
}
