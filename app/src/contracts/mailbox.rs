//! The development mailbox (`/dev/mailbox`): every mail the platform wrote,
//! readable in the browser. Platform admins only.

use crate::domain::MailId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailboxMail {
    pub id: MailId,
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
