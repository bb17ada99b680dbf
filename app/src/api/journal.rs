//! The audit log (`Journal`).

use super::{Answer, ApiError};
pub use crate::contracts::journal::*;
use leptos::prelude::*;

// `default`: the unfiltered first page posts no field at all.
#[server(endpoint = "journal", output = Answer)]
pub async fn get_journal(#[server(default)] query: JournalQuery) -> Result<JournalPage, ApiError> {
    use crate::server::{context, services::journal};
    let state = context::state()?;
    let me = context::require_user().await?;
    let zone = context::browser_zone();
    Ok(journal::page(&state, &me, query, zone.as_deref(), &context::directory()).await?)
}
