//! The import wizard. The upload itself is `POST /imports/upload`
//! (multipart, a route of its own with its own size limit), the template
//! and the reports are downloads (`GET /imports/…`); the steps between are
//! these functions.

use super::{Answer, ApiError};
pub use crate::contracts::imports::*;
use crate::domain::GroupId;
use leptos::prelude::*;

#[server(endpoint = "imports/page", output = Answer)]
pub async fn get_import(input: ImportQuery) -> Result<ImportView, ApiError> {
    use crate::domain::import::VerdictKind;
    use crate::server::{context, services::imports};
    let state = context::state()?;
    let me = context::require_user().await?;
    let filter = input.verdict.as_deref().and_then(VerdictKind::parse);
    let lang = context::request_lang();
    Ok(imports::view(&state, &me, input.id, filter, input.page.unwrap_or(1), lang).await?)
}

#[server(endpoint = "imports/dialect", output = Answer)]
pub async fn set_import_dialect(input: DialectInput) -> Result<(), ApiError> {
    use crate::server::{context, services::imports};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(imports::set_dialect(&state, &me, input.id, input.dialect()).await?)
}

#[server(endpoint = "imports/columns", output = Answer)]
pub async fn set_import_columns(input: ColumnsInput) -> Result<(), ApiError> {
    use crate::server::{context, forms, services::imports};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(imports::set_columns(&state, &me, input.id, forms::by_index(input.columns)).await?)
}

#[server(endpoint = "imports/edit-row", output = Answer)]
pub async fn edit_import_row(input: EditRowInput) -> Result<(), ApiError> {
    use crate::server::{context, forms, services::imports};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(imports::edit_row(
        &state,
        &me,
        input.id,
        input.row,
        forms::by_index(input.cells),
    )
    .await?)
}

#[server(endpoint = "imports/run", output = Answer)]
pub async fn run_import(input: RunInput) -> Result<(), ApiError> {
    use crate::server::{context, services::imports};
    let state = context::state()?;
    let me = context::require_user().await?;
    let id = input.id;
    let request = input.into_request()?;
    Ok(imports::run(&state, &me, id, request).await?)
}

#[server(endpoint = "imports/history", output = Answer)]
pub async fn get_import_history(group_id: GroupId) -> Result<ImportHome, ApiError> {
    use crate::server::{context, services::imports};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(imports::history(&state, &me, group_id, &context::directory()).await?)
}
