// A form's fields are a server function's arguments: `INVITER` has many.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::GroupRole;
use crate::domain::invitation::InviteOutcome;
use crate::i18n::Lang;

/// One line of the result list after `INVITER`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteLine {
    pub address: String,
    pub outcome: InviteOutcome,
}

/// What the `Inviter` panel offers this admin in this group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitePanel {
    pub group_id: i64,
    pub group_name: String,
    pub grantable_roles: Vec<GroupRole>,
    pub may_grant_platform_admin: bool,
    pub custom_fields: Vec<crate::domain::custom_field::FieldDef>,
}

/// The first-login form's view of a live invitation link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub email: String,
    pub language: Lang,
    pub groups: Vec<String>,
    pub inviter: Option<String>,
    pub expires_at: i64,
}

/// Something an invitation promised that did not hold at acceptance: the
/// admin who granted it may no longer grant it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DroppedGrant {
    /// A role in a group, named by its path.
    Role {
        group: String,
        role: GroupRole,
    },
    PlatformAdmin,
}

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
        language: Lang::parse(&language).unwrap_or_default(),
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
        language: Lang::parse(&language).unwrap_or_default(),
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
