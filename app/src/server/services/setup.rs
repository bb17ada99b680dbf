//! The first platform admin: a one-time link printed at start while no
//! platform admin exists, and the `create-admin` command for scripts.

use crate::contracts::error::FormField;
use crate::contracts::setup::SetupStatus;
use crate::domain::audit::AuditAction;
use crate::domain::billing::BillingReason;
use crate::domain::password::PasswordError;
use crate::domain::person_name::PersonName;
use crate::domain::{AccountType, Email, UserId};
use crate::i18n::{Lang, Msg};
use crate::server::auth::{password as hashing, token};
use crate::server::error::{AppError, AppResult, Problems, is_unique_violation};
use crate::server::services::auth::{SignedIn, open_session};
use crate::server::services::invitations;
use crate::server::state::AppState;
use crate::server::store::{audit, settings, users};

/// A new setup token while no platform admin exists (replacing any earlier
/// one), `None` once one does.
#[tracing::instrument(name = "setup::issue_token", skip_all)]
pub async fn issue_token(state: &AppState) -> AppResult<Option<String>> {
    let mut conn = state.db.pool.acquire().await?;
    if users::count_platform_admins(&mut conn).await? > 0 {
        settings::delete(&mut conn, settings::SETUP_TOKEN_HASH).await?;
        return Ok(None);
    }
    let raw = token::generate();
    settings::set(&mut conn, settings::SETUP_TOKEN_HASH, &token::hash(&raw)).await?;
    Ok(Some(raw))
}

#[tracing::instrument(name = "setup::status", skip_all)]
pub async fn status(state: &AppState, presented: &str) -> AppResult<SetupStatus> {
    let mut conn = state.db.pool.acquire().await?;
    if users::count_platform_admins(&mut conn).await? > 0 {
        return Ok(SetupStatus::Done);
    }
    let stored = settings::get(&mut conn, settings::SETUP_TOKEN_HASH).await?;
    Ok(match stored {
        Some(hash) if token::matches(presented, &hash) => SetupStatus::Open,
        _ => SetupStatus::InvalidLink,
    })
}

#[derive(Clone, Debug)]
pub struct AdminInput {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub password_confirm: String,
    pub language: Lang,
}

pub fn password_message(e: PasswordError) -> Msg {
    match e {
        PasswordError::TooShort => Msg::ErrPasswordTooShort,
        PasswordError::TooLong => Msg::ErrPasswordTooLong,
        PasswordError::TooCommon => Msg::ErrPasswordCommon,
        PasswordError::Mismatch => Msg::ErrPasswordMismatch,
    }
}

struct ValidAdmin {
    email: Email,
    first_name: PersonName,
    last_name: PersonName,
    password_hash: String,
}

async fn validate(input: AdminInput) -> AppResult<ValidAdmin> {
    // Every input is checked before answering: the form shows them all.
    let mut problems = Problems::default();
    let names = problems.names(&input.first_name, &input.last_name);
    let email = problems.take(
        FormField::Email,
        Email::parse(&input.email),
        Msg::ErrEmailInvalid,
    );
    let password_ok = problems.password(&input.password, &input.password_confirm);
    let (Some((first_name, last_name)), Some(email), true) = (names, email, password_ok) else {
        return Err(problems.into_error());
    };
    let password_hash = hashing::hash(input.password).await?;
    Ok(ValidAdmin {
        email,
        first_name,
        last_name,
        password_hash,
    })
}

async fn insert_admin(
    conn: &mut sqlx::AnyConnection,
    admin: ValidAdmin,
    language: Lang,
    now: i64,
) -> AppResult<UserId> {
    invitations::ensure_not_invited(conn, admin.email.as_str()).await?;
    let new = users::NewUser {
        email: Some(admin.email.as_str().to_owned()),
        login_name: None,
        first_name: admin.first_name.into_string(),
        last_name: admin.last_name.into_string(),
        password_hash: Some(admin.password_hash),
        platform_admin: true,
        account_type: AccountType::Member,
        language,
        activated_at: Some(now),
        created_by: None,
        extra_info: String::new(),
        deletion_at: None,
    };
    let id = users::insert(conn, &new, now).await.map_err(|e| {
        if is_unique_violation(&e) {
            AppError::Invalid(Msg::ErrEmailTaken)
        } else {
            e.into()
        }
    })?;
    // The first admin is a member like any: billed from now (no limit can
    // be set before there is an admin to set it).
    users::record_billing_start(conn, id, AccountType::Member, BillingReason::Created, now).await?;
    audit::record(
        conn,
        AuditAction::PlatformAdminCreated,
        audit::Entry {
            target_user_id: Some(id),
            target_email: new.email,
            ..Default::default()
        },
        now,
    )
    .await?;
    Ok(id)
}

#[tracing::instrument(
    name = "setup::create_first_admin",
    skip_all,
    fields(user = tracing::field::Empty)
)]
pub async fn create_first_admin(
    state: &AppState,
    presented: &str,
    input: AdminInput,
) -> AppResult<SignedIn> {
    match status(state, presented).await? {
        SetupStatus::Open => {}
        SetupStatus::Done => return Err(AppError::Invalid(Msg::SetupDone)),
        SetupStatus::InvalidLink => return Err(AppError::Invalid(Msg::SetupInvalidLink)),
    }
    let language = input.language;
    let admin = validate(input).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    // Consuming the token is the guard: of two racing submissions, only the
    // one that deletes the row goes on.
    if !settings::take(&mut tx, settings::SETUP_TOKEN_HASH).await? {
        return Err(AppError::Invalid(Msg::SetupDone));
    }
    let id = insert_admin(&mut tx, admin, language, now).await?;
    tracing::Span::current().record("user", tracing::field::display(id));
    tx.commit().await?;
    let mut conn = state.db.pool.acquire().await?;
    let session_token = open_session(state, &mut conn, id).await?;
    let user = users::by_id(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SignedIn {
        user,
        session_token,
    })
}

/// For the `create-admin` command: whoever runs it already controls the
/// server, so no token is asked.
#[tracing::instrument(name = "setup::create_admin", skip_all, fields(user = tracing::field::Empty))]
pub async fn create_admin(state: &AppState, input: AdminInput) -> AppResult<UserId> {
    let language = input.language;
    let admin = validate(input).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let id = insert_admin(&mut tx, admin, language, now).await?;
    tracing::Span::current().record("user", tracing::field::display(id));
    settings::delete(&mut tx, settings::SETUP_TOKEN_HASH).await?;
    tx.commit().await?;
    Ok(id)
}
