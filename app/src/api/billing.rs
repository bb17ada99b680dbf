//! The billing page (`Facturation`).

use super::{Answer, ApiError};
pub use crate::contracts::billing::*;
use leptos::prelude::*;

// `default`: a query without a month (every field empty) posts no field at
// all, which must read as the default, not as a missing argument.
#[server(endpoint = "billing", output = Answer)]
pub async fn get_billing(#[server(default)] query: BillingQuery) -> Result<BillingPage, ApiError> {
    use crate::server::{context, services::billing};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(billing::page(&state, &me, query).await?)
}
