// A form's fields are a server function's arguments: `INVITER` has many.
#![allow(clippy::too_many_arguments)]

use super::ApiError;
pub use crate::contracts::invitations::*;
use leptos::prelude::*;

#[server(endpoint = "invitations/panel")]
pub async fn get_invite_panel(group_id: i64) -> Result<InvitePanel, ApiError> {
    use crate::server::{context, services::panels};
    let state = context::state()?;
    let me = context::require_user().await?;
    Ok(panels::invite_panel(&state, &me, group_id).await?)
}

/// `INVITER`. Checkboxes arrive as present-or-absent fields; the deletion
/// date as `YYYY-MM-DD` (empty for none).
#[server(endpoint = "invitations/invite")]
pub async fn invite_users(
    group_id: i64,
    emails: String,
    role_group_admin: Option<String>,
    role_user_admin: Option<String>,
    role_trainer: Option<String>,
    role_learner: Option<String>,
    language: String,
    account_type: String,
    deletion_date: Option<String>,
    message: Option<String>,
    platform_admin: Option<String>,
    custom: Option<std::collections::HashMap<String, String>>,
) -> Result<Vec<InviteLine>, ApiError> {
    use crate::domain::AccountType;
    use crate::server::services::invitations::{self, InviteRequest};
    use crate::server::{context, forms};
    let state = context::state()?;
    let me = context::require_user().await?;
    let roles = forms::checked_roles(
        role_group_admin,
        role_user_admin,
        role_trainer,
        role_learner,
    );
    let req = InviteRequest {
        group_id,
        emails,
        roles,
        language: crate::i18n::Lang::parse(&language).unwrap_or_default(),
        deletion_at: forms::optional_date(deletion_date.as_deref())?,
        message: message.unwrap_or_default(),
        account_type: AccountType::parse(&account_type).unwrap_or(AccountType::Member),
        platform_admin: platform_admin.is_some(),
        custom: custom.unwrap_or_default(),
    };
    Ok(invitations::invite(&state, &me, req).await?)
}

#[server(endpoint = "invitations/link")]
pub async fn get_invitation_link(token: String) -> Result<LinkView, ApiError> {
    use crate::server::{context, services::invitations};
    let state = context::state()?;
    Ok(invitations::open_link(&state, &token).await?)
}

/// The first-login form: creates the account and signs in. The answer
/// lists what the invitation promised that no longer holds (shown before
/// going home); empty in the usual case.
#[server(endpoint = "invitations/accept")]
pub async fn accept_invitation(
    token: String,
    first_name: String,
    last_name: String,
    password: String,
    password_confirm: String,
    language: String,
) -> Result<Vec<DroppedGrant>, ApiError> {
    use crate::server::context;
    use crate::server::services::invitations::{self, AcceptInput};
    let state = context::state()?;
    let input = AcceptInput {
        first_name,
        last_name,
        password,
        password_confirm,
        language: crate::i18n::Lang::parse(&language).unwrap_or_default(),
    };
    let accepted = invitations::accept(&state, &token, input).await?;
    if accepted.dropped.is_empty() {
        context::signed_in(&state, &accepted.signed_in());
    } else {
        // The welcome page says what was dropped, then links home.
        context::set_session_cookies(&state, &accepted.signed_in());
    }
    Ok(accepted.dropped)
}
