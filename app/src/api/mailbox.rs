//! The development mailbox (`/dev/mailbox`): every mail the platform wrote,
//! readable in the browser. Platform admins only.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailboxMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// `queued`, `sending`, `sent` or `failed`.
    pub status: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub last_error: Option<String>,
}

/// The latest 200 mails, newest first.
#[server(endpoint = "dev/mailbox")]
pub async fn get_mailbox() -> Result<Vec<MailboxMail>, ApiError> {
    use crate::server::{context, mail};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(mail::mailbox::latest(&state, &me).await?)
}
