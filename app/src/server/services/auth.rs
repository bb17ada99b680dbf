//! Sign-in, sign-out and "who is this request from".

use crate::contracts::auth::{Me, initials};
use crate::domain::audit::AuditAction;
use crate::domain::{Actor, UserId};
use crate::i18n::{Lang, Msg};
use crate::server::auth::rate_limit::{self, Identifier, Keys};
use crate::server::auth::{password, token};
use crate::server::clock::{DAY, Millis};
use crate::server::error::{AppError, AppResult};
use crate::server::state::AppState;
use crate::server::store::{audit, sessions, users};

pub const SESSION_LIFETIME: Millis = 14 * DAY;

#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub user: users::UserRecord,
    pub actor: Actor,
}

#[derive(Clone, Debug)]
pub struct SignedIn {
    pub user: users::UserRecord,
    /// The cookie value; only its hash is stored.
    pub session_token: String,
}

/// Checks the credentials and opens a session. Unknown account and wrong
/// password give the same answer after the same work (one argon2 check).
/// The throttle counts by the identifier as the lookup understands it and
/// by the account found, so no other spelling escapes a lock-out.
#[tracing::instrument(name = "auth::login", skip_all, fields(user = tracing::field::Empty))]
pub async fn login(
    state: &AppState,
    identifier: &str,
    password_input: String,
    client_address: Option<&str>,
) -> AppResult<SignedIn> {
    let identifier = Identifier::parse(identifier);
    let now = state.now();
    let mut conn = state.db.pool.acquire().await?;
    let user = match &identifier {
        Identifier::Email(email) => users::by_email(&mut conn, email.as_str()).await?,
        Identifier::LoginName(name) => users::by_login_name(&mut conn, name).await?,
        Identifier::Unusable(_) => None,
    };
    let keys = Keys::new(&identifier, user.as_ref().map(|u| u.id), client_address);
    let Some(attempt) = state.login_limiter.begin(&mut conn, keys, now).await? else {
        log_throttled(
            &mut conn,
            &identifier,
            user.as_ref().map(|u| u.id),
            client_address,
            now,
        )
        .await?;
        return Err(AppError::Invalid(Msg::TooManyAttempts));
    };
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let valid = password::verify(password_input, stored).await?;
    // A wrong password leaves the attempt counted as a failure.
    let Some(user) = user.filter(|_| valid) else {
        return Err(AppError::Invalid(Msg::InvalidCredentials));
    };
    tracing::Span::current().record("user", tracing::field::display(user.id));
    attempt.succeeded(&mut conn).await?;
    let session_token = open_session(state, &mut conn, user.id).await?;
    Ok(SignedIn {
        user,
        session_token,
    })
}

/// A throttled sign-in is logged once per identifier and throttle window,
/// however many attempts the window refuses, so an attack cannot flood the
/// log it shows up in.
async fn log_throttled(
    conn: &mut sqlx::AnyConnection,
    identifier: &Identifier,
    user: Option<UserId>,
    client_address: Option<&str>,
    now: Millis,
) -> AppResult<()> {
    let typed = match identifier {
        Identifier::Email(email) => email.as_str().to_owned(),
        Identifier::LoginName(name) | Identifier::Unusable(name) => name.clone(),
    };
    if audit::logged_since(
        conn,
        AuditAction::LoginThrottled,
        &typed,
        now - rate_limit::WINDOW,
    )
    .await?
    {
        return Ok(());
    }
    audit::record(
        conn,
        AuditAction::LoginThrottled,
        audit::Entry {
            target_user_id: user,
            target_email: Some(typed),
            details: serde_json::json!({ "client": client_address }).to_string(),
            ..Default::default()
        },
        now,
    )
    .await?;
    Ok(())
}

#[tracing::instrument(name = "auth::open_session", skip_all, fields(user = %user_id))]
pub async fn open_session(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    user_id: UserId,
) -> AppResult<String> {
    let now = state.now();
    let session_token = token::generate();
    sessions::insert(
        conn,
        &token::hash(&session_token),
        user_id,
        now,
        now + SESSION_LIFETIME,
    )
    .await?;
    Ok(session_token)
}

#[tracing::instrument(name = "auth::logout", skip_all)]
pub async fn logout(state: &AppState, session_token: &str) -> AppResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    sessions::delete(&mut conn, &token::hash(session_token)).await?;
    Ok(())
}

#[tracing::instrument(name = "auth::current_user", skip_all)]
pub async fn current_user(state: &AppState, session_token: &str) -> AppResult<Option<CurrentUser>> {
    let mut conn = state.db.pool.acquire().await?;
    let Some((user, roles)) =
        users::by_session(&mut conn, &token::hash(session_token), state.now()).await?
    else {
        return Ok(None);
    };
    let actor = Actor {
        user_id: user.id,
        platform_admin: user.platform_admin,
        roles,
    };
    Ok(Some(CurrentUser { user, actor }))
}

/// The signed-in user as the UI needs them: who they are, whether the
/// `+ → Utilisateur` menu is theirs, whether mails are read in the
/// development mailbox.
#[tracing::instrument(name = "auth::me", skip_all, fields(user = %current.user.id))]
pub async fn me(
    state: &AppState,
    current: CurrentUser,
    directory: &super::directory::Shared,
) -> AppResult<Me> {
    let manages_users = super::groups::administers_any(state, &current, directory).await?;
    let dev_mailbox = current.user.platform_admin && state.config.smtp_url.is_none();
    let user = current.user;
    let display_name = user.display_name();
    Ok(Me {
        id: user.id,
        initials: initials(&user.first_name, &user.last_name, &display_name),
        display_name,
        email: user.email,
        platform_admin: user.platform_admin,
        manages_users,
        dev_mailbox,
        lang: user.language,
    })
}

#[tracing::instrument(name = "auth::set_language", skip_all, fields(user = %user_id))]
pub async fn set_language(state: &AppState, user_id: UserId, lang: Lang) -> AppResult<()> {
    let mut conn = state.db.pool.acquire().await?;
    users::set_language(&mut conn, user_id, lang, state.now()).await?;
    Ok(())
}
