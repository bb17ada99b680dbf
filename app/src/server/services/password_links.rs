//! Set-password links: how an account created with "Envoyer ces nouveaux
//! identifiants par email" gets its password. We never mail a password
//! (OWASP ASVS 2.5.1): the mail carries the login and a one-time link,
//! valid 7 days, re-sendable by the admins of the account.

use crate::contracts::accounts::SetPasswordView;
use crate::domain::UserId;
use crate::domain::audit::AuditAction;
use crate::i18n::Msg;
use crate::server::auth::{password as hashing, token};
use crate::server::clock::{DAY, Millis};
use crate::server::error::{AppError, AppResult, Problems};
use crate::server::mail::{SetPasswordMail, set_password as render};
use crate::server::services::auth::{CurrentUser, SignedIn, open_session};
use crate::server::services::profiles;
use crate::server::state::AppState;
use crate::server::store::password_tokens::{self, TokenRecord};
use crate::server::store::users::UserRecord;
use crate::server::store::{Conn, audit, outbox, users};

pub const LIFETIME: Millis = 7 * DAY;

/// Ends the account's earlier links, creates one and queues its mail (in
/// the caller's transaction). The caller rings the mail worker.
#[tracing::instrument(name = "password_links::issue", skip_all, fields(user = %user.id))]
pub async fn issue(
    state: &AppState,
    conn: &mut Conn,
    user: &UserRecord,
    sent_by: &str,
    now: i64,
) -> AppResult<()> {
    issue_many(state, conn, std::slice::from_ref(user), sent_by, now).await
}

/// `issue` for many accounts at once (an import's creations): links and
/// mails written with multi-row statements. Every account needs an address.
pub async fn issue_many(
    state: &AppState,
    conn: &mut Conn,
    users: &[UserRecord],
    sent_by: &str,
    now: i64,
) -> AppResult<()> {
    if users.iter().any(|u| u.email.is_none()) {
        // No address, no mail: such accounts get their password from the admin.
        return Err(AppError::Invalid(Msg::ErrNoEmailNoMail));
    }
    let ids: Vec<UserId> = users.iter().map(|u| u.id).collect();
    password_tokens::revoke_for_users(conn, &ids, now).await?;
    let expires_at = now + LIFETIME;
    let raws: Vec<String> = users.iter().map(|_| token::generate()).collect();
    let links: Vec<(String, UserId)> = raws
        .iter()
        .zip(&ids)
        .map(|(raw, id)| (token::hash(raw), *id))
        .collect();
    password_tokens::insert_many(conn, &links, expires_at, now).await?;
    let mails: Vec<outbox::NewMail> = users
        .iter()
        .zip(&raws)
        .map(|(user, raw)| {
            let email = user.email.clone().unwrap_or_default();
            let mut link = state
                .config
                .public_url
                .join("/set-password")
                .expect("a static path joins any base URL");
            link.query_pairs_mut().append_pair("token", raw);
            let rendered = render(&SetPasswordMail {
                lang: user.language,
                name: &user.display_name(),
                login: &email,
                sent_by,
                link: link.as_str(),
                expires_at,
            });
            outbox::NewMail {
                kind: "set_password",
                recipient: email,
                subject: rendered.subject,
                body_text: rendered.text,
                body_html: rendered.html,
                invitation_id: None,
                user_id: Some(user.id),
            }
        })
        .collect();
    outbox::enqueue_many(
        conn,
        &mails,
        state.config.public_url.host_str().unwrap_or("onboard"),
        now,
    )
    .await?;
    Ok(())
}

async fn live(conn: &mut Conn, raw: &str, now: i64) -> AppResult<TokenRecord> {
    let record = password_tokens::find(conn, &token::hash(raw))
        .await?
        .ok_or(AppError::Invalid(Msg::PasswordLinkInvalid))?;
    if record.used_at.is_some() {
        return Err(AppError::Invalid(Msg::PasswordLinkUsed));
    }
    if record.expires_at <= now {
        return Err(AppError::Invalid(Msg::PasswordLinkExpired));
    }
    Ok(record)
}

/// What the set-password page shows (GET): nothing changes.
#[tracing::instrument(name = "password_links::open", skip_all)]
pub async fn open(state: &AppState, raw: &str) -> AppResult<SetPasswordView> {
    let mut conn = state.db.pool.acquire().await?;
    let record = live(&mut conn, raw, state.now()).await?;
    let user = users::by_id(&mut conn, record.user_id)
        .await?
        .ok_or(AppError::Invalid(Msg::PasswordLinkInvalid))?;
    Ok(SetPasswordView {
        login: user
            .email
            .clone()
            .or(user.login_name.clone())
            .unwrap_or_default(),
        name: user.display_name(),
        language: user.language,
    })
}

/// Sets the password through a live link (once: a conditional update), then
/// signs the person in.
#[tracing::instrument(name = "password_links::set", skip_all, fields(user = tracing::field::Empty))]
pub async fn set(
    state: &AppState,
    raw: &str,
    new_password: String,
    confirm: String,
) -> AppResult<SignedIn> {
    let mut problems = Problems::default();
    problems.password(&new_password, &confirm);
    problems.check()?;
    {
        // Fail fast on a dead link before spending a password hash.
        let mut conn = state.db.pool.acquire().await?;
        live(&mut conn, raw, state.now()).await?;
    }
    let hash = hashing::hash(new_password).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let record = live(&mut tx, raw, now).await?;
    tracing::Span::current().record("user", tracing::field::display(record.user_id));
    if !password_tokens::consume(&mut tx, &token::hash(raw), now).await? {
        return Err(AppError::Invalid(Msg::PasswordLinkUsed));
    }
    users::set_password(&mut tx, record.user_id, &hash, now).await?;
    audit::record(
        &mut tx,
        AuditAction::AccountPasswordSet,
        audit::Entry {
            actor_user_id: Some(record.user_id),
            target_user_id: Some(record.user_id),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    let mut conn = state.db.pool.acquire().await?;
    let session_token = open_session(state, &mut conn, record.user_id).await?;
    let user = users::by_id(&mut conn, record.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SignedIn {
        user,
        session_token,
    })
}

/// A new link from the user's page (the previous ones stop working).
#[tracing::instrument(
    name = "password_links::resend",
    skip_all,
    fields(actor = %me.user.id, user = %account)
)]
pub async fn resend(state: &AppState, me: &CurrentUser, account: UserId) -> AppResult<()> {
    let user_id = account;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let user = profiles::managed_user(&mut tx, me, account).await?;
    if user.password_hash.is_some() {
        // The link is how a new account gets its first password only.
        return Err(AppError::Invalid(Msg::ErrPasswordAlreadyChosen));
    }
    issue(state, &mut tx, &user, &me.user.display_name(), now).await?;
    audit::record(
        &mut tx,
        AuditAction::AccountPasswordLinkSent,
        audit::Entry {
            actor_user_id: Some(me.user.id),
            target_user_id: Some(user_id),
            ..Default::default()
        },
        now,
    )
    .await?;
    tx.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(())
}
