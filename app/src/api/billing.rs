//! The billing page (`Facturation`).

use super::ApiError;
pub use crate::contracts::billing::*;
use leptos::prelude::*;

#[server(endpoint = "billing")]
pub async fn get_billing(query: BillingQuery) -> Result<BillingPage, ApiError> {
    use crate::server::{context, services::billing};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(billing::page(&state, &me, query).await?)
}
